import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { dashboardBuilt, DEFAULT_DASHBOARD_DIR } from "../server/dashboardFiles";

/**
 * Builds the web dashboard (src/dashboard, React + Fluent UI) into dist/dashboard with esbuild: one
 * minified script named by its content hash, index.html pointing at it, and .br/.gz copies that the
 * server sends to browsers that take them. `npm run build` runs it; `minstd serve` and `npm start`
 * run it when the folder is missing.
 */

const ROOT = resolve(__dirname, "../..");
const ENTRY = join(ROOT, "src/dashboard/index.tsx");
const HTML = join(ROOT, "src/dashboard/index.html");

export interface DashboardBuild {
  readonly dir: string;
  readonly script: string;
  readonly bytes: number;
  readonly gzipBytes: number;
}

export async function buildDashboard(target: string = DEFAULT_DASHBOARD_DIR): Promise<DashboardBuild> {
  // esbuild comes with tsx (a dependency), so a production install can build the page too.
  const { build } = await import("esbuild");
  // Built beside the target and swapped in whole, so a running server never sees half a build.
  const dir = `${target}.building-${process.pid}`;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const result = await build({
    entryPoints: { dashboard: ENTRY },
    bundle: true,
    minify: true,
    format: "iife",
    platform: "browser",
    target: ["chrome100", "firefox100", "safari15", "edge100"],
    entryNames: "[name]-[hash]",
    outdir: dir,
    jsx: "automatic",
    define: { "process.env.NODE_ENV": '"production"' },
    legalComments: "none",
    sourcemap: false,
    metafile: true,
    logLevel: "warning",
  });
  const script = Object.keys(result.metafile.outputs)
    .map((f) => f.split("/").pop()!)
    .find((f) => f.endsWith(".js"))!;
  writeFileSync(join(dir, "index.html"), readFileSync(HTML, "utf8").replace("%SCRIPT%", script));
  let gzipBytes = 0;
  for (const file of readdirSync(dir)) {
    if (!/\.(js|html|css)$/.test(file)) continue;
    const data = readFileSync(join(dir, file));
    const gz = gzipSync(data, { level: 9 });
    if (file === script) gzipBytes = gz.length;
    writeFileSync(join(dir, `${file}.gz`), gz);
    writeFileSync(
      join(dir, `${file}.br`),
      brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
    );
  }
  const bytes = readFileSync(join(dir, script)).length;
  rmSync(target, { recursive: true, force: true });
  try {
    renameSync(dir, target);
  } catch (e) {
    // Another process (two `minstd serve` started at once on a fresh install) swapped its build in
    // first: the same sources, so the same files. Keep that one.
    rmSync(dir, { recursive: true, force: true });
    if (!dashboardBuilt(target)) throw e;
  }
  return { dir: target, script, bytes, gzipBytes };
}

/** Builds the dashboard unless it is there already; says so on `log`. */
export async function ensureDashboard(
  log: (line: string) => void,
  dir: string = DEFAULT_DASHBOARD_DIR,
): Promise<void> {
  if (dashboardBuilt(dir)) return;
  log("สร้างหน้าเว็บแดชบอร์ด (ครั้งแรก) / building the web dashboard (first run)…");
  const built = await buildDashboard(dir);
  log(`  ${built.script} ${(built.gzipBytes / 1024).toFixed(0)} KB gzip`);
}
