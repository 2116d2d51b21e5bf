import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { dashboardBuilt, DEFAULT_DASHBOARD_DIR, FIRST_SCREEN_FILE } from "../../src/server/dashboardFiles";

/**
 * Builds the web dashboard (src/dashboard, React + Fluent UI) into dist/dashboard with esbuild:
 * minified ES modules named by their content hash (the first screens in the entry and its shared
 * chunks, the other views in chunks loaded when opened), a small early script that starts the
 * first view's reads, index.html pointing at them (with modulepreload links, so the first
 * screen's chunks come in parallel), and .br/.gz copies that the server sends to browsers that
 * take them. `npm run build` runs it; `minstd serve` and `npm start` run it when the folder is missing.
 */

// Two folders below the repository, as the sources and the bundled command (dist/cli/minstd.js,
// which `minstd serve` builds from) are, so the paths are the same either way.
const ROOT = resolve(__dirname, "../..");
const ENTRY = join(ROOT, "src/dashboard/index.tsx");
const EARLY = join(ROOT, "src/dashboard/early.ts");
const FIRST_SCREEN = join(ROOT, "src/dashboard/firstScreen.tsx");
const HTML = join(ROOT, "src/dashboard/index.html");
const TARGETS = ["chrome100", "firefox100", "safari15", "edge100"];

export interface DashboardBuild {
  readonly dir: string;
  /** The app's entry module. */
  readonly script: string;
  /** What a first visit loads: the early script, the entry and the chunks it imports, minified. */
  readonly bytes: number;
  readonly gzipBytes: number;
  /** Every script, the views loaded on demand included. */
  readonly totalBytes: number;
  readonly totalGzipBytes: number;
  readonly chunks: number;
}

type Metafile = import("esbuild").Metafile;

/** The output file of entry point `entry` and every chunk it imports at load (not the dynamic ones). */
export function firstLoad(metafile: Metafile, entry: string): { script: string; files: string[] } {
  const outputs = metafile.outputs;
  const script = Object.keys(outputs).find((f) => outputs[f]!.entryPoint?.endsWith(entry))!;
  const files: string[] = [];
  const visit = (file: string) => {
    if (files.includes(file)) return;
    files.push(file);
    for (const i of outputs[file]!.imports) if (i.kind === "import-statement" && !i.external) visit(i.path);
  };
  visit(script);
  return { script, files };
}

const base = (file: string) => file.split("/").pop()!;

type BuildOptions = import("esbuild").BuildOptions;

const commonOptions = (outdir: string) =>
  ({
    bundle: true,
    minify: true,
    platform: "browser",
    target: TARGETS,
    outdir,
    define: { "process.env.NODE_ENV": '"production"' },
    legalComments: "none",
    sourcemap: false,
    metafile: true,
    logLevel: "warning",
  }) as const satisfies BuildOptions;

/**
 * How the app is bundled: ES modules split by esbuild, the first screens in the entry and the one
 * chunk it shares with the pages loaded when opened (see components/fluentPages.ts).
 */
export function appOptions(outdir: string) {
  return {
    ...commonOptions(outdir),
    entryPoints: { dashboard: ENTRY },
    format: "esm",
    splitting: true,
    entryNames: "[name]-[hash]",
    chunkNames: "chunk-[hash]",
    jsx: "automatic",
    // The pages render with Preact's React-compatible layer, as the task pane does: React's DOM
    // renderer is most of the first load's script, and Preact draws the long tables sooner. The
    // code is written against React (and tested with it in jsdom); the browser tests run this bundle.
    alias: { react: "preact/compat", "react-dom": "preact/compat", scheduler: "preact/compat/scheduler" },
  } as const satisfies BuildOptions;
}

export async function buildDashboard(target: string = DEFAULT_DASHBOARD_DIR): Promise<DashboardBuild> {
  // esbuild comes with tsx (a dependency), so a production install can build the page too.
  const { build } = await import("esbuild");
  // Built beside the target and swapped in whole, so a running server never sees half a build.
  const dir = `${target}.building-${process.pid}`;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const common = commonOptions(dir);
  const [app, , early] = await Promise.all([
    build(appOptions(dir)),
    // The staff's first screen as the server draws it into the page (src/api/firstScreen.ts): the
    // app's own components, for Node; the server loads it from the folder and never serves it.
    build({
      ...appOptions(dir),
      entryPoints: [FIRST_SCREEN],
      outdir: undefined,
      outfile: join(dir, FIRST_SCREEN_FILE),
      platform: "node",
      target: "node20",
      format: "cjs",
      splitting: false,
      entryNames: undefined,
      chunkNames: undefined,
      minify: false,
      // The pages built with Fluent UI are never drawn on the server: left out, not bundled.
      plugins: [
        {
          name: "no-fluent-pages",
          setup: (b) => b.onResolve({ filter: /\/fluentPages$/ }, (a) => ({ path: a.path, external: true })),
        },
      ],
    }),
    // A classic script written into the page itself (about 2 KB), so the reads start while the page
    // is still arriving; the server allows it by its hash (see dashboardSite.ts).
    build({ ...common, entryPoints: { early: EARLY }, format: "iife", write: false }),
  ]);
  const first = firstLoad(app.metafile, "src/dashboard/index.tsx");
  // "</" would end the element early; "<\/" is the same in any script string or pattern.
  const earlyScript = early.outputFiles[0]!.text.trim().replaceAll("</", "<\\/");
  const script = base(first.script);
  // The theme's values for the page's own styles (see index.html): a dynamic import, so `minstd`
  // loads Fluent's theme only when it builds the page.
  const { themeVariables } = await import("../../src/dashboard/theme");
  const html = readFileSync(HTML, "utf8");
  const preloads = first.files
    .filter((f) => f !== first.script)
    .map((f) => `<link rel="modulepreload" href="${base(f)}" />`)
    .join("\n    ");
  writeFileSync(
    join(dir, "index.html"),
    html
      .replace("/* %THEME% */", themeVariables(html))
      .replace("%EARLY%", () => earlyScript)
      .replace("%PRELOADS%", preloads)
      .replace("%SCRIPT%", script),
  );
  const firstFiles = new Set(first.files.map(base));
  const sizes = { bytes: 0, gzipBytes: 0, totalBytes: 0, totalGzipBytes: 0, chunks: 0 };
  for (const file of readdirSync(dir)) {
    if (!/\.(js|html|css)$/.test(file)) continue;
    const data = readFileSync(join(dir, file));
    const gz = gzipSync(data, { level: 9 });
    if (file.endsWith(".js")) {
      sizes.chunks++;
      sizes.totalBytes += data.length;
      sizes.totalGzipBytes += gz.length;
      if (firstFiles.has(file)) {
        sizes.bytes += data.length;
        sizes.gzipBytes += gz.length;
      }
    }
    writeFileSync(join(dir, `${file}.gz`), gz);
    writeFileSync(
      join(dir, `${file}.br`),
      brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
    );
  }
  // The early script comes inside index.html.
  sizes.bytes += Buffer.byteLength(earlyScript);
  sizes.gzipBytes += gzipSync(earlyScript, { level: 9 }).length;
  rmSync(target, { recursive: true, force: true });
  try {
    renameSync(dir, target);
  } catch (e) {
    // Another process (two `minstd serve` started at once on a fresh install) swapped its build in
    // first: the same sources, so the same files. Keep that one.
    rmSync(dir, { recursive: true, force: true });
    if (!dashboardBuilt(target)) throw e;
  }
  return { dir: target, script, ...sizes };
}

/** Builds the dashboard unless it is there already; says so on `log`. */
export async function ensureDashboard(
  log: (line: string) => void,
  dir: string = DEFAULT_DASHBOARD_DIR,
): Promise<void> {
  if (dashboardBuilt(dir)) return;
  log("สร้างหน้าเว็บแดชบอร์ด (ครั้งแรก) / building the web dashboard (first run)…");
  const built = await buildDashboard(dir);
  log(`  ${built.script} ${(built.gzipBytes / 1024).toFixed(0)} KB gzip at first load`);
}
