/**
 * `npm run bench`: every benchmark in one run. Figures go into docs/benchmarks.md.
 * `npm run bench -- dashboard cli` runs only the named groups (scoring, functions, pane, dashboard, cli).
 */
import { rmSync } from "node:fs";
import { buildAddin, ROOT } from "../test/browser/support/build";
import { benchCli } from "./cli.bench";
import { benchDashboard } from "./dashboard.bench";
import { benchFunctions } from "./functions.bench";
import { benchPaneLoad } from "./paneLoad.bench";
import { benchPaneSize } from "./paneSize.bench";
import { benchScoring } from "./scoring.bench";

const GROUPS = ["scoring", "functions", "pane", "dashboard", "cli"] as const;

function chosenGroups(args: readonly string[]): ReadonlySet<string> {
  const unknown = args.filter((a) => !(GROUPS as readonly string[]).includes(a));
  if (unknown.length > 0)
    throw new Error(`unknown benchmark group ${unknown.join(", ")}; use ${GROUPS.join(", ")}`);
  return new Set(args.length > 0 ? args : GROUPS);
}

async function main(): Promise<void> {
  const groups = chosenGroups(process.argv.slice(2));
  console.log(`MinStd benchmarks — Node ${process.version}, ${new Date().toISOString()}`);
  if (groups.has("scoring")) benchScoring();
  if (groups.has("functions") || groups.has("pane")) {
    // The add-in as shipped (webpack, production), built once for the benchmarks that need it.
    const addin = await buildAddin(ROOT);
    try {
      if (groups.has("functions")) benchFunctions(addin);
      if (groups.has("pane")) {
        benchPaneSize(addin);
        await benchPaneLoad(ROOT, addin);
      }
    } finally {
      rmSync(addin, { recursive: true, force: true });
    }
  }
  if (groups.has("dashboard")) await benchDashboard();
  if (groups.has("cli")) await benchCli();
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
