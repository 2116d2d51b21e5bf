import { BACKEND } from "../client/rig";
import { FAULTS } from "./faultProxy";
import { figures, runFaults } from "./faultRun";

/**
 * The fault run of `npm run test:faults`, small enough for every CI run: 30 submissions from 10
 * LAOs through the fault proxy to a real `minstd serve`, killed and restarted once.
 */
describe("submissions through a network that drops, delays, duplicates and cuts, and a server restart", () => {
  it("ends with every LAO's last acknowledged version on the server, nothing duplicated, nothing lost", async () => {
    const lines: string[] = [];
    const result = await runFaults({
      laos: 10,
      versions: 3,
      concurrency: 10,
      seed: 7,
      backend: BACKEND,
      restartAt: 0.4,
      faultRate: 0.35,
      closeRate: 0.1,
      // A safety net only, like the test's own: the run ends when every version is acknowledged.
      timeLimitMs: 600_000,
      log: (line) => lines.push(line),
    });
    expect(result.problems).toEqual([]);
    expect(figures(result)).toBe(`sent 30, acknowledged 30, retried ${result.retried}, duplicates 0, lost 0`);
    expect(result.restarts).toBe(1);
    // The network really was bad: many faults of most kinds, and submissions sent more than once.
    const faults = FAULTS.filter((f) => f !== "pass");
    expect(faults.reduce((n, f) => n + result.faults[f], 0)).toBeGreaterThanOrEqual(15);
    expect(faults.filter((f) => result.faults[f] > 0).length).toBeGreaterThanOrEqual(5);
    expect(result.retried).toBeGreaterThan(0);
  }, 900_000);
});
