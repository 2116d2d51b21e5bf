import { LAO_TYPE_INFO, LAO_TYPE_SLOT, LAO_TYPES, type LaoType } from "./laoTypes";
import type { Area, Indicator, Mission, Round, Target } from "./round";

/**
 * A round prepared for fast scoring: indicators indexed by id, each with its target already
 * resolved for every LAO type. Built once per round and cached.
 */
export interface CompiledIndicator {
  readonly def: Indicator;
  /** def.kind, one load closer for the hot path. */
  readonly kind: Indicator["kind"];
  readonly round: Round;
  readonly area: Area;
  readonly mission: Mission;
  /** Position in the round, from 0, in the order of the official forms. */
  readonly index: number;
  readonly integer: boolean;
  /** The LAO types assessed on this indicator (def.laoTypes, else the round's). */
  readonly laoTypes: readonly LaoType[];
  /**
   * The target for each LAO type assessed; absent when the type is not assessed, or for a
   * satisfaction question the round gives no target (reported, never passed or failed).
   */
  readonly targets: Readonly<Partial<Record<LaoType, Target>>>;
  /** True when the target depends on the LAO type, so scoring needs the type. */
  readonly targetsDiffer: boolean;
  /**
   * Per LAO type (in LAO_TYPES order): the value a result must reach to pass, the target widened by
   * a tiny tolerance for floating-point noise so that ties pass; NaN where the type is not assessed.
   */
  readonly passThresholds: Float64Array;
  readonly lowerIsBetter: boolean;
}

export interface CompiledRound {
  readonly round: Round;
  readonly indicators: readonly CompiledIndicator[];
  readonly byId: ReadonlyMap<string, CompiledIndicator>;
}

/** The implicit target of a มี/ไม่มี indicator: มี passes. */
const YES_TARGET: Target = Object.freeze({
  value: 1,
  provisional: false,
  source: "มี = ผ่าน (ตามนิยามของตัวชี้วัดแบบ มี/ไม่มี)",
});

function resolveTargets(def: Indicator, round: Round): Partial<Record<LaoType, Target>> {
  const assessed = def.laoTypes ?? round.laoTypes;
  const targets: Partial<Record<LaoType, Target>> = {};
  for (const type of assessed) {
    const target =
      def.targets[type] ?? def.targets.default ?? (def.kind === "yesno" ? YES_TARGET : undefined);
    if (target) targets[type] = target;
  }
  return targets;
}

const cache = new WeakMap<Round, CompiledRound>();

export function compileRound(round: Round): CompiledRound {
  const cached = cache.get(round);
  if (cached) return cached;
  const indicators: CompiledIndicator[] = [];
  for (const area of round.areas) {
    for (const mission of area.missions) {
      for (const def of mission.indicators) {
        const targets = resolveTargets(def, round);
        const values = new Set(Object.values(targets).map((t) => t.value));
        const assessedCount = (def.laoTypes ?? round.laoTypes).length;
        const lowerIsBetter = def.comparison === "<=";
        const passThresholds = Float64Array.from(LAO_TYPES, (type) => {
          const t = targets[type];
          if (!t) return Number.NaN;
          const tolerance = 1e-9 * Math.max(1, Math.abs(t.value));
          return lowerIsBetter ? t.value + tolerance : t.value - tolerance;
        });
        indicators.push(
          Object.freeze({
            def,
            kind: def.kind,
            round,
            area,
            mission,
            index: indicators.length,
            integer: def.kind === "count" ? def.integer !== false : def.kind === "satisfaction",
            laoTypes: Object.freeze([...(def.laoTypes ?? round.laoTypes)]),
            targets: Object.freeze(targets),
            targetsDiffer:
              values.size > 1 ||
              (Object.keys(targets).length > 0 && Object.keys(targets).length < round.laoTypes.length) ||
              assessedCount < round.laoTypes.length,
            passThresholds,
            lowerIsBetter,
          }),
        );
      }
    }
  }
  const compiled: CompiledRound = Object.freeze({
    round,
    indicators: Object.freeze(indicators),
    byId: new Map(indicators.map((i) => [i.def.id, i])),
  });
  cache.set(round, compiled);
  return compiled;
}

/** The indicator text with the LAO-type slot filled in, e.g. "…ในความรับผิดชอบทั้งหมดของ อบต. …". */
export function indicatorText(def: Indicator, type: LaoType | undefined): string {
  const word = type ? LAO_TYPE_INFO[type].inText : "อปท.";
  return def.text.split(LAO_TYPE_SLOT).join(word);
}

/** Is this LAO type assessed on this indicator? */
export function appliesTo(indicator: CompiledIndicator, type: LaoType): boolean {
  return indicator.laoTypes.includes(type);
}

/** A satisfaction question with no target for this type: reported, never passed or failed. */
export function reportedOnly(indicator: CompiledIndicator, type: LaoType): boolean {
  return indicator.kind === "satisfaction" && indicator.targets[type] === undefined;
}

/** The indicators an LAO of this type is assessed on, in form order. */
export function indicatorsFor(compiled: CompiledRound, type: LaoType): CompiledIndicator[] {
  return compiled.indicators.filter((i) => appliesTo(i, type));
}

export { LAO_TYPES };
