/**
 * What the tests run compiled, built once per Jest run before any test file (globalSetup of the
 * "node" and "browser" projects): the `minstd` command as shipped (dist/cli/minstd.js, rebuilt
 * when a source is newer) and the test server process of harness.ts. Starting them then compiles
 * nothing, so a busy machine starts them in well under a second instead of several.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, renameSync } from "node:fs";
import { join, resolve } from "node:path";

const ROOT = resolve(__dirname, "../..");
/** Where globalSetup tells the test files the compiled test server is (see harness.ts). */
export const TEST_SERVER_ENV = "MINSTD_TEST_SERVER_JS";

export async function buildCompiled(): Promise<void> {
  execFileSync(process.execPath, [join(ROOT, "scripts/build-cli.js"), "--if-stale"], { stdio: "inherit" });
  // Two folders below the repository, like the sources: paths made from __dirname stay the same.
  const outfile = join(ROOT, "dist/test/serverProcess.js");
  const temp = `${outfile}.${process.pid}.tmp`;
  mkdirSync(join(ROOT, "dist/test"), { recursive: true });
  const { build } = await import("esbuild");
  await build({
    entryPoints: [join(ROOT, "test/server/serverProcess.ts")],
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    packages: "external",
    outfile: temp,
    logLevel: "warning",
  });
  renameSync(temp, outfile);
  process.env[TEST_SERVER_ENV] = outfile;
}
