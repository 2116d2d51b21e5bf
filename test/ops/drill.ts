import { BACKENDS } from "../server/harness";
import { runDrill } from "./restoreDrill";

/** `npm run test:drill`: the full restore drill, about 500 submission versions on each backend. */
async function main(): Promise<void> {
  const laos = Number(process.env.MINSTD_DRILL_LAOS ?? 385);
  let failed = false;
  for (const backend of BACKENDS) {
    const started = Date.now();
    const r = await runDrill({ backend, laos, concurrency: 4, log: (line) => console.log(line) });
    console.log(
      `${backend}: ${r.acknowledgedInTotal} versions acknowledged (${r.acknowledgedBeforeBackup} before the backup), ` +
        `restored ${r.restored.versions} versions, ${r.restored.returns} returns, ${r.restored.audits} audit entries ` +
        `in ${Math.round((Date.now() - started) / 1000)} s`,
    );
    for (const p of r.problems) console.log(`  PROBLEM ${p}`);
    failed ||= r.problems.length > 0;
  }
  process.exitCode = failed ? 1 : 0;
}

void main();
