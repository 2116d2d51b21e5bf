import type { CheckReport } from "../../core";
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
): Checklist {
  const rows = new Map(groups.flatMap((g) => g.rows.map((r) => [r.id, r] as const)));
  const indicatorProblem = (id: string, field: Parameters<typeof cellForIndicator>[0]["field"]) => {
    const row = rows.get(id);
    const cell = cellForIndicator({ field }, state.cells[id]);
    return { key: id, label: row ? `${id} ${row.short}` : id, ...(cell && { cell }) };
  };

  const incomplete: ChecklistProblem[] = [];
  const invalid: ChecklistProblem[] = [];
  for (const r of report.results) {
    if (r.status !== "incomplete" && r.status !== "invalid") continue;
    const problem = {
      ...indicatorProblem(r.id, r.field),
      message: r.message ?? "ยังไม่ได้กรอก",
      messageEn: r.messageEn ?? "not filled in",
    };
    (r.status === "incomplete" ? incomplete : invalid).push(problem);
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

  const basic: ChecklistProblem[] = [];
  const preparer: ChecklistProblem[] = [];
  for (const p of report.problems) {
    if (!p.path.startsWith("basic.") || p.severity !== "warning") continue;
    const field = p.path.split(".").pop()!;
    const found = state.problems.find((w) => w.indicatorId === undefined && w.field === field);
    const problem: ChecklistProblem = {
      key: p.path,
      label: p.message,
      message: p.message,
      messageEn: p.messageEn,
      ...(found && { cell: { sheet: found.sheet, cell: found.cell } }),
    };
    (p.path.startsWith("basic.preparer.") ? preparer : basic).push(problem);
  }
  // Document errors the pane's reader did not place (an indicator not in the round, …).
  for (const p of report.problems)
    if (p.severity === "error" && !state.problems.some((w) => w.message === p.message))
      invalid.push({ key: p.path, label: p.path, message: p.message, messageEn: p.messageEn });

  const items: ChecklistItem[] = [
    { id: "indicators", ok: incomplete.length === 0, problems: incomplete },
    { id: "invalid", ok: invalid.length === 0, problems: invalid },
    { id: "basic", ok: basic.length === 0, problems: basic },
    { id: "preparer", ok: preparer.length === 0, problems: preparer },
  ];
  return { items, ready: items.every((i) => i.ok) };
}
