import { useSyncExternalStore } from "react";
import type { Round } from "../../core/rules/round";
import { knownRounds, onRoundsChanged, roundsVersion } from "../../addin/roundRegistry";

let listed: { readonly version: number; readonly rounds: readonly Round[] } | undefined;

/** The known rounds, one list per version of the registry (a snapshot must stay the same until it changes). */
function knownRoundsSnapshot(): readonly Round[] {
  const version = roundsVersion();
  if (listed?.version !== version) listed = { version, rounds: knownRounds() };
  return listed.rounds;
}

/** Core's round registry (shipped and registered rounds), followed live: a newly registered round re-renders. */
export function useKnownRounds(): readonly Round[] {
  return useSyncExternalStore(onRoundsChanged, knownRoundsSnapshot);
}
