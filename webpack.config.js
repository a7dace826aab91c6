/* Build: the functions bundle (+ generated functions.json), the shared-runtime taskpane page,
 * the manifest and the icons, all into dist/. `webpack serve` serves them on
 * https://localhost:3000 (see scripts/start.js). */
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const TerserPlugin = require("terser-webpack-plugin");
const { getHttpsOptions } = require("./scripts/dev-certs");
const { LegworkMetadataPlugin } = require("./scripts/functions-metadata");
const { DEV_URL, releaseManifest } = require("./scripts/manifest-url");

// Where a release is hosted; without it the built manifest keeps the development URLs.
const publicUrl = process.env.LEGWORK_PUBLIC_URL || "";
const port = Number(process.env.LEGWORK_PORT || process.env.npm_package_config_dev_server_port || 3000);

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  const serving = Boolean(env && env.WEBPACK_SERVE);
  return {
    devtool: "source-map",
    entry: {
      functions: "./src/functions/functions.ts",
      taskpane: "./src/taskpane/taskpane.ts",
      // The HyperFormula preview is a development page: never part of a release build.
      ...(dev ? { preview: "./src/preview/preview.ts" } : {}),
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      // live.js: the market-data service, loaded the first time a live function is called.
      chunkFilename: "[name].js",
      // Chunks load relative to the page (taskpane.html sits beside them). A fixed public path
      // also keeps the runtime from probing `document` when functions.js loads.
      publicPath: "",
      globalObject: "globalThis",
      clean: true,
    },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            // ES modules for webpack (tsconfig.json's CommonJS is for jest): scope hoisting and
            // tree shaking keep functions.js small.
            options: { onlyCompileBundledFiles: true, compilerOptions: { module: "es2020", target: "es2020" } },
          },
        },
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
      // The shared runtime: one page hosts the taskpane and the custom functions, so the
      // functions can reach the network (CORS) and share state with the taskpane.
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
    devServer: {
      static: { directory: path.join(__dirname, "dist") },
      headers: { "Access-Control-Allow-Origin": "*" },
      server: { type: "https", options: serving ? await getHttpsOptions() : {} },
      port,
      hot: false,
      liveReload: false,
      client: false,
    },
  };
};
