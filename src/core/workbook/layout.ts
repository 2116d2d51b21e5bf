import { absoluteCell, cellAddress, columnLetter, quoteSheet } from "./a1";
import { compileRound, indicatorsFor, indicatorText, type CompiledIndicator } from "../rules/compiledRound";
import { LAO_TYPE_INFO, laoDisplayName, type LaoType } from "../rules/laoTypes";
import {
  percentFormula,
  readingFormulas,
  resultFormula,
  textLiteral,
  type IndicatorReadings,
  type ReadingRule,
} from "./portableFormulas";
import { basicPath, formatInputPath, notePath, parseDocumentPath, preparerPath } from "../rules/inputPath";
import type { Lao } from "../rules/register";
import type { Round } from "../rules/round";
import { statusLabel, STATUSES, type InputField, type Status } from "../rules/scoring";
import { FIELD_NAMES, villagesField } from "../rules/vocabulary";
import { PAGE_NUMBER_FOOTER, titleRows, type PrintSpec } from "./printSetup";
import { rowHeight } from "./textMetrics";

/**
 * The collection workbook (แบบรวบรวมข้อมูล) of one LAO for one round, as data: every sheet, cell,
 * style, formula, input, named item and the hidden metadata. The Office.js writer and reader
 * (src/excel) and the .xlsx writer and reader (src/xlsx) all work from this spec, so the two paths
 * produce and read the same workbook and no part hard-codes a cell.
 */

/** Bump when a cell moves: readers refuse a workbook whose layout version they do not know. */
export const LAYOUT_VERSION = 1;
export const WORKBOOK_FORMAT = "minstd-collection-workbook";
/** The custom-functions namespace of the add-in: =MINSTD.CHECK(...). */
export const FUNCTION_NAMESPACE = "MINSTD";
export const FONT_NAME = "TH Sarabun New";
export const FONT_SIZE = 14;

/** The very hidden sheet that names the workbook's round, LAO and layout. It never holds a credential. */
export const META_SHEET = "MinStd";
/** Metadata keys and their value cells, fixed so a reader finds them before it knows the round. */
export const META_CELLS = {
  format: "B1",
  version: "B2",
  round: "B3",
  lao: "B4",
  laoType: "B5",
  fingerprint: "B6",
} as const;
export type MetaKey = keyof typeof META_CELLS;
const META_LABELS: Readonly<Record<MetaKey, string>> = {
  format: "รูปแบบแฟ้ม / format",
  version: "รุ่นของแบบ / layout version",
  round: "รอบการประเมิน / round",
  lao: "รหัส อปท. / LAO code",
  laoType: "ประเภท อปท. / LAO type",
  fingerprint: "ลายนิ้วมือของแบบ / layout fingerprint",
};

/** Workbook-scoped named items. Formulas read the LAO type from NAME_LAO_TYPE. */
export const NAME_LAO_TYPE = "MinStd_LaoType";
export const NAME_LAO_CODE = "MinStd_LaoCode";
export const NAME_ROUND = "MinStd_Round";
/**
 * A cell of the metadata sheet that asks the add-in for a target: a number where the add-in runs, an
 * error (#NAME?) where it does not. Result cells take the add-in's answer or the portable formula by it.
 */
export const NAME_ADDIN = "MinStd_AddIn";
const ADDIN_PROBE_ROW = 9;
/** The first row of the working cells that read each input for the portable formulas. */
const READING_FIRST_ROW = 12;
/** The working cells of a reading row, from column B: text, whole part, fraction, plain?, number, reading. */
const READING_COLUMNS = ["text", "whole", "fraction", "plain", "number", "reading"] as const;

export type StyleName =
  | "title"
  | "subtitle"
  | "guide"
  | "section"
  | "label"
  | "fixed"
  | "header"
  | "mission"
  | "id"
  | "text"
  | "target"
  | "input"
  | "inputText"
  | "unused"
  | "percent"
  | "result"
  | "meta";

export interface StyleSpec {
  readonly bold?: boolean;
  readonly size?: number;
  readonly color?: string;
  /** Fill colour, RRGGBB. */
  readonly fill?: string;
  readonly horizontal?: "left" | "center" | "right";
  readonly vertical?: "top" | "center";
  readonly wrap?: boolean;
  readonly border?: boolean;
  /** Officers can type only into unlocked cells once the sheet is protected. */
  readonly locked: boolean;
}

export const INPUT_FILL = "FFF2CC";

export const STYLES: Readonly<Record<StyleName, StyleSpec>> = {
  title: { bold: true, size: 18, locked: true, vertical: "center" },
  subtitle: { size: 15, locked: true, vertical: "center" },
  guide: { size: 13, color: "595959", wrap: true, vertical: "top", locked: true },
  section: { bold: true, size: 15, fill: "D9E1F2", locked: true, vertical: "center" },
  label: { wrap: true, vertical: "center", border: true, locked: true },
  fixed: { wrap: true, vertical: "center", border: true, fill: "F2F2F2", locked: true },
  header: {
    bold: true,
    fill: "D9E1F2",
    horizontal: "center",
    vertical: "center",
    wrap: true,
    border: true,
    locked: true,
  },
  mission: { bold: true, fill: "EDEDED", vertical: "center", wrap: true, border: true, locked: true },
  id: { horizontal: "center", vertical: "top", border: true, locked: true },
  text: { wrap: true, vertical: "top", border: true, locked: true },
  target: { horizontal: "center", vertical: "top", border: true, locked: true },
  input: { fill: INPUT_FILL, horizontal: "right", vertical: "top", border: true, locked: false },
  inputText: { fill: INPUT_FILL, vertical: "top", wrap: true, border: true, locked: false },
  unused: { fill: "BFBFBF", border: true, locked: true },
  percent: { horizontal: "center", vertical: "top", border: true, locked: true },
  result: { vertical: "top", wrap: true, border: true, locked: true },
  meta: { locked: true },
};

export type CustomFunction = "CHECK" | "TARGET" | "PERCENT";

export type FormulaArg =
  | { readonly text: string }
  | { readonly cell: string }
  | { readonly name: string }
  | { readonly omitted: true };

/** A cell formula that calls the add-in's custom function. */
export interface AddinFormulaSpec {
  readonly fn: CustomFunction;
  readonly args: readonly FormulaArg[];
  /** The indicator this formula belongs to. */
  readonly indicatorId: string;
  /** Shown instead of an Excel error, e.g. "-" for a percentage that does not apply yet. */
  readonly ifError?: string;
  /**
   * The same answer in formulas every spreadsheet program evaluates (portableFormulas.ts), shown
   * while the add-in does not answer. Without it the cell needs the add-in.
   */
  readonly portable?: string;
}

/** A formula in functions every spreadsheet program has (no "="): the working cells of the portable formulas. */
export interface PortableFormulaSpec {
  readonly portable: string;
}

export type FormulaSpec = AddinFormulaSpec | PortableFormulaSpec;

export function isAddinFormula(formula: FormulaSpec): formula is AddinFormulaSpec {
  return "fn" in formula;
}

export type InputKind = "amount" | "count" | "people" | "money" | "yesno" | "text" | "phone";

export interface ValidationSpec {
  readonly type: "decimal" | "whole" | "list" | "textLength";
  /** decimal/whole: the least value; textLength: the most characters. */
  readonly limit?: number;
  readonly list?: readonly string[];
  /** Shown when the cell is selected: what to type. Title ≤ 32 characters, text ≤ 255 (Excel's limits). */
  readonly promptTitle: string;
  readonly prompt: string;
  /** A warning, not a stop: Thai digits and "-" are valid answers that Excel's rules cannot express. */
  readonly errorTitle: string;
  readonly error: string;
}

export interface InputSpec {
  /**
   * The submission-document path the cell fills: "values.<id>.base", "values.<id>.served",
   * "values.<id>.value", "basic.population", "basic.preparer.phone", or "notes.<id>" for หมายเหตุ
   * (kept in the workbook, not part of the submission document).
   */
  readonly path: string;
  readonly kind: InputKind;
  readonly validation: ValidationSpec;
}

export interface CellSpec {
  readonly address: string;
  readonly style: StyleName;
  readonly value?: string | number;
  readonly formula?: FormulaSpec;
  readonly numberFormat?: string;
  readonly input?: InputSpec;
}

export interface TableSpec {
  readonly name: string;
  /** Header row and body, e.g. "A4:H40". */
  readonly address: string;
  readonly columns: readonly string[];
}

export interface ConditionalTextRule {
  readonly text: string;
  readonly status: Status;
  readonly fill: string;
  readonly color: string;
  readonly bold?: boolean;
}

export interface ConditionalFormatSpec {
  readonly address: string;
  /** Formats a result by the label it shows (custom functions cannot be used inside conditional formats). */
  readonly rules: readonly ConditionalTextRule[];
  /** The format of a result cell that shows an error such as #VALUE! or #NAME?. */
  readonly errors: { readonly fill: string; readonly color: string };
}

export interface IndicatorRow {
  readonly id: string;
  readonly kind: CompiledIndicator["kind"];
  readonly row: number;
  readonly idCell: string;
  readonly target: string;
  /** (1) and (2) for ratio and satisfaction; only `value` (in the (2) column) for count and yes/no. */
  readonly base?: string;
  readonly served?: string;
  readonly value?: string;
  readonly percent?: string;
  readonly result: string;
  readonly note: string;
}

export interface SheetSpec {
  readonly name: string;
  readonly role: "basic" | "area" | "meta";
  readonly areaId?: string;
  readonly visibility: "visible" | "veryHidden";
  /** Column widths from column A, in Excel's character units. */
  readonly columns: readonly number[];
  readonly cells: readonly CellSpec[];
  readonly merges: readonly string[];
  readonly rowHeights: ReadonlyArray<{ readonly row: number; readonly height: number }>;
  readonly freezeRows?: number;
  readonly table?: TableSpec;
  readonly conditionalFormats: readonly ConditionalFormatSpec[];
  readonly print?: PrintSpec;
  readonly protect: boolean;
  readonly rows: readonly IndicatorRow[];
}

export interface NamedItemSpec {
  readonly name: string;
  readonly sheet: string;
  readonly address: string;
  readonly comment: string;
}

export interface CellLocation {
  readonly sheet: string;
  readonly cell: string;
}

export interface CollectionLayout {
  readonly version: number;
  readonly round: Round;
  readonly lao: Lao;
  /** A hash of what decides where cells are (sheets, rows, indicator ids and kinds), not of texts. */
  readonly fingerprint: string;
  /** แบบ 1, then one sheet per area in round order, then the very hidden metadata sheet. */
  readonly sheets: readonly SheetSpec[];
  readonly names: readonly NamedItemSpec[];
  /** Every input cell by document path. */
  readonly inputs: ReadonlyMap<string, CellLocation & { readonly spec: InputSpec }>;
  /** The working cells of the metadata sheet that read each indicator input for the portable formulas. */
  readonly readings: readonly ReadingCell[];
}

export class LayoutError extends Error {}

const AREA_COLUMNS = [
  "ลำดับ/รหัสตัวชี้วัด",
  "ตัวชี้วัด",
  "ค่าเป้าหมาย",
  FIELD_NAMES.base.th,
  FIELD_NAMES.served.th,
  "(2) เทียบกับ (1) %",
  "ผลการประเมิน",
  "หมายเหตุ",
] as const;
/** Column positions of the area sheets (1-based), in the official order. */
export const AREA_COL = {
  id: 1,
  text: 2,
  target: 3,
  base: 4,
  served: 5,
  percent: 6,
  result: 7,
  note: 8,
} as const;
const AREA_WIDTHS = [16, 60, 10, 14, 14, 11, 24, 18];
const AREA_HEADER_ROW = 4;
const BASIC_WIDTHS = [40, 30, 44];

const MAX_SHEET_NAME = 31;

/** A row tall enough for each of its texts, wrapped in its column: [text, column width, style]. */
function heightFor(texts: ReadonlyArray<readonly [string, number, StyleName?]>): number {
  return rowHeight(
    texts.map(([text, width, style]) => {
      const spec = STYLES[style ?? "text"];
      return { text, width, font: { size: spec.size ?? FONT_SIZE, bold: spec.bold === true } };
    }),
  );
}

/** The sheet name of an official form: "แบบ อบต. 2-1", "แบบเทศบาล 1". */
export function formSheetName(type: LaoType, form: string): string {
  const full = `${LAO_TYPE_INFO[type].form} ${form}`;
  return full.length <= MAX_SHEET_NAME ? full : `แบบ ${form}`.slice(0, MAX_SHEET_NAME);
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

const NUMBER_WARNING =
  "ค่านี้ไม่ใช่ตัวเลขตั้งแต่ 0 ขึ้นไป ถ้าพิมพ์เลขไทย (๐–๙) หรือ - (ไม่ได้ดำเนินการ) ไว้ กด ใช่ (Yes) เพื่อใช้ค่านี้ได้ แล้วดูผลในคอลัมน์ผลการประเมิน";

function numberValidation(
  type: "decimal" | "whole",
  title: string,
  prompt: string,
  errorTitle = "ตรวจสอบตัวเลข",
): ValidationSpec {
  return {
    type,
    limit: 0,
    promptTitle: clip(title, 32),
    prompt: clip(prompt, 255),
    errorTitle: clip(errorTitle, 32),
    error: clip(type === "whole" ? `${NUMBER_WARNING} (ช่องนี้เป็นจำนวนเต็ม)` : NUMBER_WARNING, 225),
  };
}

function withUnit(text: string, unit: string | undefined): string {
  return unit ? `${text} (${unit})` : text;
}

/** Excel's limit on a data validation's input message. */
const MAX_PROMPT = 255;

/**
 * The input message of an input cell: what the cell counts and the indicator's own guidance (units,
 * when to type 0 or "-") when the round gives one, within Excel's 255 characters. The guidance wins
 * over the generic instruction, which it restates for the indicator; without guidance, the generic
 * instruction stands.
 */
function inputPrompt(what: string, instruction: string, guidance: string | undefined): string {
  const g = guidance?.trim();
  if (!g) return `${what} — ${instruction}`;
  for (const candidate of [`${what} — ${instruction} · ${g}`, `${what} · ${g}`])
    if (candidate.length <= MAX_PROMPT) return candidate;
  return clip(g, MAX_PROMPT);
}

interface RowInputs {
  readonly cells: CellSpec[];
  readonly row: IndicatorRow;
}

function indicatorInputs(ind: CompiledIndicator, row: number): RowInputs {
  const def = ind.def;
  const at = (col: number): string => cellAddress(row, col);
  const cells: CellSpec[] = [];
  const id = def.id;
  let base: string | undefined;
  let served: string | undefined;
  let value: string | undefined;
  if (def.kind === "ratio" || def.kind === "satisfaction") {
    base = at(AREA_COL.base);
    served = at(AREA_COL.served);
    const unit = def.inputs?.unit;
    const whole = def.kind === "satisfaction";
    const type = whole ? "whole" : "decimal";
    const format = whole ? "#,##0" : "General";
    cells.push({
      address: base,
      style: "input",
      numberFormat: format,
      input: {
        path: formatInputPath({ indicatorId: id, field: "base" }),
        kind: whole ? "people" : "amount",
        validation: numberValidation(
          type,
          "(1) กรอบการประเมิน",
          inputPrompt(
            withUnit(def.inputs?.base ?? "กรอบการประเมิน", unit),
            "พิมพ์ตัวเลข ใช้เลขไทยได้ ถ้า อปท. ไม่มีบริการสาธารณะนี้ ให้พิมพ์ 0",
            def.guidance,
          ),
        ),
      },
    });
    cells.push({
      address: served,
      style: "input",
      numberFormat: format,
      input: {
        path: formatInputPath({ indicatorId: id, field: "served" }),
        kind: whole ? "people" : "amount",
        validation: numberValidation(
          type,
          "(2) การจัดบริการสาธารณะ",
          inputPrompt(
            withUnit(def.inputs?.served ?? "การจัดบริการสาธารณะ", unit),
            "พิมพ์ตัวเลขที่ไม่เกินช่อง (1) ถ้าไม่ได้ดำเนินการในปีงบประมาณ ให้พิมพ์ - (ช่องว่าง = ยังไม่ได้กรอก)",
            def.guidance,
          ),
        ),
      },
    });
  } else {
    cells.push({ address: at(AREA_COL.base), style: "unused" });
    value = at(AREA_COL.served);
    const validation: ValidationSpec =
      def.kind === "yesno"
        ? {
            type: "list",
            list: ["มี", "ไม่มี"],
            promptTitle: "มี/ไม่มี",
            prompt: "เลือก มี หรือ ไม่มี จากรายการ ถ้าไม่ได้ดำเนินการ ให้พิมพ์ -",
            errorTitle: "ตรวจสอบคำตอบ",
            error: "ช่องนี้ตอบ มี หรือ ไม่มี — ถ้าพิมพ์ - (ไม่ได้ดำเนินการ) ไว้ กด ใช่ (Yes) เพื่อใช้ค่านี้ได้",
          }
        : numberValidation(
            ind.integer ? "whole" : "decimal",
            clip(`จำนวน (${def.unit})`, 32),
            inputPrompt(
              `จำนวน${def.unit}ที่ดำเนินการในปีงบประมาณ`,
              `พิมพ์ตัวเลข${ind.integer ? "จำนวนเต็ม" : ""} เช่น 3 ใช้เลขไทยได้ ถ้าไม่ได้ดำเนินการ ให้พิมพ์ -`,
              def.guidance,
            ),
          );
    cells.push({
      address: value,
      style: def.kind === "yesno" ? "inputText" : "input",
      numberFormat: def.kind === "yesno" ? "General" : ind.integer ? "#,##0" : "General",
      input: {
        path: formatInputPath({ indicatorId: id, field: "value" }),
        kind: def.kind === "yesno" ? "yesno" : "count",
        validation,
      },
    });
  }
  const note = at(AREA_COL.note);
  cells.push({
    address: note,
    style: "inputText",
    numberFormat: "@",
    input: {
      path: notePath(id),
      kind: "text",
      validation: {
        type: "textLength",
        limit: 255,
        promptTitle: "หมายเหตุ",
        prompt: "ไม่บังคับ — คำอธิบายเพิ่มเติมของตัวชี้วัดนี้ เช่น แหล่งที่มาของข้อมูล",
        errorTitle: "หมายเหตุยาวเกินไป",
        error: "หมายเหตุยาวได้ไม่เกิน 255 ตัวอักษร",
      },
    },
  });
  return {
    cells,
    row: {
      id,
      kind: def.kind,
      row,
      idCell: at(AREA_COL.id),
      target: at(AREA_COL.target),
      ...(base && { base }),
      ...(served && { served }),
      ...(value && { value }),
      ...(base && { percent: at(AREA_COL.percent) }),
      result: at(AREA_COL.result),
      note,
    },
  };
}

/** The explanation under an indicator's text: what (1) and (2) hold, the unit, a provisional target. */
function indicatorDetails(ind: CompiledIndicator, type: LaoType): string {
  const def = ind.def;
  const lines: string[] = [];
  if (def.inputs) {
    lines.push(`(1) ${withUnit(def.inputs.base, def.inputs.unit)}`);
    lines.push(`(2) ${withUnit(def.inputs.served, def.inputs.unit)}`);
  } else if (def.kind === "count") {
    lines.push(`กรอกช่อง (2): จำนวน (${def.unit})`);
  } else if (def.kind === "yesno") {
    lines.push("กรอกช่อง (2): มี หรือ ไม่มี");
  }
  if (def.comparison === "<=") lines.push("ยิ่งน้อยยิ่งดี: ผ่านเมื่อไม่เกินค่าเป้าหมาย");
  if (ind.targets[type]?.provisional) lines.push("* ค่าเป้าหมายชั่วคราว (ยังไม่มีหนังสืออ้างอิง)");
  return lines.join("\n");
}

/** The fill, font colour and boldness of a result cell, per result (Excel's good/bad/neutral styles). */
export const STATUS_COLOURS: Readonly<
  Record<Status, readonly [fill: string, color: string, bold?: boolean]>
> = {
  pass: ["C6EFCE", "006100"],
  below: ["FFC7CE", "9C0006"],
  "not-done": ["FFEB9C", "9C5700"],
  "no-service": ["E7E6E6", "404040"],
  incomplete: ["FFFFFF", "7F7F7F"],
  invalid: ["FF0000", "FFFFFF", true],
  reported: ["DDEBF7", "1F4E78"],
};

function resultRules(round: Round): ConditionalTextRule[] {
  return STATUSES.map((status) => {
    const [fill, color, bold] = STATUS_COLOURS[status];
    return { text: statusLabel(status, round), status, fill, color, ...(bold && { bold }) };
  });
}

/** A number input's reading rule: whole numbers for counts that must be whole and for satisfaction. */
function numberRule(ind: CompiledIndicator): ReadingRule {
  return { kind: "number", integer: ind.integer };
}

/** The working cell on the metadata sheet that reads one input for the portable formulas. */
export interface ReadingCell {
  readonly indicatorId: string;
  readonly field: InputField;
  /** The reading cell on the metadata sheet, e.g. "G12". */
  readonly cell: string;
  readonly rule: ReadingRule;
}

interface Readings {
  /** Adds the working cells that read `input`; returns the reading cell's reference for formulas. */
  add(indicatorId: string, field: InputField, input: string, rule: ReadingRule): string;
  readonly cells: CellSpec[];
  readonly list: ReadingCell[];
}

function readingRows(): Readings {
  const cells: CellSpec[] = [];
  const list: ReadingCell[] = [];
  const col = (key: (typeof READING_COLUMNS)[number]): number => READING_COLUMNS.indexOf(key) + 2;
  return {
    cells,
    list,
    add(indicatorId, field, input, rule) {
      const row = READING_FIRST_ROW + list.length;
      const at = (key: (typeof READING_COLUMNS)[number]): string => absoluteCell(cellAddress(row, col(key)));
      const formulas = readingFormulas(input, rule, {
        text: at("text"),
        whole: at("whole"),
        fraction: at("fraction"),
        plain: at("plain"),
        number: at("number"),
      });
      const label = `${indicatorId} ${field}`;
      cells.push({ address: cellAddress(row, 1), style: "meta", value: label, numberFormat: "@" });
      for (const key of READING_COLUMNS)
        cells.push({
          address: cellAddress(row, col(key)),
          style: "meta",
          formula: { portable: formulas[key] },
        });
      const reading = cellAddress(row, col("reading"));
      list.push({ indicatorId, field, cell: reading, rule });
      return `${META_SHEET}!${absoluteCell(reading)}`;
    },
  };
}

function areaSheet(
  name: string,
  tableName: string,
  area: Round["areas"][number],
  indicators: readonly CompiledIndicator[],
  round: Round,
  lao: Lao,
  readings: Readings,
): SheetSpec {
  const type = lao.type;
  const cells: CellSpec[] = [];
  const rowHeights: { row: number; height: number }[] = [];
  const lastCol = AREA_COLUMNS.length;
  const span = (row: number): string => `${cellAddress(row, 1)}:${cellAddress(row, lastCol)}`;
  cells.push({ address: "A1", style: "title", value: `${name}  ${area.title}` });
  cells.push({
    address: "A2",
    style: "subtitle",
    value: `${laoDisplayName(type, lao.name)} อ.${lao.districtTh} จ.${lao.provinceTh} (รหัส ${lao.code}) · รอบการประเมิน ${round.id} ข้อมูลปีงบประมาณ พ.ศ. ${round.fiscalYear}`,
  });
  const guide =
    "กรอกเฉพาะช่องสีเหลือง: ตัวชี้วัดร้อยละกรอก (1) กรอบการประเมิน และ (2) การจัดบริการสาธารณะ ตัวชี้วัดจำนวนหรือ มี/ไม่มี กรอกช่อง (2) ช่องเดียว · พิมพ์ - เมื่อไม่ได้ดำเนินการ · ใช้เลขไทยได้ · ค่าเป้าหมาย ร้อยละ และผลการประเมินคำนวณให้เอง";
  cells.push({ address: "A3", style: "guide", value: guide });
  const sheetWidth = AREA_WIDTHS.reduce((a, b) => a + b, 0);
  cells
    .slice(0, 3)
    .forEach((cell, i) =>
      rowHeights.push({ row: i + 1, height: heightFor([[String(cell.value), sheetWidth, cell.style]]) }),
    );
  AREA_COLUMNS.forEach((title, i) =>
    cells.push({ address: cellAddress(AREA_HEADER_ROW, i + 1), style: "header", value: title }),
  );
  rowHeights.push({
    row: AREA_HEADER_ROW,
    height: heightFor(AREA_COLUMNS.map((title, i) => [title, AREA_WIDTHS[i]!, "header"] as const)),
  });

  const rows: IndicatorRow[] = [];
  let row = AREA_HEADER_ROW;
  let mission: string | undefined;
  for (const ind of indicators) {
    if (ind.mission.id !== mission) {
      mission = ind.mission.id;
      row += 1;
      cells.push({ address: cellAddress(row, AREA_COL.id), style: "mission", value: "" });
      cells.push({ address: cellAddress(row, AREA_COL.text), style: "mission", value: ind.mission.title });
      for (let c = AREA_COL.target; c <= lastCol; c++)
        cells.push({ address: cellAddress(row, c), style: "mission", value: "" });
      rowHeights.push({ row, height: heightFor([[ind.mission.title, AREA_WIDTHS[1]!, "mission"]]) });
    }
    row += 1;
    const def = ind.def;
    const text = `${def.no}. ${indicatorText(def, type)}`;
    const details = indicatorDetails(ind, type);
    const inputs = indicatorInputs(ind, row);
    const r = inputs.row;
    const typeArg: FormulaArg = { name: NAME_LAO_TYPE };
    cells.push({ address: r.idCell, style: "id", value: def.id, numberFormat: "@" });
    cells.push({
      address: cellAddress(row, AREA_COL.text),
      style: "text",
      value: details ? `${text}\n${details}` : text,
    });
    // A มี/ไม่มี indicator's target is the word มี, not the number MINSTD.TARGET gives; a
    // satisfaction question with no target shows "-", as the printout (แบบ 3) prints none.
    const fixedTarget = def.kind === "yesno" ? "มี" : ind.targets[type] === undefined ? "-" : undefined;
    cells.push(
      fixedTarget !== undefined
        ? { address: r.target, style: "target", numberFormat: "General", value: fixedTarget }
        : {
            address: r.target,
            style: "target",
            numberFormat: "General",
            formula: {
              fn: "TARGET",
              indicatorId: def.id,
              args: [{ text: def.id }, typeArg],
              portable: String(ind.targets[type]!.value),
            },
          },
    );
    cells.push(...inputs.cells);
    const input = (address: string): string => `${quoteSheet(name)}!${absoluteCell(address)}`;
    const at: IndicatorReadings =
      r.base && r.served
        ? {
            base: readings.add(def.id, "base", input(r.base), numberRule(ind)),
            served: readings.add(def.id, "served", input(r.served), numberRule(ind)),
          }
        : {
            value: readings.add(
              def.id,
              "value",
              input(r.value!),
              def.kind === "yesno" ? { kind: "yesno" } : numberRule(ind),
            ),
          };
    if (r.percent && r.base && r.served && "base" in at) {
      cells.push({
        address: r.percent,
        style: "percent",
        numberFormat: "0.00",
        // "-" while the percentage does not apply (nothing entered, (1) = 0, (2) = -), as on the printouts.
        formula: {
          fn: "PERCENT",
          indicatorId: def.id,
          args: [{ cell: r.served }, { cell: r.base }],
          ifError: "-",
          portable: percentFormula(at),
        },
      });
    } else {
      cells.push({ address: cellAddress(row, AREA_COL.percent), style: "unused" });
    }
    const checkArgs: FormulaArg[] =
      r.base && r.served
        ? [{ text: def.id }, { cell: r.served }, { cell: r.base }, typeArg]
        : [{ text: def.id }, { cell: r.value! }, { omitted: true }, typeArg];
    cells.push({
      address: r.result,
      style: "result",
      numberFormat: "General",
      formula: {
        fn: "CHECK",
        indicatorId: def.id,
        args: checkArgs,
        portable: resultFormula(ind, type, round, at),
      },
    });
    rows.push(r);
    rowHeights.push({
      row,
      height: heightFor([
        [text + (details ? `\n${details}` : ""), AREA_WIDTHS[1]!, "text"],
        // Whichever result the row comes to show must fit.
        ...STATUSES.map((status) => [statusLabel(status, round), AREA_WIDTHS[6]!, "result"] as const),
      ]),
    });
  }
  const bodyEnd = Math.max(row, AREA_HEADER_ROW + 1);
  const resultColumn = columnLetter(AREA_COL.result);
  return {
    name,
    role: "area",
    areaId: area.id,
    visibility: "visible",
    columns: AREA_WIDTHS,
    cells,
    merges: [span(1), span(2), span(3)],
    rowHeights,
    freezeRows: AREA_HEADER_ROW,
    table: {
      name: tableName,
      address: `A${AREA_HEADER_ROW}:${columnLetter(lastCol)}${bodyEnd}`,
      columns: AREA_COLUMNS,
    },
    conditionalFormats: [
      {
        address: `${resultColumn}${AREA_HEADER_ROW + 1}:${resultColumn}${bodyEnd}`,
        rules: resultRules(round),
        errors: { fill: "FF0000", color: "FFFFFF" },
      },
    ],
    print: {
      orientation: "landscape",
      titleRows: titleRows(AREA_HEADER_ROW),
      header: `${name} · ${laoDisplayName(type, lao.name)} · รอบ ${round.id}`,
      footer: PAGE_NUMBER_FOOTER,
    },
    protect: true,
    rows,
  };
}

interface BasicField {
  readonly label: string;
  readonly path: string;
  readonly kind: InputKind;
  readonly name?: string;
  readonly validation: ValidationSpec;
  readonly numberFormat: string;
}

function basicFields(type: LaoType): BasicField[] {
  const villagesName = villagesField(type);
  const villages = villagesName.unit ? `${villagesName.th} (${villagesName.unit})` : villagesName.th;
  const text = (title: string, prompt: string): ValidationSpec => ({
    type: "textLength",
    limit: 100,
    promptTitle: title,
    prompt,
    errorTitle: "ข้อความยาวเกินไป",
    error: "พิมพ์ได้ไม่เกิน 100 ตัวอักษร",
  });
  return [
    {
      label: `${FIELD_NAMES.population.th} (คน)`,
      path: basicPath("population"),
      kind: "people",
      numberFormat: "#,##0",
      validation: numberValidation(
        "whole",
        FIELD_NAMES.population.th,
        "จำนวนประชากรตามทะเบียนราษฎร (คน) — พิมพ์จำนวนเต็ม ใช้เลขไทยได้",
      ),
    },
    {
      label: `${FIELD_NAMES.households.th} (ครัวเรือน)`,
      path: basicPath("households"),
      kind: "people",
      numberFormat: "#,##0",
      validation: numberValidation(
        "whole",
        FIELD_NAMES.households.th,
        "จำนวนครัวเรือนตามทะเบียนราษฎร — พิมพ์จำนวนเต็ม ใช้เลขไทยได้",
      ),
    },
    {
      label: villages,
      path: basicPath("villages"),
      kind: "count",
      numberFormat: "#,##0",
      validation: numberValidation("whole", villagesName.th, `${villages} — พิมพ์จำนวนเต็ม ใช้เลขไทยได้`),
    },
    {
      label: `${FIELD_NAMES.budget.th} (บาท)`,
      path: basicPath("budget"),
      kind: "money",
      numberFormat: "#,##0.00",
      validation: numberValidation(
        "decimal",
        FIELD_NAMES.budget.th,
        "งบประมาณรายจ่ายประจำปีตามข้อบัญญัติ/เทศบัญญัติ (บาท) — พิมพ์ตัวเลข มีทศนิยมได้ ใช้เลขไทยได้",
      ),
    },
    {
      label: "ชื่อ-นามสกุล ผู้จัดเก็บข้อมูล",
      path: preparerPath("name"),
      kind: "text",
      numberFormat: "@",
      validation: text("ผู้จัดเก็บข้อมูล", "ชื่อและนามสกุลของผู้จัดเก็บข้อมูล"),
    },
    {
      label: "ตำแหน่ง",
      path: preparerPath("position"),
      kind: "text",
      numberFormat: "@",
      validation: text("ตำแหน่ง", "ตำแหน่งของผู้จัดเก็บข้อมูล"),
    },
    {
      label: "เบอร์โทรศัพท์",
      path: preparerPath("phone"),
      kind: "phone",
      numberFormat: "@",
      validation: text("เบอร์โทรศัพท์", "เบอร์โทรศัพท์ที่ติดต่อได้ เช่น 081 234 5678"),
    },
  ];
}

function basicSheet(name: string, round: Round, lao: Lao): { sheet: SheetSpec; names: NamedItemSpec[] } {
  const type = lao.type;
  const info = LAO_TYPE_INFO[type];
  const cells: CellSpec[] = [];
  const names: NamedItemSpec[] = [];
  const sheetWidth = BASIC_WIDTHS.reduce((a, b) => a + b, 0);
  const rowHeights: { row: number; height: number }[] = [];
  cells.push({ address: "A1", style: "title", value: `${name}  ข้อมูลพื้นฐานของ ${info.full}` });
  cells.push({ address: "A2", style: "subtitle", value: round.title });
  cells.forEach((cell, i) =>
    rowHeights.push({ row: i + 1, height: heightFor([[String(cell.value), sheetWidth, cell.style]]) }),
  );
  let row = 4;
  const section = (title: string): void => {
    cells.push({ address: cellAddress(row, 1), style: "section", value: title });
    cells.push({ address: cellAddress(row, 2), style: "section", value: "" });
    cells.push({ address: cellAddress(row, 3), style: "section", value: "" });
    rowHeights.push({ row, height: heightFor([[title, sheetWidth, "section"]]) });
    row += 1;
  };
  const identity = (label: string, value: string, name?: string, comment?: string): void => {
    cells.push({ address: cellAddress(row, 1), style: "label", value: label });
    cells.push({ address: cellAddress(row, 2), style: "fixed", value, numberFormat: "@" });
    if (name) names.push({ name, sheet: "", address: cellAddress(row, 2), comment: comment ?? label });
    rowHeights.push({
      row,
      height: heightFor([
        [label, BASIC_WIDTHS[0]!, "label"],
        [value, BASIC_WIDTHS[1]!, "fixed"],
      ]),
    });
    row += 1;
  };
  section("ส่วนที่ 1 ข้อมูล อปท. (จากทะเบียน อปท. แก้ไขไม่ได้)");
  identity("รหัส อปท.", lao.code, NAME_LAO_CODE, "รหัส อปท. 7 หลัก / the LAO code");
  identity("ชื่อ อปท.", laoDisplayName(type, lao.name));
  identity(
    "ประเภท อปท.",
    info.th,
    NAME_LAO_TYPE,
    "ประเภท อปท. ที่สูตร MINSTD ใช้ / the LAO type the formulas read",
  );
  identity("อำเภอ", lao.districtTh);
  identity("จังหวัด", lao.provinceTh);
  identity("รอบการประเมิน", round.id, NAME_ROUND, "รอบการประเมิน / the round");
  identity("ปีงบประมาณของข้อมูล", `พ.ศ. ${round.fiscalYear}`);
  row += 1;
  section("ส่วนที่ 2 ข้อมูลพื้นฐาน");
  const fields = basicFields(type);
  const inputCell = (field: BasicField): void => {
    cells.push({ address: cellAddress(row, 1), style: "label", value: field.label });
    cells.push({
      address: cellAddress(row, 2),
      style: field.kind === "text" || field.kind === "phone" ? "inputText" : "input",
      numberFormat: field.numberFormat,
      input: { path: field.path, kind: field.kind, validation: field.validation },
    });
    cells.push({ address: cellAddress(row, 3), style: "guide", value: field.validation.prompt });
    rowHeights.push({
      row,
      height: heightFor([
        [field.label, BASIC_WIDTHS[0]!, "label"],
        [field.validation.prompt, BASIC_WIDTHS[2]!, "guide"],
      ]),
    });
    row += 1;
  };
  fields.filter((f) => parseDocumentPath(f.path)?.kind === "basic").forEach(inputCell);
  row += 1;
  section("ส่วนที่ 3 ผู้จัดเก็บข้อมูล");
  fields.filter((f) => parseDocumentPath(f.path)?.kind === "preparer").forEach(inputCell);
  row += 1;
  const guide =
    "กรอกเฉพาะช่องสีเหลือง แล้วกรอกแผ่นงานของแต่ละด้าน (แบบ 2-x) ผลการประเมินคำนวณให้เองในทุกโปรแกรม (Excel, LibreOffice, WPS, Google Sheets) เมื่อเปิดด้วย Add-in MinStd จะบอกเหตุของข้อมูลที่ไม่ถูกต้องด้วย — ส่งแฟ้มนี้ได้จาก Add-in หรืออัปโหลดที่หน้าเว็บของระบบรับข้อมูลด้วยรหัสเข้าใช้ของ อปท.";
  cells.push({ address: cellAddress(row, 1), style: "guide", value: guide });
  rowHeights.push({ row, height: heightFor([[guide, sheetWidth, "guide"]]) });
  const merges = ["A1:C1", "A2:C2", `A${row}:C${row}`];
  return {
    sheet: {
      name,
      role: "basic",
      visibility: "visible",
      columns: BASIC_WIDTHS,
      cells,
      merges,
      rowHeights,
      conditionalFormats: [],
      print: {
        orientation: "portrait",
        header: `${name} · ${laoDisplayName(type, lao.name)} · รอบ ${round.id}`,
        footer: PAGE_NUMBER_FOOTER,
      },
      protect: true,
      rows: [],
    },
    names: names.map((n) => ({ ...n, sheet: name })),
  };
}

function metaSheet(
  round: Round,
  lao: Lao,
  fingerprint: string,
  probeIndicator: string,
  readings: Readings,
): SheetSpec {
  const values: Record<MetaKey, string> = {
    format: WORKBOOK_FORMAT,
    version: String(LAYOUT_VERSION),
    round: round.id,
    lao: lao.code,
    laoType: lao.type,
    fingerprint,
  };
  const cells: CellSpec[] = [];
  for (const key of Object.keys(META_CELLS) as MetaKey[]) {
    const address = META_CELLS[key];
    const row = Number(address.slice(1));
    cells.push({ address: `A${row}`, style: "meta", value: META_LABELS[key] });
    cells.push({ address, style: "meta", value: values[key], numberFormat: "@" });
  }
  cells.push({
    address: "A8",
    style: "meta",
    value: "แผ่นงานนี้ระบุรอบ อปท. และรุ่นของแบบ ห้ามแก้ไข / identifies the workbook; do not edit",
  });
  cells.push({
    address: `A${ADDIN_PROBE_ROW}`,
    style: "meta",
    value: "Add-in MinStd ทำงานอยู่หรือไม่ (ตัวเลข = ทำงาน) / whether the add-in answers",
  });
  cells.push({
    address: `B${ADDIN_PROBE_ROW}`,
    style: "meta",
    formula: {
      fn: "TARGET",
      indicatorId: probeIndicator,
      args: [{ text: probeIndicator }, { name: NAME_LAO_TYPE }],
    },
  });
  cells.push({
    address: `A${READING_FIRST_ROW - 1}`,
    style: "meta",
    value:
      "ช่องคำนวณสำหรับโปรแกรมที่ไม่มี Add-in: อ่านค่าที่กรอกแต่ละช่อง / working cells that read each input without the add-in",
  });
  cells.push(...readings.cells);
  return {
    name: META_SHEET,
    role: "meta",
    visibility: "veryHidden",
    columns: [36, 40],
    cells,
    merges: [],
    rowHeights: [],
    conditionalFormats: [],
    protect: true,
    rows: [],
  };
}

/** FNV-1a, 32 bits, as 8 hex digits: enough to tell two layouts apart, not a security measure. */
function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}

/**
 * The collection workbook of `lao` for `round`. Throws a LayoutError (Thai message) when the
 * round does not assess the LAO's type.
 */
export function collectionLayout(round: Round, lao: Lao): CollectionLayout {
  if (!round.laoTypes.includes(lao.type)) {
    throw new LayoutError(
      `รอบ ${round.id} ไม่ได้ประเมิน ${LAO_TYPE_INFO[lao.type].th} / round ${round.id} does not assess this LAO type`,
    );
  }
  const compiled = compileRound(round);
  const applicable = indicatorsFor(compiled, lao.type);
  const basicName = formSheetName(lao.type, "1");
  const basic = basicSheet(basicName, round, lao);
  const used = new Set([basicName, META_SHEET]);
  const readings = readingRows();
  const areas: SheetSpec[] = [];
  for (const area of round.areas) {
    const indicators = applicable.filter((i) => i.area === area);
    if (indicators.length === 0) continue;
    let name = formSheetName(lao.type, area.form);
    for (let n = 2; used.has(name); n++) name = `${formSheetName(lao.type, area.form).slice(0, 26)} (${n})`;
    used.add(name);
    areas.push(areaSheet(name, `MinStd_Area_${area.id}`, area, indicators, round, lao, readings));
  }
  const fingerprint = fnv1a(
    JSON.stringify([
      LAYOUT_VERSION,
      basicName,
      areas.map((s) => [s.name, s.rows.map((r) => [r.id, r.kind, r.row])]),
    ]),
  );
  const probe = areas[0]?.rows[0]?.id ?? applicable[0]?.def.id ?? "";
  const sheets = [basic.sheet, ...areas, metaSheet(round, lao, fingerprint, probe, readings)];
  const names: NamedItemSpec[] = [
    ...basic.names,
    {
      name: NAME_ADDIN,
      sheet: META_SHEET,
      address: `B${ADDIN_PROBE_ROW}`,
      comment: "ตัวเลขเมื่อ Add-in MinStd ทำงาน / a number where the add-in answers",
    },
  ];
  const inputs = new Map<string, CellLocation & { spec: InputSpec }>();
  for (const sheet of sheets)
    for (const cell of sheet.cells)
      if (cell.input)
        inputs.set(cell.input.path, { sheet: sheet.name, cell: cell.address, spec: cell.input });
  return {
    version: LAYOUT_VERSION,
    round,
    lao,
    fingerprint,
    sheets,
    names,
    inputs,
    readings: readings.list,
  };
}

/** "'แบบ อบต. 1'!$B$7", the reference of a named item. */
export function namedItemReference(item: NamedItemSpec): string {
  return `${quoteSheet(item.sheet)}!${absoluteCell(item.address)}`;
}

/**
 * A cell argument is passed as IF(ISBLANK(E6),"",E6): Excel on Windows passes an empty cell to a custom
 * function as 0 (Excel on the web passes it as empty), which would turn a row not yet filled in into
 * "ไม่มีบริการสาธารณะ" and a blank (2) into a below-target result instead of "not entered yet".
 */
function formulaArgs(args: readonly FormulaArg[]): string {
  return args
    .map((a) =>
      "text" in a
        ? `"${a.text.replace(/"/g, '""')}"`
        : "cell" in a
          ? `IF(ISBLANK(${a.cell}),"",${a.cell})`
          : "name" in a
            ? a.name
            : "",
    )
    .join(",");
}

/**
 * A formula as typed in Excel ("=MINSTD.CHECK(...)", for Office.js) or as Excel stores an add-in's
 * custom function in the .xlsx file ("_xldudf_MINSTD_CHECK(...)", no "=", dots as underscores),
 * which Excel maps back to MINSTD.CHECK once the add-in has registered its functions.
 */
export function formulaText(formula: FormulaSpec, form: "excel" | "file"): string {
  const body = isAddinFormula(formula) ? addinFormulaBody(formula, form) : formula.portable;
  return form === "excel" ? `=${body}` : body;
}

/**
 * The add-in's call, or, where the formula has a portable form, the add-in's call where the add-in
 * answers and the portable form where it does not: IF(ISERROR(MinStd_AddIn),portable,MINSTD.CHECK(…)).
 * Only the branch taken is evaluated, so a program without the add-in never shows #NAME?.
 */
function addinFormulaBody(formula: AddinFormulaSpec, form: "excel" | "file"): string {
  const args = formulaArgs(formula.args);
  const call =
    form === "excel"
      ? `${FUNCTION_NAMESPACE}.${formula.fn}(${args})`
      : `_xldudf_${FUNCTION_NAMESPACE}_${formula.fn}(${args})`;
  const addin = formula.ifError === undefined ? call : `IFERROR(${call},${textLiteral(formula.ifError)})`;
  return formula.portable === undefined ? addin : `IF(ISERROR(${NAME_ADDIN}),${formula.portable},${addin})`;
}

/** Every indicator row of the layout with its sheet, in form order. */
export function layoutRows(layout: CollectionLayout): Array<IndicatorRow & { readonly sheet: string }> {
  return layout.sheets.flatMap((s) => s.rows.map((r) => ({ ...r, sheet: s.name })));
}

export function sheetByName(layout: CollectionLayout, name: string): SheetSpec | undefined {
  return layout.sheets.find((s) => s.name === name);
}
