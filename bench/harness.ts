/** A small, dependency-free timing harness: warm up, then run batches until enough time has passed. */
export interface Measurement {
  readonly name: string;
  readonly opsPerSecond: number;
}

/** `batch` runs `opsPerBatch` operations and returns a value, so the work cannot be optimised away. */
export function measure(name: string, opsPerBatch: number, batch: () => unknown, minMs = 1500): Measurement {
  let sink: unknown;
  for (let i = 0; i < 5; i++) sink = batch();
  let ops = 0;
  const start = process.hrtime.bigint();
  let elapsedNs = 0n;
  while (elapsedNs < BigInt(minMs) * 1_000_000n) {
    sink = batch();
    ops += opsPerBatch;
    elapsedNs = process.hrtime.bigint() - start;
  }
  if (sink === Symbol.for("never")) console.log(sink);
  return { name, opsPerSecond: (ops / Number(elapsedNs)) * 1e9 };
}

export function formatRate(opsPerSecond: number): string {
  return `${(opsPerSecond / 1e6).toFixed(2)} M/s`;
}

export function printTable(title: string, rows: ReadonlyArray<readonly string[]>): void {
  console.log(`\n## ${title}`);
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  for (const row of rows) console.log(`  ${row.map((cell, c) => cell.padEnd(widths[c]!)).join("  ")}`);
}
