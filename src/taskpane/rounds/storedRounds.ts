import { fnv1a, RoundError, type Round } from "../../core";
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
 *
 * Next to each round as received is the round as the schema read it (its defaults filled in), with
 * the reading of the schema it was read by and a fingerprint of what was received: a page whose
 * schema reads rounds the same way registers it as it is, without loading the schema (and zod) to
 * check it again before the pane can show anything. A round kept by an add-in whose schema read
 * rounds otherwise, or received again, is checked again when the page starts, and kept checked.
 */

export const ROUND_KEY_PREFIX = "minstd.round.";
export const CHECKED_KEY_PREFIX = "minstd.roundChecked.";

/**
 * How the round schema reads a round (its fields and defaults): bumped whenever that changes, so that
 * every kept round is read by the new schema once. storedRounds.test.ts holds it to the schema.
 */
export const ROUND_READING = 1;

/** A round as the schema read it: `received` is the fingerprint (fnv1a) of the text as received. */
interface CheckedRound {
  readonly reading: number;
  readonly received: string;
  readonly round: Round;
}

const checkedEntry = (text: string, round: Round): string =>
  JSON.stringify({ reading: ROUND_READING, received: fnv1a(text), round } satisfies CheckedRound);

/** The round an entry holds, when it was read by this schema from exactly `text`. */
function checkedRound(entry: string | null | undefined, text: string): Round | undefined {
  if (!entry) return undefined;
  try {
    const checked = JSON.parse(entry) as Partial<CheckedRound>;
    return checked.reading === ROUND_READING && checked.received === fnv1a(text) ? checked.round : undefined;
  } catch {
    return undefined;
  }
}

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

/**
 * Reads every stored round and registers the good ones: as checked when kept, or checked now with
 * the round schema (and kept checked for the next start).
 */
export async function registerStoredRounds(storage: RoundStorage): Promise<StoredRounds> {
  const keys = (await storage.getKeys()).filter((k) => k.startsWith(ROUND_KEY_PREFIX)).sort();
  if (keys.length === 0) return { registered: [], problems: [] };
  const checkedKey = (key: string): string => CHECKED_KEY_PREFIX + key.slice(ROUND_KEY_PREFIX.length);
  const items = await storage.getItems([...keys, ...keys.map(checkedKey)]);
  const registered: Round[] = [];
  const problems: StoredRoundProblem[] = [];
  for (const key of keys) {
    const text = items[key] ?? "null";
    const checked = checkedRound(items[checkedKey(key)], text);
    if (checked) {
      registered.push(checked);
      continue;
    }
    try {
      const round = (await roundParser())(JSON.parse(text) as unknown);
      registered.push(round);
      await storage.setItem(checkedKey(key), checkedEntry(text, round)).catch(() => undefined);
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
  const text = JSON.stringify(data);
  await storage.setItem(`${ROUND_KEY_PREFIX}${round.id}`, text);
  await storage.setItem(`${CHECKED_KEY_PREFIX}${round.id}`, checkedEntry(text, round));
  registerRounds([round]);
  return round;
}
