import { BACKENDS } from "../server/harness";
import { runDrill } from "./restoreDrill";

/** A short restore drill in the suite; `npm run test:drill` runs the full one (500 submissions). */
describe.each(BACKENDS)("restore drill on %s", (backend) => {
  it("finds every acknowledged version, receipt, return and audit entry after backup under load, wipe and restore", async () => {
    const result = await runDrill({ backend, laos: 45, concurrency: 3 });
    expect(result.problems).toEqual([]);
    expect(result.restoreOutput).toContain("กู้คืนแล้ว");
    expect(result.acknowledgedBeforeBackup).toBeGreaterThan(30);
    expect(result.restored.versions).toBeGreaterThanOrEqual(result.acknowledgedBeforeBackup);
    expect(result.restored.returns).toBeGreaterThan(5);
  }, 600_000);
});
