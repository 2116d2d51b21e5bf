import {
  appliesTo,
  compileRound,
  LAO_TYPE_INFO,
  LAO_TYPES,
  problems,
  toArabicDigits,
  type CompiledIndicator,
  type LaoType,
} from "../core";
import { knownRoundIds, knownRounds, onRoundsChanged } from "../addin/roundRegistry";
import { invalidValue, notAvailable } from "./errors";
import { readLaoTypeArgument } from "./laoTypeArgument";
import { messages } from "./messages";

/** An indicator of a known round, with a type to score it by when its targets are the same for every type. */
export interface IndicatorEntry {
  readonly indicator: CompiledIndicator;
  readonly anyType: LaoType;
}

interface Index {
  /** A null-prototype object: keyed lookups of ids are faster than Map.get on the hot path. */
  readonly exact: Readonly<Record<string, IndicatorEntry | undefined>>;
  /** Keyed by normaliseId, so "๒๕๖๔-s-01 " finds 2564-S-01. */
  readonly loose: ReadonlyMap<string, IndicatorEntry>;
}

let index: Index | undefined;
let watching = false;

function normaliseId(text: string): string {
  return toArabicDigits(text.trim()).toUpperCase();
}

/**
 * Built on first use from the known rounds (core's round registry: the rounds bundled with the
 * add-in, so the functions work offline, and rounds the pane registered), and again after the
 * registered rounds change.
 */
function buildIndex(): Index {
  if (!watching) {
    watching = true;
    onRoundsChanged(() => {
      index = undefined;
    });
  }
  const exact: Record<string, IndicatorEntry> = Object.create(null) as Record<string, IndicatorEntry>;
  const loose = new Map<string, IndicatorEntry>();
  for (const round of knownRounds()) {
    for (const indicator of compileRound(round).indicators) {
      const anyType = LAO_TYPES.find((t) => appliesTo(indicator, t));
      if (anyType === undefined) continue; // assessed for no type at all: nothing to score
      const entry = { indicator, anyType };
      exact[indicator.def.id] = entry;
      loose.set(normaliseId(indicator.def.id), entry);
    }
  }
  return { exact, loose };
}

/** The indicator with this id in the known rounds; throws #N/A naming the id when there is none. */
export function findIndicator(id: unknown): IndicatorEntry {
  const idx = (index ??= buildIndex());
  if (typeof id === "string") {
    const hit = idx.exact[id];
    if (hit) return hit;
  }
  const text = id === null || id === undefined ? "" : String(id).trim();
  if (text === "") throw notAvailable(messages.noIndicatorId());
  const key = normaliseId(text);
  const hit = idx.loose.get(key);
  if (hit) return hit;
  const ids = knownRoundIds();
  const round = ids.find((r) => key.startsWith(`${r.toUpperCase()}-`));
  throw notAvailable(problems.unknownIndicator(text, round ?? ids.join(", ")).th);
}

/**
 * The LAO type to score an indicator for. Without a type, the indicator's targets must be the same
 * for every type (#VALUE! otherwise); an indicator the type is not assessed on gives #N/A.
 */
export function scoringType(entry: IndicatorEntry, laoType: unknown): LaoType {
  const type = readLaoTypeArgument(laoType);
  const indicator = entry.indicator;
  if (type === undefined) {
    if (indicator.targetsDiffer) throw invalidValue(messages.typeNeeded(indicator.def.id));
    return entry.anyType;
  }
  if (!appliesTo(indicator, type)) {
    throw notAvailable(problems.notForType(indicator.def.id, LAO_TYPE_INFO[type].th).th);
  }
  return type;
}
