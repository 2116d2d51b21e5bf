/**
 * Builds the Excel add-in into dist/addin: taskpane.html (the shared runtime's one page, hosting the
 * task pane and the custom functions), functions.js, functions.json (generated from the JSDoc of
 * src/functions/functions.ts), functions-th.json (its Thai descriptions), manifest.xml and icons.
 *
 *   npm run build        production build; MINSTD_ADDIN_URL=https://host/path/ sets where it will be served
 *   npm run dev-server   https://localhost:3000 for sideloading
 *
 * MINSTD_SERVER_URL sets the collection server the pane offers before the officer types one (a
 * development build offers npm start's local server, http://127.0.0.1:8080).
 */
const path = require("node:path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { DefinePlugin, NormalModuleReplacementPlugin } = require("webpack");
const tsx = require("tsx/cjs/api");

const { ThaiMetadataPlugin } = tsx.require("./tools/functionsMetadata/webpackPlugin.ts", __filename);

/** The collection server of `npm start` (scripts/start/collectionServer.ts). */
const DEV_SERVER_URL = "http://127.0.0.1:8080";

/** The URL manifest.xml names; a production build replaces it with MINSTD_ADDIN_URL. */
const DEV_URL = "https://localhost:3000/";
const DEV_PORT = 3000;

function productionUrl() {
  const url = process.env.MINSTD_ADDIN_URL;
  if (url === undefined || url === "") return DEV_URL;
  if (!/^https:\/\/[^\s]+\/$/.test(url)) {
    throw new Error(
      `MINSTD_ADDIN_URL must be an https URL ending in "/", e.g. https://minstd.example.go.th/addin/ (got ${url})`,
    );
  }
  return url;
}

module.exports = async (env, options) => {
  const dev = options.mode !== "production";
  const url = dev ? DEV_URL : productionUrl();
  const serving = !env.WEBPACK_BUILD;
  const https = serving
    ? await tsx.require("./scripts/devCerts.ts", __filename).devServerHttpsOptions()
    : undefined;
  return {
    devtool: "source-map",
    entry: {
      // functions.js stands alone (Excel may load it as the custom functions' script) and carries
      // webpack's runtime and what both use (core, the shipped rounds); taskpane.js, on the same
      // page, takes those from it instead of a second copy. The CustomFunctions stand-in comes first,
      // so the functions register without an error on a page outside Excel.
      functions: ["./src/taskpane/customFunctionsGuard.ts", "./src/functions/functions.ts"],
      taskpane: { import: "./src/taskpane/index.tsx", dependOn: "functions" },
    },
    output: {
      path: path.resolve(__dirname, "dist/addin"),
      filename: "[name].js",
      // Not `self`, nor a public path found from the page's scripts: functions.js also runs where
      // there is no window (a test's bare context). Chunks sit next to taskpane.html.
      globalObject: "globalThis",
      publicPath: "",
      // The pane's lazily loaded parts (first-run setup, the summary, the writers); named by content so
      // a new version never meets an old cached chunk.
      chunkFilename: "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
      // The pages render with Preact's React-compatible layer: React's DOM renderer alone is two
      // thirds of the gzipped size the pane may load at startup. The code is written against React
      // (and tested with it in jsdom); the browser tests run these bundles.
      alias: {
        react$: "preact/compat",
        "react-dom$": "preact/compat",
        "react-dom/client$": "preact/compat/client",
        "react/jsx-runtime$": "preact/jsx-runtime",
        "react/jsx-dev-runtime$": "preact/jsx-dev-runtime",
      },
    },
    module: {
      rules: [
        {
          // Core's modules do nothing when imported but define things, so a bundle takes only the
          // modules whose exports it uses: the pane and the functions read rounds and score without
          // the schemas (core/rules/round, core/rules/submission) and zod, which load when something is checked.
          test: /[\\/](src[\\/]core|data[\\/]rounds)[\\/]/,
          sideEffects: false,
        },
        {
          test: /[\\/]data[\\/]rounds[\\/][^\\/]+\.json$/,
          type: "json",
          use: path.resolve(__dirname, "scripts/webpack/roundDataLoader.js"),
        },
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            // Type checking is `npm run typecheck`; the bundle only needs the code transpiled. ES modules
            // (not the tsconfig's CommonJS, which is for Node and Jest) let webpack split at import()
            // and leave out what is not used of Fluent UI and zod.
            options: {
              transpileOnly: true,
              compilerOptions: { noEmit: false, module: "es2020", sourceMap: true },
            },
          },
        },
      ],
    },
    plugins: [
      // The build checks the shipped rounds (roundDataLoader): the pages read them as they are.
      new NormalModuleReplacementPlugin(/^\.\/shippedRoundReader$/, "./shippedRoundReader.checked"),
      new DefinePlugin({
        "process.env.MINSTD_SERVER_URL": JSON.stringify(
          process.env.MINSTD_SERVER_URL ?? (dev ? DEV_SERVER_URL : ""),
        ),
      }),
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./src/functions/functions.ts" }),
      new ThaiMetadataPlugin(),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane", "functions"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          // The LAO register, fetched by the pane when it needs it (src/taskpane/register/loadRegister.ts).
          { from: "data/lao-registry.csv", to: "lao-registry.csv" },
          {
            from: "manifest.xml",
            to: "[name][ext]",
            transform: (content) => content.toString().replaceAll(DEV_URL, url),
          },
        ],
      }),
    ],
    optimization: {
      splitChunks: {
        cacheGroups: {
          // Name the library part of a lazily loaded chunk after what loads it ("vendors-setup"), not a number.
          defaultVendors: {
            test: /[\\/]node_modules[\\/]/,
            priority: -10,
            reuseExistingChunk: true,
            name: (_module, chunks) => `vendors-${chunks.map((c) => c.name ?? c.id).join("-")}`,
          },
        },
      },
    },
    performance: { hints: false },
    devServer: {
      headers: { "Access-Control-Allow-Origin": "*" },
      server: { type: "https", options: https },
      host: "localhost",
      static: false,
      port: DEV_PORT,
    },
  };
};
