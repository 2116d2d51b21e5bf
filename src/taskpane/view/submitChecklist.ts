import { withEnglish } from "../../i18n/problems";
import {
  parseDocumentPath,
  reportProblems,
  RESULT_PROBLEM_CODES,
  type CheckReport,
  type CompiledRound,
} from "../../core";
import type { CellRef, WorkbookState } from "../workbookPort";
import type { AreaGroup } from "./indicatorRows";
import { cellForIndicator } from "./workbookReport";

/**
 * What must hold before a version is sent, as the officer reads it: every indicator entered, no
 * invalid cell, แบบ 1 complete, the preparer named. Each problem says where to go.
 */

export type ChecklistItemId = "indicators" | "invalid" | "basic" | "preparer";

export interface ChecklistProblem {
  /** The indicator's id ("2568-1-01"), or the แบบ 1 field. */
  readonly key: string;
  /** e.g. "1. จำนวนโครงการ…" for an indicator; the field's name for แบบ 1. */
  readonly label: string;
  readonly message: string;
  readonly messageEn: string;
  readonly cell?: CellRef;
}

export interface ChecklistItem {
  readonly id: ChecklistItemId;
  readonly ok: boolean;
  readonly problems: readonly ChecklistProblem[];
}

export interface Checklist {
  readonly items: readonly ChecklistItem[];
  readonly ready: boolean;
}

export function submitChecklist(
  state: Pick<WorkbookState, "cells" | "problems">,
  report: Pick<CheckReport, "results" | "problems">,
  groups: readonly AreaGroup[],
  compiled: CompiledRound,
): Checklist {
  const rows = new Map(groups.flatMap((g) => g.rows.map((r) => [r.id, r] as const)));
  // แบบ 1's cells are where the workbook reader found them; an indicator's, in its row.
  const locate = (path: string): CellRef | undefined => {
    const at = parseDocumentPath(path);
    if (at?.kind === "values") return cellForIndicator({ field: at.field }, state.cells[at.indicatorId]);
    if (at?.kind !== "basic" && at?.kind !== "preparer") return undefined;
    const found = state.problems.find((w) => w.indicatorId === undefined && w.field === at.key);
    return found && { sheet: found.sheet, cell: found.cell };
  };

  const incomplete: ChecklistProblem[] = [];
  const invalid: ChecklistProblem[] = [];
  const basic: ChecklistProblem[] = [];
  const preparer: ChecklistProblem[] = [];
  const unplaced: ChecklistProblem[] = [];
  for (const p of reportProblems(report, compiled).map(withEnglish)) {
    const at = parseDocumentPath(p.path);
    const cell = locate(p.path);
    const problem = { message: p.message, messageEn: p.messageEn, ...(cell && { cell }) };
    if (RESULT_PROBLEM_CODES.has(p.code) && at?.kind === "values") {
      const row = rows.get(at.indicatorId);
      const item = {
        key: at.indicatorId,
        label: row ? `${at.indicatorId} ${row.short}` : at.indicatorId,
        ...problem,
      };
      (p.severity === "error" ? invalid : incomplete).push(item);
    } else if (p.severity === "warning" && (at?.kind === "basic" || at?.kind === "preparer")) {
      (at.kind === "preparer" ? preparer : basic).push({ key: p.path, label: p.message, ...problem });
    } else if (p.severity === "error" && !state.problems.some((w) => w.message === p.message)) {
      // A document error the pane's reader did not place (an indicator not in the round, …).
      unplaced.push({ key: p.path, label: p.path, message: p.message, messageEn: p.messageEn });
    }
  }
  // What the reader found beyond the results: a changed layout, an unreadable แบบ 1 number.
  for (const p of state.problems) {
    if (p.notFilled) continue;
    invalid.push({
      key: `${p.sheet}!${p.cell}`,
      label: p.indicatorId ?? `${p.sheet} ${p.cell}`,
      message: p.message,
      messageEn: p.messageEn,
      cell: { sheet: p.sheet, cell: p.cell },
    });
  }
  invalid.push(...unplaced);

  const items: ChecklistItem[] = [
    { id: "indicators", ok: incomplete.length === 0, problems: incomplete },
    { id: "invalid", ok: invalid.length === 0, problems: invalid },
    { id: "basic", ok: basic.length === 0, problems: basic },
    { id: "preparer", ok: preparer.length === 0, problems: preparer },
  ];
  return { items, ready: items.every((i) => i.ok) };
}
