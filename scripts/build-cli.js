#!/usr/bin/env node
/**
 * Builds the `minstd` command (src/cli/main.ts, which also runs `minstd serve`) into one
 * JavaScript file, dist/cli/minstd.js, so that starting it compiles nothing: `npm run build:cli`,
 * and the `prepare` script after `npm install` / `npm ci`. Plain JavaScript, so it runs without tsx.
 *
 * Packages stay in node_modules (--packages=external): PGlite finds its wasm and data files next
 * to its own code, and pg's optional pg-native is never pulled in. The bundle sits two folders
 * below the repository, as the sources do, so paths made from __dirname (data/, dist/dashboard)
 * are the same. esbuild is a devDependency and also comes with tsx, a dependency.
 *
 * `--if-stale` builds only when a source is newer than the bundle (the tests use it).
 */
const { existsSync, mkdirSync, readdirSync, renameSync, statSync, writeFileSync } = require("node:fs");
const { dirname, join, resolve } = require("node:path");

const ROOT = resolve(__dirname, "..");
const ENTRY = join(ROOT, "src/cli/main.ts");
const OUTFILE = join(ROOT, "dist/cli/minstd.js");

/** Everything the bundle is made from: sources, shipped rounds, the package and this script. */
const INPUTS = ["src", "data/rounds", "package.json", "tsconfig.json", "scripts/build-cli.js"];

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
  return newest;
}

/** True when dist/cli/minstd.js is missing or older than one of its inputs. */
function cliStale(outfile = OUTFILE) {
  if (!existsSync(outfile)) return true;
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
  const result = await build({
    entryPoints: [ENTRY],
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    packages: "external",
    write: false,
    outfile,
    // dist/cli/minstd.js.map, read only under `node --enable-source-maps`.
    sourcemap: "linked",
    sourcesContent: false,
    legalComments: "none",
    logLevel: "warning",
  });
  mkdirSync(dirname(outfile), { recursive: true });
  // The map first, the bundle last: the bundle's time is what --if-stale compares.
  const files = [...result.outputFiles].sort(
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
