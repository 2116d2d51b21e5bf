/**
 * The gzipped size of the JavaScript the task pane's page loads: at startup (every script of
 * taskpane.html but office.js, which comes from the Office CDN: the pane and the functions, which
 * share the page) and, separately, the chunks the pane loads on demand (first-run setup, the
 * summary, the writers).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { printTable } from "./harness";

export interface PaneSizeFigures {
  /** Gzipped KB of every script the page loads at startup. */
  readonly startupKb: number;
  /** Gzipped KB of the chunks loaded on demand, all together. */
  readonly lazyKb: number;
}

const gzipKb = (file: string): number => gzipSync(readFileSync(file), { level: 9 }).length / 1024;
const kb = (n: number): string => `${n.toFixed(1)} KB`;

/** The page's own scripts, in the order taskpane.html loads them. */
export function startupScripts(addinDir: string): string[] {
  const html = readFileSync(join(addinDir, "taskpane.html"), "utf8");
  return [...html.matchAll(/<script[^>]*\ssrc="?([^"\s>]+)"?/g)]
    .map((m) => m[1]!)
    .filter((src) => !/^https?:/.test(src));
}

export function benchPaneSize(addinDir: string): PaneSizeFigures {
  const startup = startupScripts(addinDir);
  const lazy = readdirSync(addinDir).filter((f) => f.endsWith(".js") && !startup.includes(f));
  const rows: string[][] = [["script", "minified", "gzipped", "loaded"]];
  let startupKb = 0;
  let lazyKb = 0;
  for (const file of [...startup, ...lazy.sort()]) {
    const path = join(addinDir, file);
    const gz = gzipKb(path);
    const atStartup = startup.includes(file);
    if (atStartup) startupKb += gz;
    else lazyKb += gz;
    rows.push([file, kb(readFileSync(path).length / 1024), kb(gz), atStartup ? "at startup" : "on demand"]);
  }
  rows.push(["pane page at startup", "", kb(startupKb), "goal ≤ 150 KB"]);
  rows.push(["loaded on demand, all", "", kb(lazyKb), ""]);
  printTable("Task pane JavaScript (webpack production, gzip -9)", rows);
  return { startupKb, lazyKb };
}
