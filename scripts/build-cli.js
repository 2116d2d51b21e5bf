#!/usr/bin/env node
/**
 * Builds the `minstd` command (src/cli/main.ts, which also runs `minstd serve`) into one
 * JavaScript file, dist/cli/minstd.js, so that starting it compiles nothing: `npm run build:cli`,
 * and the `prepare` script after `npm install` / `npm ci`. Plain JavaScript, so it runs without tsx.
 *
 * Start-up time decides what goes where. Node spends more on finding and compiling a package's
 * many small files than on one file of the same code, so the pure-JavaScript packages that
 * `minstd check` and the other file commands load are bundled: commander and zod (only the parts
 * used) into the command itself, exceljs and its dependencies into dist/cli/exceljs.js, a file of
 * its own that is required only by the commands that read or write workbooks, so `minstd --version`
 * does not compile it. The server's packages stay in node_modules: PGlite finds its wasm and data
 * files next to its own code, pg's optional pg-native is never pulled in, and they only load under
 * `minstd serve` and the database commands. The bundle sits two folders below the repository, as
 * the sources do, so paths made from __dirname (data/, dist/dashboard) are the same. esbuild is a
 * devDependency and also comes with tsx, a dependency.
 *
 * `--if-stale` builds only when a source is newer than the bundle (the tests use it).
 */
const { existsSync, mkdirSync, readdirSync, renameSync, statSync, writeFileSync } = require("node:fs");
const { dirname, join, resolve } = require("node:path");

const ROOT = resolve(__dirname, "..");
const ENTRY = join(ROOT, "src/cli/main.ts");
const OUTFILE = join(ROOT, "dist/cli/minstd.js");
/** exceljs and what it uses, beside the bundle; the bundle requires it as "./exceljs.js". */
const EXCELJS_FILE = "exceljs.js";

/** Packages bundled into the command (see above); every other package is left to node_modules. */
const BUNDLED = ["commander", "zod"];

/** Everything the bundle is made from: sources, shipped rounds, the package and this script. */
const INPUTS = [
  "src",
  "tools",
  "data/rounds",
  "package.json",
  "tsconfig.json",
  "tsconfig.base.json",
  "scripts/build-cli.js",
];

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
  return newest;
}

/** True when dist/cli/minstd.js or its exceljs.js is missing, or older than one of its inputs. */
function cliStale(outfile = OUTFILE) {
  if (!existsSync(outfile) || !existsSync(join(dirname(outfile), EXCELJS_FILE))) return true;
  const built = statSync(outfile).mtimeMs;
  return INPUTS.some((p) => newestMtime(join(ROOT, p)) > built);
}

/**
 * Bundles the CLI. Written beside the target and renamed over it, so a command started during
 * the build runs either the old bundle or the new one, never half of one.
 */
async function buildCli({ ifStale = false, outfile = OUTFILE } = {}) {
  if (ifStale && !cliStale(outfile)) return { built: false, outfile };
  const { build } = require("esbuild");
  const isBundled = (name) => BUNDLED.some((p) => name === p || name.startsWith(`${p}/`));
  const packages = {
    name: "packages",
    setup(b) {
      // Bare package names only: relative and absolute paths are sources.
      b.onResolve({ filter: /^[^./]/ }, (args) => {
        if (args.path === "exceljs") return { path: `./${EXCELJS_FILE}`, external: true };
        if (args.path.startsWith("node:") || isBundled(args.path)) return undefined;
        return { path: args.path, external: true };
      });
    },
  };
  const [result, exceljs] = await Promise.all([
    build({
      entryPoints: [ENTRY],
      bundle: true,
      platform: "node",
      format: "cjs",
      target: "node20",
      plugins: [packages],
      write: false,
      outfile,
      // dist/cli/minstd.js.map, read only under `node --enable-source-maps`.
      sourcemap: "linked",
      sourcesContent: false,
      legalComments: "none",
      logLevel: "warning",
    }),
    build({
      stdin: { contents: 'module.exports = require("exceljs");', resolveDir: ROOT, loader: "js" },
      bundle: true,
      platform: "node",
      format: "cjs",
      target: "node20",
      // Smaller to read and compile; names kept, so a stack trace still says where.
      minifyWhitespace: true,
      minifySyntax: true,
      write: false,
      outfile: join(dirname(outfile), EXCELJS_FILE),
      legalComments: "none",
      logLevel: "warning",
    }),
  ]);
  mkdirSync(dirname(outfile), { recursive: true });
  // exceljs and the map first, the bundle last: the bundle's time is what --if-stale compares.
  const files = [...exceljs.outputFiles, ...result.outputFiles].sort(
    (a, b) => Number(a.path === outfile) - Number(b.path === outfile),
  );
  for (const file of files) {
    const temp = `${file.path}.${process.pid}.tmp`;
    writeFileSync(temp, file.contents);
    renameSync(temp, file.path);
  }
  return { built: true, outfile };
}

module.exports = { buildCli, cliStale, CLI_BUNDLE: OUTFILE };

if (require.main === module) {
  const ifStale = process.argv.includes("--if-stale");
  buildCli({ ifStale }).then(
    ({ built, outfile }) => {
      if (built) console.log(`built ${outfile.slice(ROOT.length + 1)}`);
    },
    (e) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
