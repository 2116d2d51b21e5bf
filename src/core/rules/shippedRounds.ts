import round2563 from "../../../data/rounds/2563.json";
import round2564 from "../../../data/rounds/2564.json";
import round2565 from "../../../data/rounds/2565.json";
import round2566 from "../../../data/rounds/2566.json";
import round2567 from "../../../data/rounds/2567.json";
import round2568 from "../../../data/rounds/2568.json";
import type { Round } from "./round";
import { readShippedRound } from "./shippedRoundReader";

/** The rounds that ship with MinStd, named by their Buddhist Era year. More can be loaded from files. */
const SHIPPED: Readonly<Record<string, unknown>> = {
  "2563": round2563,
  "2564": round2564,
  "2565": round2565,
  "2566": round2566,
  "2567": round2567,
  "2568": round2568,
};

const parsed = new Map<string, Round>();

export const SHIPPED_ROUND_IDS: readonly string[] = Object.keys(SHIPPED);

export function shippedRound(id: string): Round | undefined {
  const cached = parsed.get(id);
  if (cached) return cached;
  const data = SHIPPED[id];
  if (data === undefined) return undefined;
  const round = readShippedRound(data);
  parsed.set(id, round);
  return round;
}

export function shippedRounds(): Round[] {
  return SHIPPED_ROUND_IDS.map((id) => shippedRound(id)!);
}
