/**
 * HTTPS options for the dev server on https://localhost:3000.
 *
 * Office requires add-ins to be served over HTTPS. office-addin-dev-certs makes a local CA and a
 * localhost certificate in ~/.office-addin-dev-certs and then tries to trust the CA. On Windows
 * and macOS its getHttpsServerOptions() does both. On Linux the trust step runs `sudo`, fails
 * (and on a machine without sudo, fails while reporting success), and getHttpsServerOptions()
 * then retries forever-ish and breaks `webpack serve`; so there we generate the files once,
 * reuse them while they are valid, and print how to trust the CA in the browser.
 */
const crypto = require("crypto");
const fs = require("fs");
const devCerts = require("office-addin-dev-certs");
const defaults = require("office-addin-dev-certs/lib/defaults");

const MIN_VALID_MS = 24 * 60 * 60 * 1000;

function stillValid() {
  const files = [defaults.caCertificatePath, defaults.localhostCertificatePath, defaults.localhostKeyPath];
  if (!files.every((f) => fs.existsSync(f))) return false;
  const cert = new crypto.X509Certificate(fs.readFileSync(defaults.localhostCertificatePath));
  return new Date(cert.validTo).getTime() - Date.now() > MIN_VALID_MS;
}

async function linuxHttpsOptions() {
  if (!stillValid()) {
    await devCerts.generateCertificates();
  }
  return {
    ca: fs.readFileSync(defaults.caCertificatePath),
    cert: fs.readFileSync(defaults.localhostCertificatePath),
    key: fs.readFileSync(defaults.localhostKeyPath),
  };
}

async function getHttpsOptions() {
  if (process.platform === "linux") return linuxHttpsOptions();
  const options = await devCerts.getHttpsServerOptions();
  return { ca: options.ca, key: options.key, cert: options.cert };
}

module.exports = { getHttpsOptions, caCertificatePath: defaults.caCertificatePath };
