import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { compileRound, LAO_TYPE_INFO, LAO_TYPES, shippedRounds, type LaoType } from "../src/core";
import { check } from "../src/functions/functions";
import { LAO_CODE_TABLE } from "../src/functions/laoCodes.generated";
import { installCustomFunctionsStandIn } from "../src/functions/testing/customFunctionsStub";
import { formatRate, measure, printTable } from "./harness";

const ROOT = resolve(__dirname, "../..");

export interface FunctionsFigures {
  /** How many times slower MINSTD.CHECK is than the bare comparison, one LAO's workbook. */
  readonly checkRatio: number;
  /** Gzipped size of the built functions.js, in KB. */
  readonly bundleKb: number;
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

/**
 * MINSTD.CHECK over the shipped rounds' ratio indicators, as Excel calls it (id, (2), (1), type
 * name), next to a bare `served / base * 100 >= target` over the same numbers; and the gzipped size
 * of the built functions bundle, which holds the rounds and the LAO code → type table.
 */
export function benchFunctions(addinDir: string): FunctionsFigures {
  installCustomFunctionsStandIn();
  const ratios = shippedRounds()
    .flatMap((r) => compileRound(r).indicators)
    .filter((i) => i.kind === "ratio");
  const n = 10_000;
  // LAO types in the proportions of the register; an indicator a type is not assessed on goes to a type it is.
  const pool = (
    [
      ["sao", 5300],
      ["subdistrict", 2247],
      ["town", 195],
      ["pao", 76],
      ["city", 30],
      ["pattaya", 1],
    ] as Array<[LaoType, number]>
  ).flatMap(([type, count]) => Array<LaoType>(count).fill(type));
  const rows = Array.from({ length: n }, (_, i) => {
    const ind = ratios[i % ratios.length]!;
    const drawn = pool[(i * 7919) % pool.length]!;
    const type = ind.targets[drawn] ? drawn : LAO_TYPES.find((t) => ind.targets[t])!;
    return {
      id: ind.def.id,
      type: LAO_TYPE_INFO[type].th,
      base: 100 + (i % 50),
      served: 40 + (i % 60),
      target: ind.targets[type]!.value,
    };
  });
  // One LAO's workbook: every row passes the same type cell (a เทศบาลตำบล is assessed on every ratio indicator).
  const oneType = LAO_TYPE_INFO.subdistrict.th;
  const oneTypeTargets = rows.map((r) => ratios.find((i) => i.def.id === r.id)!.targets.subdistrict!.value);

  const bare = measure("bare served / base * 100 >= target", n, () => {
    let passed = 0;
    for (let i = 0; i < n; i++) {
      const r = rows[i]!;
      if ((r.served / r.base) * 100 >= oneTypeTargets[i]!) passed++;
    }
    return passed;
  });
  const one = measure("MINSTD.CHECK, one LAO's workbook (same type)", n, () => {
    let passed = 0;
    for (let i = 0; i < n; i++) {
      const r = rows[i]!;
      if (check(r.id, r.served, r.base, oneType).length === 22) passed++;
    }
    return passed;
  });
  const mixed = measure("MINSTD.CHECK, type changing every call", n, () => {
    let passed = 0;
    for (let i = 0; i < n; i++) {
      const r = rows[i]!;
      if (check(r.id, r.served, r.base, r.type).length === 22) passed++;
    }
    return passed;
  });
  const vs = (m: { opsPerSecond: number }): string => `${(bare.opsPerSecond / m.opsPerSecond).toFixed(2)}×`;
  printTable(
    "MINSTD.CHECK, ratio indicators of the shipped rounds — goal: within 3× of the bare comparison",
    [
      ["what", "calls/s", "slower than bare"],
      [bare.name, formatRate(bare.opsPerSecond), "1.00×"],
      [one.name, formatRate(one.opsPerSecond), vs(one)],
      [mixed.name, formatRate(mixed.opsPerSecond), vs(mixed)],
    ],
  );

  const bundle = readFileSync(join(addinDir, "functions.js"));
  const gz = gzipSync(bundle, { level: 9 }).length;
  const table = gzipSync(LAO_CODE_TABLE, { level: 9 }).length;
  const rounds = ["2563", "2564", "2568"]
    .map((y) => gzipSync(readFileSync(join(ROOT, `data/rounds/${y}.json`)), { level: 9 }).length)
    .reduce((a, b) => a + b, 0);
  printTable("Functions bundle (webpack production build) — goal: at most 80 KB gzipped", [
    ["what", "size"],
    ["functions.js, minified", kb(bundle.length)],
    ["functions.js, gzipped", kb(gz)],
    ["of which: LAO code → type table (7,849 codes), gzipped alone", kb(table)],
    ["of which: round data (3 rounds), gzipped alone", kb(rounds)],
  ]);
  return { checkRatio: bare.opsPerSecond / one.opsPerSecond, bundleKb: gz / 1024 };
}
