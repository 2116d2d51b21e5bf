import { bangkokParts, BE_OFFSET } from "../core/calendar/thai";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;

/** "31 Aug 2026 (B.E. 2569)": the Thai calendar day, with the Buddhist Era year officers know. */
export function enDate(instant: Date): string {
  const p = bangkokParts(instant);
  return `${p.day} ${MONTHS[p.month - 1]} ${p.yearBE - BE_OFFSET} (B.E. ${p.yearBE})`;
}

/** "1 LAO", "3 LAOs". */
export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;
