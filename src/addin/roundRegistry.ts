import { parseRound, type Round } from "../core/rules/round";
import { SHIPPED_ROUND_IDS, shippedRound } from "../core/rules/shippedRounds";

/**
 * The add-in's runtime, shared by the task pane and the MINSTD.* functions (and nothing else).
 *
 * The rounds MinStd knows at run time: the rounds shipped with it, and rounds that arrived later
 * (from the collection server, kept in storage since an earlier session) and were registered here.
 * A registered round replaces a shipped round of the same id, as the national office's real list
 * replaces a provisional one. The national office loads new rounds without a code change.
 *
 * In Excel's shared runtime the task pane and the MINSTD.* functions are separate bundles in one
 * page, each with its own copy of this module. The registry's state therefore lives on globalThis
 * under a Symbol.for key, so that every copy sees the same rounds.
 */

interface RegistryState {
  readonly rounds: Map<string, Round>;
  version: number;
  readonly listeners: Set<() => void>;
}

const REGISTRY_KEY = Symbol.for("minstd.roundRegistry");

function registry(): RegistryState {
  const holder = globalThis as unknown as Record<symbol, RegistryState | undefined>;
  return (holder[REGISTRY_KEY] ??= { rounds: new Map(), version: 0, listeners: new Set() });
}

function changed(state: RegistryState): void {
  state.version += 1;
  for (const listener of [...state.listeners]) listener();
}

/** Registers rounds (already parsed); each replaces a shipped or registered round of its id. */
export function registerRounds(rounds: readonly Round[]): void {
  if (rounds.length === 0) return;
  const state = registry();
  for (const round of rounds) state.rounds.set(round.id, round);
  changed(state);
}

/** Checks round data with the round schema (RoundError with Thai issues) and registers it. */
export function registerRoundData(data: unknown): Round {
  const round = parseRound(data);
  registerRounds([round]);
  return round;
}

/** Forgets the registered rounds with these ids (a shipped round of the same id is known again). */
export function unregisterRounds(ids: readonly string[]): void {
  const state = registry();
  let any = false;
  for (const id of ids) any = state.rounds.delete(id) || any;
  if (any) changed(state);
}

/** The rounds registered at run time, by id. */
export function registeredRounds(): Round[] {
  return [...registry().rounds.values()].sort((a, b) => a.id.localeCompare(b.id));
}

/** Every round known now: the shipped rounds (or what replaced them), then the other registered rounds. */
export function knownRounds(): Round[] {
  const registered = registry().rounds;
  const shipped = SHIPPED_ROUND_IDS.map((id) => registered.get(id) ?? shippedRound(id)!);
  return [...shipped, ...registeredRounds().filter((r) => !SHIPPED_ROUND_IDS.includes(r.id))];
}

/** The round with this id: a registered round first, else a shipped one. */
export function knownRound(id: string): Round | undefined {
  return registry().rounds.get(id) ?? shippedRound(id);
}

/** The ids of every known round. */
export function knownRoundIds(): string[] {
  return knownRounds().map((r) => r.id);
}

/** Calls listener after every change of the registered rounds; returns the function that stops it. */
export function onRoundsChanged(listener: () => void): () => void {
  const listeners = registry().listeners;
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** A number that grows with every change of the registered rounds (for caches and React's useSyncExternalStore). */
export function roundsVersion(): number {
  return registry().version;
}
