/**
 * `npm run test:faults`: 500 submissions (100 LAOs × 5 versions) through the fault proxy to a real
 * `minstd serve`, restarted once mid-run. Options: --backend pglite|postgres (default pglite:
 * the kill takes the embedded database down with the server, so its crash recovery is tested too),
 * --seed N (repeat a run), --laos N, --versions N, --servers N (N processes on one PostgreSQL
 * database behind a round-robin load balancer). Ends by itself; the last line gives the figures.
 */
import { figures, runFaults } from "./faultRun";

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

async function main(): Promise<number> {
  const backend = option("backend", "pglite");
  if (backend !== "pglite" && backend !== "postgres") {
    console.error("--backend is pglite or postgres");
    return 2;
  }
  const seed = Number(option("seed", String(Date.now() % 1_000_000)));
  const result = await runFaults({
    laos: Number(option("laos", "100")),
    versions: Number(option("versions", "5")),
    concurrency: 20,
    seed,
    backend,
    servers: Number(option("servers", "1")),
    restartAt: 0.4,
    faultRate: 0.35,
    closeRate: 0.05,
    timeLimitMs: 9 * 60_000,
    log: (line) => console.log(line),
  });
  for (const p of result.problems.slice(0, 30)) console.log(`PROBLEM ${p}`);
  const ok =
    result.problems.length === 0 &&
    result.duplicates === 0 &&
    result.lost === 0 &&
    result.acknowledged === result.sent &&
    result.restarts === 1;
  console.log(`${ok ? "PASS" : "FAIL"} in ${result.seconds} s on ${backend}, seed ${seed}`);
  console.log(figures(result));
  return ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
