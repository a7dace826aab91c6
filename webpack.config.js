/* Build, in two parts:
 * - the add-in, into dist/: the functions bundle (+ generated functions.json), the shared-runtime
 *   taskpane page, the manifest, the icons, the function reference and the start page;
 * - the relay, into build/relay/: server.js (the Node relay that serves dist/ and relays
 *   `/{exchange}/…`; `npm start` runs it over HTTPS on https://localhost:3000), relay.js (the same
 *   as a library, for scripts/serve.js and the tests) and worker.js (the edge build). */
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const TerserPlugin = require("terser-webpack-plugin");
const { DefinePlugin } = require("webpack");
const { LegworkMetadataPlugin } = require("./scripts/functions-metadata");
const { DEV_URL, releaseManifest } = require("./scripts/manifest-url");

// Where a release is hosted; without it the built manifest keeps the development URLs.
const publicUrl = process.env.LEGWORK_PUBLIC_URL || "";

/** TypeScript as ES modules for webpack (tsconfig.json's CommonJS is for jest): scope hoisting and tree shaking. */
const tsRule = (target) => ({
  test: /\.ts$/,
  exclude: /node_modules/,
  use: { loader: "ts-loader", options: { onlyCompileBundledFiles: true, compilerOptions: { module: "es2020", target } } },
});

/** The relay: Node (server.js, relay.js) and edge (worker.js) builds of src/relay. */
function relayConfigs(mode) {
  const common = {
    mode,
    devtool: "source-map",
    resolve: { extensions: [".ts", ".js"] },
    module: { rules: [tsRule("es2022")] },
    performance: { hints: false },
    optimization: { minimize: false },
  };
  return [
    {
      ...common,
      name: "relay-node",
      target: "node20",
      entry: { server: "./src/relay/server.ts", relay: "./src/relay/node.ts" },
      output: { path: path.resolve(__dirname, "build/relay"), filename: "[name].js", library: { type: "commonjs2" } },
    },
    {
      ...common,
      name: "relay-worker",
      // An edge runtime: web APIs only, so using a Node built-in in the relay is a build error.
      target: "webworker",
      entry: { worker: "./src/relay/worker.ts" },
      experiments: { outputModule: true },
      output: { path: path.resolve(__dirname, "build/relay"), filename: "[name].js", library: { type: "module" } },
    },
  ];
}

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  const addin = {
    name: "addin",
    mode: options.mode,
    devtool: "source-map",
    entry: {
      functions: "./src/functions/functions.ts",
      taskpane: "./src/taskpane/taskpane.ts",
      // The book functions (REALIZEDPNL, …): a bundle of its own, fetched by functions.js on their
      // first call (src/functions/lazy.ts). Its own copy of what it uses: sharing modules with a
      // chunk would cost functions.js its scope hoisting and a chunk-loading runtime.
      book: { import: "./src/functions/book.ts", library: { name: "legworkBook", type: "global" } },
      // The option functions (Black-76) and NETDELTA over option columns, the same way.
      options: { import: "./src/functions/options-bundle.ts", library: { name: "legworkOptions", type: "global" } },
      // FORWARDAPY and CONSTANTMATURITY, the same way.
      curves: { import: "./src/functions/curves-bundle.ts", library: { name: "legworkCurves", type: "global" } },
      // The market-data service (live.js), the same way, fetched on the first live call.
      live: { import: "./src/live/service.ts", library: { name: "legworkLive", type: "global" } },
      // The HyperFormula preview is a development page: never part of a release build.
      ...(dev ? { preview: "./src/preview/preview.ts" } : {}),
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      // A fixed public path keeps webpack's runtime from probing `document` when functions.js loads.
      publicPath: "",
      // live.js, book.js, options.js and curves.js set their globals (legworkLive, legworkBook, …) on the page's globalThis.
      globalObject: "globalThis",
      clean: true,
    },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        tsRule("es2020"),
        // decimal.js's ln(10) and π to 300 digits, not 1,025: Legwork's decimals have 40 (see the loader).
        { test: /[\\/]decimal\.js[\\/]decimal\.mjs$/, loader: path.resolve(__dirname, "scripts/trim-decimal-constants.js") },
      ],
    },
    performance: { hints: false },
    optimization: {
      // Terser with modern output and extra passes: functions.js has a 60 KiB budget.
      minimizer: [
        new TerserPlugin({
          extractComments: false,
          terserOptions: {
            ecma: 2020,
            compress: { passes: 3, unsafe_arrows: true, unsafe_methods: true },
            format: { comments: false },
          },
        }),
      ],
    },

    plugins: [
      new CustomFunctionsMetadataPlugin({
        output: "functions.json",
        input: "./src/functions/functions.ts",
      }),
      // functions.json without the data-types flag and with help links; functions.html; index.html.
      new LegworkMetadataPlugin({ baseUrl: dev ? DEV_URL : releaseManifest(DEV_URL, publicUrl) }),
      // The live functions ask the relay at this address; "" means the page's own origin (npm start).
      new DefinePlugin({ LEGWORK_RELAY_URL: JSON.stringify(dev ? "" : publicUrl) }),
      // The shared runtime: one page hosts the taskpane and the custom functions, so the
      // functions can use the page's fetch (to the relay) and share state with the taskpane.
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["functions", "taskpane"],
        scriptLoading: "blocking",
        inject: "body",
      }),
      ...(dev
        ? [
            new HtmlWebpackPlugin({
              filename: "preview.html",
              template: "./src/preview/preview.html",
              chunks: ["preview"],
              inject: "body",
            }),
          ]
        : []),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/taskpane/taskpane.css", to: "taskpane.css" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform(content) {
              return dev ? content : releaseManifest(content.toString(), publicUrl);
            },
          },
        ],
      }),
    ],
  };
  return [addin, ...relayConfigs(options.mode)];
};
