/**
 * The release manifest: the development URLs (https://localhost:3000/) replaced by where a
 * release is hosted. Used by webpack.config.js for `npm run build` with LEGWORK_PUBLIC_URL set.
 */
const DEV_URL = "https://localhost:3000/";

function releaseManifest(content, publicUrl) {
  if (!publicUrl) return content;
  if (!/^https:\/\/[^/]+\/$/.test(publicUrl) && !/^https:\/\/[^/]+\/.+\/$/.test(publicUrl)) {
    throw new Error(`LEGWORK_PUBLIC_URL must be an https:// URL ending in "/" (got ${publicUrl})`);
  }
  return content.split(DEV_URL).join(publicUrl);
}

module.exports = { DEV_URL, releaseManifest };
