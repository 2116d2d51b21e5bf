import { classifyIndicator, compileRound, scoreIndicator, type LaoType } from "../src/core";
import { generatedRound } from "../src/core/rules/generatedRound";
import { formatRate, measure, printTable } from "./harness";

/**
 * Scoring throughput: the core's scoreIndicator over the ratio indicators of a 214-indicator round,
 * next to a bare `served / base * 100 >= target` loop over the same numbers.
 */
export function benchScoring(): { ratio: number } {
  const round = compileRound(generatedRound());
  const ratios = round.indicators.filter((i) => i.def.kind === "ratio");
  const n = 10_000;
  const inds = Array.from({ length: n }, (_, i) => ratios[i % ratios.length]!);
  // LAO types in the proportions of the register: 5,300 อบต., 2,247 ทต., 195 ทม., 76 อบจ., 30 ทน., 1 พัทยา.
  const mix: Array<[LaoType, number]> = [
    ["sao", 5300],
    ["subdistrict", 2247],
    ["town", 195],
    ["pao", 76],
    ["city", 30],
    ["pattaya", 1],
  ];
  const pool = mix.flatMap(([type, count]) => Array<LaoType>(count).fill(type));
  const types: LaoType[] = Array.from({ length: n }, (_, i) => pool[(i * 7919) % pool.length]!);
  const inputs = Array.from({ length: n }, (_, i) => ({ base: 100 + (i % 50), served: 40 + (i % 60) }));
  const targets = inds.map((ind, i) => ind.targets[types[i]!]!.value);
  const typed = inputs.map((v) => ({ base: String(v.base), served: `${v.served}.5` }));

  const status = measure("core classifyIndicator (result category)", n, () => {
    let pass = 0;
    for (let i = 0; i < n; i++) if (classifyIndicator(inds[i]!, inputs[i]!, types[i]!) === "pass") pass++;
    return pass;
  });
  const core = measure("core scoreIndicator (full result)", n, () => {
    let pass = 0;
    for (let i = 0; i < n; i++) if (scoreIndicator(inds[i]!, inputs[i]!, types[i]!).status === "pass") pass++;
    return pass;
  });
  const bare = measure("bare served / base * 100 >= target", n, () => {
    let pass = 0;
    for (let i = 0; i < n; i++) {
      const v = inputs[i]!;
      if ((v.served / v.base) * 100 >= targets[i]!) pass++;
    }
    return pass;
  });
  const text = measure("core scoreIndicator (typed text)", n, () => {
    let pass = 0;
    for (let i = 0; i < n; i++) if (scoreIndicator(inds[i]!, typed[i]!, types[i]!).status === "pass") pass++;
    return pass;
  });
  const vs = (m: { opsPerSecond: number }): string => `${(bare.opsPerSecond / m.opsPerSecond).toFixed(2)}×`;
  printTable("Scoring (core), ratio indicators — goal: within 3× of the bare comparison", [
    ["what", "evaluations/s", "slower than bare"],
    [bare.name, formatRate(bare.opsPerSecond), "1.00×"],
    [status.name, formatRate(status.opsPerSecond), vs(status)],
    [core.name, formatRate(core.opsPerSecond), vs(core)],
    [text.name, formatRate(text.opsPerSecond), vs(text)],
  ]);
  return { ratio: bare.opsPerSecond / status.opsPerSecond };
}
