import { indicatorText, indicatorsFor, reportedOnly, type CompiledRound } from "../rules/compiledRound";
import type { LaoType } from "../rules/laoTypes";
import { readNumber } from "../rules/reading";
import { formatPercent, scoreIndicator, type PercentStyle } from "../rules/scoring";
import type { SubmissionDocument } from "../rules/submission";

/**
 * The citizen-satisfaction printout (แบบ 3, "สรุปผลการประเมินความพึงพอใจของประชาชน") as the official
 * system prints it: per question, the count and percentage of พอใจ (satisfied) and of ปรับปรุง (to
 * improve), grouped by area; no target and no pass or fail. It lists the satisfaction questions a
 * round gives no target; one with a target is an indicator and is scored like any other.
 */

export const SATISFACTION_PRINTOUT_TITLE = "สรุปผลการประเมินความพึงพอใจของประชาชน";

export const SATISFACTION_COLUMNS = [
  "คำถาม",
  "พอใจ (จำนวน)",
  "พอใจ (ร้อยละ)",
  "ปรับปรุง (จำนวน)",
  "ปรับปรุง (ร้อยละ)",
] as const;

/** The printout writes "76.67%" and "75%": 2 decimals, trailing zeros dropped. */
const SATISFACTION_PERCENT: PercentStyle = { percentDecimals: 2, trailingZeros: "drop" };

export interface SatisfactionRow {
  readonly id: string;
  /** The question, with the LAO type filled in. */
  readonly question: string;
  /** Null until both counts are entered and readable. */
  readonly satisfied: number | null;
  readonly improve: number | null;
  /** "76.67%", "75%"; null with the counts. */
  readonly satisfiedPercent: string | null;
  readonly improvePercent: string | null;
}

export interface SatisfactionGroup {
  readonly areaId: string;
  readonly title: string;
  readonly rows: readonly SatisfactionRow[];
}

export interface SatisfactionPrintout {
  readonly title: string;
  readonly columns: readonly string[];
  readonly groups: readonly SatisfactionGroup[];
}

function countOf(raw: unknown): number | undefined {
  const reading = readNumber(raw, { integer: true });
  return reading.kind === "value" ? reading.value : undefined;
}

/** A share of the respondents as the printout writes it, e.g. 46 of 60 → "76.67%". */
export function satisfactionPercent(count: number, respondents: number): string {
  return `${formatPercent((count * 100) / respondents, SATISFACTION_PERCENT)}%`;
}

/** The แบบ 3 printout of an LAO's satisfaction questions; empty groups when the round has none. */
export function buildSatisfactionPrintout(
  compiled: CompiledRound,
  type: LaoType,
  document: Pick<SubmissionDocument, "values">,
): SatisfactionPrintout {
  const groups = new Map<string, { title: string; rows: SatisfactionRow[] }>();
  for (const ind of indicatorsFor(compiled, type)) {
    if (!reportedOnly(ind, type)) continue;
    const input = document.values[ind.def.id] ?? {};
    const score = scoreIndicator(ind, input, type);
    let row: SatisfactionRow = {
      id: ind.def.id,
      question: indicatorText(ind.def, type),
      satisfied: null,
      improve: null,
      satisfiedPercent: null,
      improvePercent: null,
    };
    if (score.status === "reported" && score.percent !== undefined) {
      // Reported: both counts read as whole numbers, respondents > 0, satisfied ≤ respondents.
      const total = countOf(input.base);
      const satisfied = countOf(input.served);
      if (total !== undefined && satisfied !== undefined) {
        row = {
          ...row,
          satisfied,
          improve: total - satisfied,
          satisfiedPercent: satisfactionPercent(satisfied, total),
          improvePercent: satisfactionPercent(total - satisfied, total),
        };
      }
    }
    const group = groups.get(ind.area.id) ?? { title: ind.area.title, rows: [] };
    group.rows.push(row);
    groups.set(ind.area.id, group);
  }
  return {
    title: SATISFACTION_PRINTOUT_TITLE,
    columns: SATISFACTION_COLUMNS,
    groups: [...groups].map(([areaId, g]) => ({ areaId, title: g.title, rows: g.rows })),
  };
}
