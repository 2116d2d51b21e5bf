import type { CompiledIndicator } from "../rules/compiledRound";
import type { Lao } from "../rules/register";
import type { Round } from "../rules/round";
import type { InputField, Status } from "../rules/scoring";
import type { ReadingRule } from "./portableFormulas";
import type { PrintSpec } from "./printSetup";
import type { StyleName } from "./styles";

/**
 * The collection workbook (แบบรวบรวมข้อมูล) of one LAO for one round, as data: every sheet, cell,
 * style, formula, input, named item and the hidden metadata. The Office.js writer and reader
 * (src/excel) and the .xlsx writer and reader (src/xlsx) all work from this spec, so the two paths
 * produce and read the same workbook and no part hard-codes a cell.
 */

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

/** The working cell on the metadata sheet that reads one input for the portable formulas. */
export interface ReadingCell {
  readonly indicatorId: string;
  readonly field: InputField;
  /** The reading cell on the metadata sheet, e.g. "G12". */
  readonly cell: string;
  readonly rule: ReadingRule;
}
