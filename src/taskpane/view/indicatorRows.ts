import {
  indicatorText,
  indicatorsFor,
  type Area,
  type AreaSummary,
  type CheckReport,
  type CompiledRound,
  type IndicatorKind,
  type IndicatorResult,
  type InputField,
  type LaoType,
  type Status,
} from "../../core";
import { problemEn } from "../../i18n/problems";

/** One line of the indicators list: what the core computed, ready to show. */
export interface IndicatorRow {
  readonly id: string;
  /** The number printed on the form, e.g. "1". */
  readonly no: string;
  readonly areaId: string;
  readonly missionTitle: string;
  /** def.short, or the full text when there is no short text. */
  readonly short: string;
  /** The full text with the LAO type filled in. */
  readonly text: string;
  readonly kind: IndicatorKind;
  readonly unit: string;
  readonly lowerIsBetter: boolean;
  readonly status: Status;
  /** The measured value compared with the target: a percentage, a count, or 1/0 for มี/ไม่มี. */
  readonly value?: number;
  readonly target?: number;
  readonly provisional: boolean;
  /** What is wrong or missing, from the core, when there is something to fix. */
  readonly message?: string;
  readonly messageEn?: string;
  /** The input the message is about. */
  readonly field?: InputField;
  /** The round's guidance for typing this indicator: what (1) and (2) count, units, when 0 or "-". */
  readonly guidance?: string;
}

export interface AreaGroup {
  readonly area: Area;
  readonly rows: readonly IndicatorRow[];
  readonly summary: AreaSummary;
}

/** Groups the core's results by area, in form order, with each area's summary. */
export function buildIndicatorGroups(
  compiled: CompiledRound,
  laoType: LaoType,
  report: CheckReport,
): AreaGroup[] {
  const results = new Map<string, IndicatorResult>(report.results.map((r) => [r.id, r]));
  const rowsByArea = new Map<string, IndicatorRow[]>();
  for (const ind of indicatorsFor(compiled, laoType)) {
    const result = results.get(ind.def.id);
    if (!result) continue;
    const text = indicatorText(ind.def, laoType);
    const row: IndicatorRow = {
      id: ind.def.id,
      no: ind.def.no,
      areaId: ind.area.id,
      missionTitle: ind.mission.title,
      short: ind.def.short ?? text,
      text,
      kind: ind.kind,
      unit: ind.def.unit,
      lowerIsBetter: ind.lowerIsBetter,
      status: result.status,
      ...(result.value !== undefined && { value: result.value }),
      ...(result.target !== undefined && { target: result.target }),
      provisional: result.provisional === true,
      ...(result.problem !== undefined && {
        message: result.problem.th,
        messageEn: problemEn(result.problem),
      }),
      ...(result.field !== undefined && { field: result.field }),
      ...(ind.def.guidance?.trim() && { guidance: ind.def.guidance.trim() }),
    };
    const list = rowsByArea.get(ind.area.id) ?? [];
    list.push(row);
    rowsByArea.set(ind.area.id, list);
  }
  return report.summary.areas.flatMap((summary) => {
    const rows = rowsByArea.get(summary.areaId);
    const area = compiled.round.areas.find((a) => a.id === summary.areaId);
    return rows && area ? [{ area, rows, summary }] : [];
  });
}
