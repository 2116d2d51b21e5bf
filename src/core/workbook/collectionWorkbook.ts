import { compileRound } from "../rules/compiledRound";
import { layoutRows } from "./layout";
import { META_CELLS, type MetaKey } from "./sheets/metaSheet";
import type { CellLocation, CollectionLayout, InputKind } from "./spec";
import { LAYOUT_VERSION, META_SHEET, NAME_LAO_CODE, NAME_ROUND, WORKBOOK_FORMAT } from "./workbookNames";
import { readingOf, resultDisplay } from "./portableFormulas";
import { parseDocumentPath, parseInputPath } from "../rules/inputPath";
import { NO_ARGS, type Problem, type ProblemEnglish } from "../rules/problems";
import { scoreIndicator, type InputField } from "../rules/scoring";
import type { CellProblem } from "./reportProblems";
import type { SubmissionDocument } from "../rules/submission";
import { BE_OFFSET } from "../calendar/thai";

/**
 * Reading a collection workbook into the submission document (what was typed), and the values its
 * formulas show where the add-in does not run.
 * Both readers (Office.js and .xlsx) fetch cell contents their own way and hand them to these
 * functions, so they read the same document from the same workbook.
 */

/** What a reader found in a cell: a number, text, TRUE/FALSE, a date, or nothing. */
export type RawCell = string | number | boolean | Date | null | undefined;
export type CellReader = (sheet: string, address: string) => RawCell;

export interface CollectionRead {
  readonly document: SubmissionDocument;
  /** หมายเหตุ per indicator id: kept in the workbook, not part of the submission document. */
  readonly notes: Readonly<Record<string, string>>;
  /** Every non-empty input by document path, as found, to carry into a refreshed workbook. */
  readonly inputs: ReadonlyMap<string, string | number>;
  readonly locate: (path: string) => CellLocation | undefined;
}

function dateText(date: Date): string {
  return `วันที่ ${date.getUTCDate()}/${date.getUTCMonth() + 1}/${date.getUTCFullYear() + BE_OFFSET}`;
}

/**
 * A cell's content as the submission document holds it: numbers stay numbers, text stays as
 * typed (core reads Thai digits, commas and "-"), empty is null. TRUE/FALSE and dates become
 * text, so core names them in its message instead of taking them for numbers.
 */
export function documentValue(raw: RawCell, kind: InputKind): string | number | null {
  if (raw === null || raw === undefined) return null;
  if (raw instanceof Date) return dateText(raw);
  if (typeof raw === "boolean") return raw ? "TRUE" : "FALSE";
  if (typeof raw === "number") return kind === "text" || kind === "phone" ? String(raw) : raw;
  return raw.trim() === "" ? null : raw;
}

/** Reads every input of a collection workbook: what was typed, never what its formulas show. */
export function readCollection(layout: CollectionLayout, read: CellReader): CollectionRead {
  const values: Record<string, Partial<Record<InputField, string | number | null>>> = {};
  const basic: Record<string, unknown> = {};
  const preparer: Record<string, string> = {};
  const notes: Record<string, string> = {};
  const inputs = new Map<string, string | number>();
  for (const [path, at] of layout.inputs) {
    const raw = read(at.sheet, at.cell);
    const value = documentValue(raw, at.spec.kind);
    if (value !== null) inputs.set(path, value);
    const where = parseDocumentPath(path);
    switch (where?.kind) {
      case "values":
        if (where.field) (values[where.indicatorId] ??= {})[where.field] = value;
        break;
      case "notes":
        if (value !== null) notes[where.indicatorId] = String(value);
        break;
      case "preparer":
        if (value !== null) preparer[where.key] = String(value);
        break;
      case "basic":
        basic[where.key] = value;
        break;
    }
  }
  const document: SubmissionDocument = {
    round: layout.round.id,
    lao: layout.lao.code,
    values,
    basic: { ...basic, ...(Object.keys(preparer).length > 0 && { preparer }) },
  };
  return { document, notes, inputs, locate: (path) => locateInput(layout, path) };
}

/** The cell behind a document path ("values.<id>.base", "basic.population", "lao", "round"). */
export function locateInput(layout: CollectionLayout, path: string): CellLocation | undefined {
  const input = layout.inputs.get(path);
  if (input) return { sheet: input.sheet, cell: input.cell };
  const basic = layout.sheets[0]!;
  const named = (name: string): CellLocation | undefined => {
    const item = layout.names.find((n) => n.name === name);
    return item && { sheet: basic.name, cell: item.address };
  };
  if (path === "lao") return named(NAME_LAO_CODE);
  if (path === "round") return named(NAME_ROUND);
  const row = parseInputPath(path);
  if (row && !row.field) {
    const found = layoutRows(layout).find((r) => r.id === row.indicatorId);
    return found && { sheet: found.sheet, cell: found.idCell };
  }
  return undefined;
}

/**
 * What each formula cell shows where the add-in does not run, computed by core: the cached values of
 * a file written without Excel. Programs that do not recalculate on opening (LibreOffice) show these
 * until an input changes, so each must be what the cell's portable formula gives. The cell that asks
 * for the add-in (NAME_ADDIN) is not here: it holds the error a program without the add-in shows.
 */
/** The target cell of a satisfaction question with no target, as the printout (แบบ 3) has none. */
const NO_TARGET = "-";

export function formulaValues(
  layout: CollectionLayout,
  values: SubmissionDocument["values"] = {},
): Map<string, string | number> {
  const compiled = compileRound(layout.round);
  const type = layout.lao.type;
  const out = new Map<string, string | number>();
  for (const row of layoutRows(layout)) {
    const ind = compiled.byId.get(row.id)!;
    const score = scoreIndicator(ind, values[row.id] ?? {}, type);
    const target = ind.targets[type];
    out.set(cellKey(row.sheet, row.target), ind.kind === "yesno" ? "มี" : (target?.value ?? NO_TARGET));
    if (row.percent) out.set(cellKey(row.sheet, row.percent), score.percent ?? "-");
    out.set(
      cellKey(row.sheet, row.result),
      resultDisplay(score.status, score.problem !== undefined, layout.round),
    );
  }
  for (const reading of layout.readings) {
    const raw = values[reading.indicatorId]?.[reading.field];
    out.set(cellKey(META_SHEET, reading.cell), readingOf(raw, reading.rule));
  }
  return out;
}

/** Where a problem is, as the CLI prints it: " [แบบ อบต. 2-1!E9]", " [แบบ อบต. 1]" for a whole sheet, "" for nowhere. */
export function cellReference(at: { readonly sheet?: string; readonly cell?: string }): string {
  if (!at.sheet) return "";
  return ` [${at.sheet}${at.cell ? `!${at.cell}` : ""}]`;
}

export function cellKey(sheet: string, address: string): string {
  return `${sheet}!${address}`;
}

export interface WorkbookMeta {
  readonly format: string;
  readonly version: number;
  readonly round: string;
  readonly lao: string;
  readonly laoType: string;
  readonly fingerprint: string;
}

export interface MetaProblem {
  readonly message: string;
  readonly messageEn: string;
}

const NOT_OURS: Problem = {
  code: "not-our-workbook",
  th: "แฟ้มนี้ไม่ใช่แบบรวบรวมข้อมูลของ MinStd — สร้างแบบด้วย minstd template --round รอบ --lao รหัส หรือจาก Add-in MinStd แล้วกรอกข้อมูลในแบบนั้น",
  args: NO_ARGS,
};

/** Reads the metadata sheet's cells (META_CELLS); a problem's English comes from `english`. */
export function parseMeta(
  read: (address: string) => RawCell,
  english: ProblemEnglish,
): WorkbookMeta | MetaProblem {
  const refuse = (problem: Problem): MetaProblem => ({ message: problem.th, messageEn: english(problem) });
  const text = (key: MetaKey): string => {
    const v = read(META_CELLS[key]);
    return v === null || v === undefined ? "" : String(v).trim();
  };
  if (text("format") !== WORKBOOK_FORMAT) return refuse(NOT_OURS);
  const version = Number(text("version"));
  if (!Number.isInteger(version) || version < 1) return refuse(NOT_OURS);
  if (version > LAYOUT_VERSION) {
    return refuse({
      code: "newer-layout",
      th: `แบบรวบรวมข้อมูลนี้สร้างด้วย MinStd รุ่นใหม่กว่า (แบบรุ่น ${version}) — ปรับปรุง MinStd แล้วลองอีกครั้ง`,
      args: { version, current: LAYOUT_VERSION },
    });
  }
  return {
    format: WORKBOOK_FORMAT,
    version,
    round: text("round"),
    lao: text("lao"),
    laoType: text("laoType"),
    fingerprint: text("fingerprint"),
  };
}

export function isMetaProblem(x: WorkbookMeta | MetaProblem): x is MetaProblem {
  return "message" in x;
}

/**
 * Does the workbook match the layout MinStd would build today for its round and LAO? Returns
 * the problems, in Thai: another layout version, an LAO type the register no longer gives, rows
 * that moved because the round changed since the workbook was made, or id cells that were edited.
 */
export function checkAgainstLayout(
  layout: CollectionLayout,
  meta: WorkbookMeta,
  read: CellReader,
  english: ProblemEnglish,
): CellProblem[] {
  const problems: CellProblem[] = [];
  const add = (problem: Problem, at?: CellLocation): void => {
    problems.push({
      path: "",
      code: "layout-mismatch",
      message: problem.th,
      messageEn: english(problem),
      severity: "error",
      ...at,
    });
  };
  if (meta.round !== layout.round.id || meta.lao !== layout.lao.code) {
    add({
      code: "layout-other-lao",
      th: `แฟ้มนี้เป็นของรอบ ${meta.round} รหัส อปท. ${meta.lao} ไม่ใช่รอบ ${layout.round.id} รหัส ${layout.lao.code}`,
      args: {
        round: meta.round,
        lao: meta.lao,
        expectedRound: layout.round.id,
        expectedLao: layout.lao.code,
      },
    });
    return problems;
  }
  if (meta.version !== layout.version || meta.laoType !== layout.lao.type) {
    add({
      code: "layout-other-version",
      th: `แบบรวบรวมข้อมูลนี้สร้างด้วยแบบรุ่นอื่นหรือประเภท อปท. อื่น (${meta.laoType}) — สร้างแบบใหม่ด้วย minstd template แล้วคัดลอกค่าที่กรอกไว้`,
      args: { laoType: meta.laoType },
    });
    return problems;
  }
  if (meta.fingerprint !== layout.fingerprint) {
    add({
      code: "layout-round-changed",
      th: `ตัวชี้วัดของรอบ ${layout.round.id} เปลี่ยนไปหลังจากสร้างแฟ้มนี้ — สร้างแบบใหม่ด้วย minstd template แล้วคัดลอกค่าที่กรอกไว้`,
      args: { round: layout.round.id },
    });
    return problems;
  }
  for (const [name, expected] of [
    [NAME_LAO_CODE, layout.lao.code],
    [NAME_ROUND, layout.round.id],
  ] as const) {
    const item = layout.names.find((n) => n.name === name)!;
    const shown = String(read(item.sheet, item.address) ?? "").trim();
    if (shown !== expected) {
      add(
        {
          code: "layout-meta-edited",
          th: `ข้อมูลกำกับแฟ้มระบุ ${name === NAME_ROUND ? "รอบ" : "รหัส อปท."} ${expected} แต่แบบ 1 เซลล์ ${item.address} แสดง “${shown}” — แฟ้มนี้ถูกแก้ไขหรือคัดลอกมาจาก อปท. อื่น ให้สร้างแบบใหม่ด้วย minstd template`,
          args: { expected, sheet: item.sheet, address: item.address, shown },
        },
        { sheet: item.sheet, cell: item.address },
      );
    }
  }
  for (const row of layoutRows(layout)) {
    const shown = read(row.sheet, row.idCell);
    if (String(shown ?? "").trim() !== row.id) {
      add(
        {
          code: "layout-row-moved",
          th: `แผ่นงาน ${row.sheet} เซลล์ ${row.idCell} ต้องเป็นรหัสตัวชี้วัด ${row.id} แต่พบ “${String(shown ?? "")}” — อย่าแทรก ลบ หรือย้ายแถว ให้ใช้แบบที่สร้างใหม่`,
          args: { sheet: row.sheet, cell: row.idCell, id: row.id },
        },
        { sheet: row.sheet, cell: row.idCell },
      );
    }
  }
  return problems;
}
