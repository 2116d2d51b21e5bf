import type { CompiledIndicator } from "../rules/compiledRound";
import type { IndicatorKind, Round } from "../rules/round";
import type { Status } from "../rules/scoring";

/**
 * Year over year: an indicator that `continues` one of an earlier round is the same measure, so an
 * LAO's result there can be set beside this round's. Indicator ids carry their round, so the link
 * is always written in the round data, never guessed from texts.
 */

/** One earlier appearance of an indicator: the round and the indicator's id there. */
export interface IndicatorLink {
  readonly roundId: string;
  readonly indicatorId: string;
  readonly year: number;
  readonly kind: IndicatorKind;
}

/**
 * For every indicator of `round` that continues an earlier one, the chain of its earlier
 * appearances, newest first, followed through the `continues` links of the rounds known. A link to
 * a round that is not known, not earlier, or that loops back ends the chain.
 */
export function indicatorLineage(round: Round, known: readonly Round[]): Map<string, IndicatorLink[]> {
  const where = new Map<string, { round: Round; kind: IndicatorKind; continues?: string }>();
  for (const r of known) {
    if (r.id === round.id) continue;
    for (const area of r.areas)
      for (const mission of area.missions)
        for (const ind of mission.indicators)
          where.set(ind.id, {
            round: r,
            kind: ind.kind,
            ...(ind.continues !== undefined && { continues: ind.continues }),
          });
  }
  const lineage = new Map<string, IndicatorLink[]>();
  for (const area of round.areas)
    for (const mission of area.missions)
      for (const ind of mission.indicators) {
        const chain: IndicatorLink[] = [];
        const seen = new Set<string>([ind.id]);
        let year = round.year;
        let next = ind.continues;
        while (next !== undefined && !seen.has(next)) {
          const found = where.get(next);
          if (!found || found.round.year > year) break;
          seen.add(next);
          chain.push({
            roundId: found.round.id,
            indicatorId: next,
            year: found.round.year,
            kind: found.kind,
          });
          year = found.round.year;
          next = found.continues;
        }
        if (chain.length > 0) lineage.set(ind.id, chain);
      }
  return lineage;
}

/** A stored result: its category and the measured value (percentage, count, or 1/0 for มี/ไม่มี). */
export interface ResultPoint {
  readonly status: Status;
  readonly value?: number;
}

/** better / worse: towards or away from the target's side; not-comparable: one side has no result to compare. */
export const TRENDS = ["better", "worse", "same", "not-comparable"] as const;
export type Trend = (typeof TRENDS)[number];

/** Each trend's word, keyed by trend: core's Thai here, the English in src/i18n. */
export type TrendWords = Readonly<Record<Trend, string>>;

export const TREND_WORDS: TrendWords = {
  better: "ดีขึ้น",
  worse: "ลดลง",
  same: "เท่าเดิม",
  "not-comparable": "เทียบไม่ได้",
};

/** "ดีขึ้น +1.50" / "better +1.50": a change as officers read it; the delta only for better and worse. */
export function trendLabel(trend: Trend, delta: string | null, words: TrendWords = TREND_WORDS): string {
  const word = words[trend];
  return (trend === "better" || trend === "worse") && delta ? `${word} ${delta}` : word;
}

export interface Change {
  readonly trend: Trend;
  /** This round's value minus the earlier one, in the indicator's unit (percentage points for a ratio). */
  readonly delta?: number;
}

const RANK: Partial<Record<Status, number>> = { pass: 2, below: 1, "not-done": 0 };

/**
 * How this round's result compares with an earlier one of the same indicator. Values are compared
 * when both rounds measured the indicator the same way; otherwise the result categories are
 * (ผ่าน above การพัฒนาในอนาคต above ไม่ได้ดำเนินการ). "No service" and unfinished results compare with nothing.
 */
export function compareWithEarlier(
  indicator: CompiledIndicator,
  now: ResultPoint,
  earlier: ResultPoint,
  earlierKind: IndicatorKind,
): Change {
  const rankNow = RANK[now.status];
  const rankEarlier = RANK[earlier.status];
  if (rankNow === undefined || rankEarlier === undefined) return { trend: "not-comparable" };
  if (now.value !== undefined && earlier.value !== undefined && earlierKind === indicator.kind) {
    const delta = now.value - earlier.value;
    const tolerance = 1e-9 * Math.max(1, Math.abs(now.value), Math.abs(earlier.value));
    if (Math.abs(delta) <= tolerance) return { trend: "same", delta: 0 };
    const up = delta > 0;
    return { trend: up !== indicator.lowerIsBetter ? "better" : "worse", delta };
  }
  if (rankNow === rankEarlier) return { trend: "same" };
  return { trend: rankNow > rankEarlier ? "better" : "worse" };
}
