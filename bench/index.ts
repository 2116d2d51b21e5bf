/** `npm run bench`: every benchmark in one run. Figures go into the README. */
import { benchDashboard } from "./dashboard.bench";
import { benchFunctions } from "./functions.bench";
import { benchScoring } from "./scoring.bench";

async function main(): Promise<void> {
  console.log(`MinStd benchmarks — Node ${process.version}, ${new Date().toISOString()}`);
  benchScoring();
  benchFunctions();
  await benchDashboard();
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
