/**
 * `npm run bench`: every benchmark in one run. Figures go into docs/benchmarks.md.
 * `npm run bench -- pane` (or any of scoring, functions, pane, dashboard) runs only those named.
 */
import { rmSync } from "node:fs";
import { buildAddin, ROOT } from "../test/browser/support/build";
import { benchDashboard } from "./dashboard.bench";
import { benchFunctions } from "./functions.bench";
import { benchPaneLoad } from "./paneLoad.bench";
import { benchPaneSize } from "./paneSize.bench";
import { benchScoring } from "./scoring.bench";

const GROUPS = ["scoring", "functions", "pane", "dashboard"] as const;
type Group = (typeof GROUPS)[number];

function selectedGroups(args: readonly string[]): ReadonlySet<Group> {
  const unknown = args.filter((a) => !(GROUPS as readonly string[]).includes(a));
  if (unknown.length > 0)
    throw new Error(`unknown benchmark ${unknown.join(", ")}: choose from ${GROUPS.join(", ")}`);
  return new Set(args.length === 0 ? GROUPS : (args as Group[]));
}

async function main(): Promise<void> {
  const run = selectedGroups(process.argv.slice(2));
  console.log(`MinStd benchmarks — Node ${process.version}, ${new Date().toISOString()}`);
  if (run.has("scoring")) benchScoring();
  if (run.has("functions") || run.has("pane")) {
    // The add-in as shipped (webpack, production), built once for the benchmarks that need it.
    const addin = await buildAddin(ROOT);
    try {
      if (run.has("functions")) benchFunctions(addin);
      if (run.has("pane")) {
        benchPaneSize(addin);
        await benchPaneLoad(ROOT, addin);
      }
    } finally {
      rmSync(addin, { recursive: true, force: true });
    }
  }
  if (run.has("dashboard")) await benchDashboard();
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
