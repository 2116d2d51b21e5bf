/** `npm run bench`: every benchmark in one run. Figures go into the README. */
import { rmSync } from "node:fs";
import { buildAddin, ROOT } from "../test/browser/support/build";
import { benchDashboard } from "./dashboard.bench";
import { benchFunctions } from "./functions.bench";
import { benchPaneLoad } from "./paneLoad.bench";
import { benchPaneSize } from "./paneSize.bench";
import { benchScoring } from "./scoring.bench";

async function main(): Promise<void> {
  console.log(`MinStd benchmarks — Node ${process.version}, ${new Date().toISOString()}`);
  benchScoring();
  // The add-in as shipped (webpack, production), built once for the benchmarks that need it.
  const addin = await buildAddin(ROOT);
  try {
    benchFunctions(addin);
    benchPaneSize(addin);
    await benchPaneLoad(ROOT, addin);
  } finally {
    rmSync(addin, { recursive: true, force: true });
  }
  await benchDashboard();
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
