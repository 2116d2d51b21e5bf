import { windowState, type LaoType, type Round } from "../../core";

/** The rounds an LAO of this type is assessed in, newest first. */
export function roundsForType(rounds: readonly Round[], type: LaoType): Round[] {
  return rounds.filter((r) => r.laoTypes.includes(type)).sort((a, b) => b.year - a.year);
}

/** The round to preselect: the one open for submission now, else the newest. */
export function defaultRound(choices: readonly Round[], now: Date): Round | undefined {
  return choices.find((r) => windowState(r.window, now) === "open") ?? choices[0];
}
