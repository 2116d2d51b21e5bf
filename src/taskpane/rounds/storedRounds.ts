import { RoundError, type Round } from "../../core";
import { registerRounds } from "../../addin/roundRegistry";
import { roundIssueText } from "../../i18n/issues";

/**
 * The round schema (and zod with it), loaded when a stored or received round is to be checked:
 * a pane whose rounds all shipped with it starts without it.
 */
async function roundParser(): Promise<(data: unknown) => Round> {
  const { parseRound } = await import(/* webpackChunkName: "round-schema" */ "../../core/rules/round");
  return parseRound;
}

/**
 * Rounds that did not ship with the add-in (e.g. received from the collection server) are kept in
 * OfficeRuntime.storage, one key per round, and registered in core's round registry when the page
 * starts, so that the pane and the MINSTD.* functions (which share the page) know them offline and
 * without a new version of the add-in. OfficeRuntime.storage is the add-in's own storage: 10 MB per
 * domain, kept between sessions; a 214-indicator round takes about 60 KB.
 */

export const ROUND_KEY_PREFIX = "minstd.round.";

/** The part of OfficeRuntime.storage used here. */
export interface RoundStorage {
  getKeys(): Promise<string[]>;
  getItems(keys: string[]): Promise<Record<string, string | null>>;
  setItem(key: string, value: string): Promise<void>;
}

/** OfficeRuntime.storage when the page runs in Office, else undefined. */
export function officeRuntimeStorage(): RoundStorage | undefined {
  const runtime = (globalThis as { OfficeRuntime?: { storage?: RoundStorage } }).OfficeRuntime;
  return runtime?.storage;
}

/** A stored entry that could not be read; it stays in storage (nothing received is thrown away). */
export interface StoredRoundProblem {
  readonly key: string;
  readonly th: string;
  readonly en: string;
}

export interface StoredRounds {
  readonly registered: readonly Round[];
  readonly problems: readonly StoredRoundProblem[];
}

function problemOf(key: string, error: unknown): StoredRoundProblem {
  const detail =
    error instanceof RoundError
      ? error.issues.map(roundIssueText).join("; ")
      : error instanceof Error
        ? error.message
        : String(error);
  return {
    key,
    th: `รอบการประเมินที่เก็บไว้ (${key}) อ่านไม่ได้ — ${detail}`,
    en: `the stored round ${key} cannot be read — ${detail}`,
  };
}

/** Reads every stored round, checks each with the round schema and registers the good ones. */
export async function registerStoredRounds(storage: RoundStorage): Promise<StoredRounds> {
  const keys = (await storage.getKeys()).filter((k) => k.startsWith(ROUND_KEY_PREFIX)).sort();
  if (keys.length === 0) return { registered: [], problems: [] };
  const [items, parseRound] = await Promise.all([storage.getItems(keys), roundParser()]);
  const registered: Round[] = [];
  const problems: StoredRoundProblem[] = [];
  for (const key of keys) {
    try {
      registered.push(parseRound(JSON.parse(items[key] ?? "null") as unknown));
    } catch (error) {
      problems.push(problemOf(key, error));
    }
  }
  registerRounds(registered);
  return { registered, problems };
}

/**
 * Keeps a round received at run time: checks it (RoundError, in Thai, when it is not a valid
 * round), stores it as received and registers it. A round of the same id is replaced.
 */
export async function keepRound(storage: Pick<RoundStorage, "setItem">, data: unknown): Promise<Round> {
  const round = (await roundParser())(data);
  await storage.setItem(`${ROUND_KEY_PREFIX}${round.id}`, JSON.stringify(data));
  registerRounds([round]);
  return round;
}
