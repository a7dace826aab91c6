/**
 * After custom-functions-metadata-plugin has generated functions.json from the JSDoc tags:
 *
 * - drops `allowCustomDataForDataTypeAny`, which the generator always writes. It is a
 *   CustomFunctionsRuntime 1.4 feature: on such clients a cell holding a data type (Stocks,
 *   Currencies, a formatted number) would arrive as an object instead of its value.
 * - gives each function a `helpUrl`: its entry in the function reference, functions.html, served
 *   with the add-in (Excel links it from the function's autocomplete and Insert Function help);
 * - writes that reference page from the same metadata, and index.html, the start page that links
 *   the taskpane, the preview and the reference.
 *
 * The pages are static HTML with no script and no inline style (the add-in's CSP).
 */
const { sources, Compilation } = require("webpack");

const escapeHtml = (s) =>
  String(s).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);

const CSP =
  "default-src 'self'; style-src 'self'; img-src 'self'; script-src 'none'; object-src 'none'; base-uri 'self'; form-action 'none'";

function page(title, body) {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta http-equiv="Content-Security-Policy" content="${CSP}" />
    <title>${escapeHtml(title)}</title>
    <link rel="stylesheet" href="taskpane.css" />
  </head>
  <body>
    <header><h1>${escapeHtml(title)}</h1><p>Legwork: exact functions and strategy sheets for spot + derivatives books.</p></header>
    <main>
${body}
    </main>
  </body>
</html>
`;
}

/** Notes beyond the JSDoc, by function id: what a user must do that the metadata cannot say. */
const NOTES = {
  FUNDINGHISTORY:
    "The first column is an Excel date serial in UTC (e.g. 46351.333…). Format it as a date and time to read it: " +
    "select the column, then Home › Number Format › More Number Formats › Custom, and type yyyy-mm-dd hh:mm. " +
    "The second column is the rate per funding interval (0.0001 = 0.01 %): format it as a percentage with 4 decimals.",
  FUNDINGRATE:
    "Streams: the cell updates on every poll. The rate is per funding interval (see FUNDINGINTERVAL), not annualised: LEGS.FUNDINGYIELD annualises it.",
  MARKPRICE: "Streams: the cell updates on every poll.",
  INDEXPRICE: "Streams: the cell updates on every poll.",
};

function referencePage(metadata) {
  const entries = metadata.functions.map((f) => {
    const params = f.parameters
      .map(
        (p) =>
          `<li><code>${escapeHtml(p.name)}</code>${p.optional ? " (optional)" : ""}: ${escapeHtml(p.description || "")}</li>`,
      )
      .join("");
    const signature = `LEGS.${f.name}(${f.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", ")})`;
    const note = NOTES[f.id] ? `<p>${escapeHtml(NOTES[f.id])}</p>` : "";
    return `<section id="${escapeHtml(f.id)}">
<h2><code>${escapeHtml(signature)}</code></h2>
<p>${escapeHtml(f.description || "")}</p>
<ul>${params}</ul>
${note}
</section>`;
  });
  const index = metadata.functions.map((f) => `<a href="#${escapeHtml(f.id)}">${escapeHtml(f.name)}</a>`).join(" · ");
  return page(
    "LEGS functions: reference",
    `<p>${index}</p>
<p>Errors say what is wrong: <code>#VALUE!</code> names the argument, the value and what is allowed; <code>#N/A</code> means data is missing
(a blank required cell, or live data that cannot be reached). Hover over the error indicator in Excel to read the message.</p>
${entries.join("\n")}`,
  );
}

function startPage() {
  return page(
    "Legwork",
    `<ul>
<li><a href="taskpane.html">The taskpane</a>: pick a strategy and create its sheet (in Excel; outside Excel it shows the form).</li>
<li><a href="preview.html">The preview</a>: every strategy sheet computed without Excel (development server only).</li>
<li><a href="functions.html">The LEGS function reference</a>: every worksheet function, its arguments and its errors.</li>
<li><a href="manifest.xml">manifest.xml</a>: upload it in Excel (Home › Add-ins › More Add-ins › Upload My Add-in).</li>
<li><a href="functions.json">functions.json</a>: the custom functions' metadata.</li>
</ul>`,
  );
}

class LegworkMetadataPlugin {
  /** @param {{ baseUrl: string }} options where the add-in is served, ending in "/" */
  constructor(options) {
    this.baseUrl = options.baseUrl;
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap("LegworkMetadataPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "LegworkMetadataPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONS },
        () => {
          const asset = compilation.getAsset("functions.json");
          if (!asset) return; // the generator reported an error already
          const metadata = JSON.parse(asset.source.source().toString());
          delete metadata.allowCustomDataForDataTypeAny;
          for (const f of metadata.functions) f.helpUrl = `${this.baseUrl}functions.html#${f.id}`;
          compilation.updateAsset("functions.json", new sources.RawSource(JSON.stringify(metadata, null, 4)));
          compilation.emitAsset("functions.html", new sources.RawSource(referencePage(metadata)));
          compilation.emitAsset("index.html", new sources.RawSource(startPage()));
        },
      );
    });
  }
}

module.exports = { LegworkMetadataPlugin, referencePage };
