/**
 * Builds the add-in as shipped (webpack, production) into a folder: once per Jest run for the
 * browser tests (globalSetup), once per `npm run bench`.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";

/** The repository: found from here upwards, so that this also works bundled into dist/bench. */
function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const file = join(dir, "package.json");
    if (existsSync(file) && (JSON.parse(readFileSync(file, "utf8")) as { name?: string }).name === "minstd")
      return dir;
    if (dirname(dir) === dir) throw new Error(`no MinStd package.json above ${from}`);
  }
}

export const ROOT = findRoot(__dirname);
/** The address the built manifest names (any https URL ending in "/"). */
export const PRODUCTION_URL = "https://minstd.example.test/addin/";
/** Where globalSetup tells the test files the build is. */
export const BUILD_ENV = "MINSTD_TEST_ADDIN_DIR";

export async function buildAddin(root = ROOT): Promise<string> {
  const out = mkdtempSync(join(tmpdir(), "minstd-addin-"));
  await promisify(execFile)(
    process.execPath,
    [join(root, "node_modules/webpack/bin/webpack.js"), "--mode", "production", "--output-path", out],
    { cwd: root, env: { ...process.env, MINSTD_ADDIN_URL: PRODUCTION_URL }, maxBuffer: 16 * 1024 * 1024 },
  );
  return out;
}

/** The folder globalSetup built the add-in into. */
export function builtAddin(): string {
  const dir = process.env[BUILD_ENV];
  if (!dir)
    throw new Error(`${BUILD_ENV} is not set: run the browser tests through Jest's "browser" project`);
  return dir;
}
