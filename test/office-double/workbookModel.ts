/** The in-memory workbook behind the Office.js test double: sheets, cells, names, settings, tables, charts. */
import { cellName, formatRange, parseRange, quoteSheet, type RangeRef } from "./address";
import {
  CellError,
  enterFormula,
  evaluate,
  anyOf,
  formulaReferences,
  parseFormula,
  type Arg,
  type Scalar,
} from "./formula";

export interface ValidationData {
  rule: Record<string, unknown>;
  prompt?: { showPrompt?: boolean; title?: string; message?: string };
  errorAlert?: { showAlert?: boolean; style?: string; title?: string; message?: string };
  ignoreBlanks?: boolean;
}

export interface CellData {
  /** The literal value, or the computed result of the formula. */
  value: Scalar;
  formula?: string;
  numberFormat: string;
  locked: boolean;
  format: Record<string, unknown>;
  validation?: ValidationData;
}

export interface TableModel {
  id: string;
  name: string;
  sheetId: string;
  rect: Omit<RangeRef, "sheet">;
  showHeaders: boolean;
  style: string;
  props: Record<string, unknown>;
}

export interface ChartSeriesModel {
  name: string;
  /** The range of the series' values, "'Sheet'!J8:J10". */
  values: string;
  /** The range of its category (x axis) values, when set. */
  xValues?: string;
  hasDataLabels: boolean;
  dataLabels: { showValue: boolean; numberFormat: string };
  /** Data labels switched on or off for single points, by index. */
  pointLabels: Record<number, boolean>;
}

export interface ChartAxisModel {
  minimum?: number;
  maximum?: number;
  title: string;
}

export interface ChartModel {
  id: string;
  name: string;
  type: string;
  source: string;
  seriesBy: string;
  title: string;
  legendVisible: boolean;
  valueAxis: ChartAxisModel;
  categoryAxis: ChartAxisModel;
  series: ChartSeriesModel[];
  /** The cells the chart covers (setPosition). */
  position?: { start: string; end?: string };
  props: Record<string, unknown>;
}

export interface SheetModel {
  id: string;
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  cells: Map<string, CellData>;
  protected: boolean;
  protectionOptions: Record<string, unknown>;
  password?: string;
  charts: ChartModel[];
  conditionalFormats: Array<{ range: string; type: string; props: Record<string, unknown> }>;
  props: Record<string, unknown>;
  merged: string[];
  /** Column widths and row heights (points) where set: Excel keeps them per column and row, not per cell. */
  columnWidths: Record<number, number>;
  rowHeights: Record<number, number>;
  frozenRows: number;
  frozenColumns: number;
}

export interface NameModel {
  name: string;
  /** "=Sheet!$A$1" or a constant formula such as "=\"x\"". */
  formula: string;
  comment: string;
  visible: boolean;
}

export interface CommentModel {
  id: string;
  kind: "comment" | "note";
  sheetId: string;
  row: number;
  col: number;
  content: string;
}

export type ChangeListener = (sheetId: string, address: string, source: "Local" | "Remote") => void;

export type CustomFunctionImpl = (...args: unknown[]) => unknown;

export interface FunctionParamMeta {
  readonly name: string;
  readonly type?: string;
  readonly optional?: boolean;
}

/** How a host platform passes an empty cell to a custom function parameter of type any. */
export type EmptyCellMode = "desktop" | "web";

let nextId = 1;
export const newId = (prefix: string): string => `{${prefix}-${String(nextId++).padStart(6, "0")}}`;

/** After opening a saved workbook: new ids start past every id it holds, so none is given twice. */
export function reserveIdsOf(saved: string): void {
  for (const m of saved.matchAll(/\{[a-z]+-(\d{6,})\}/gi)) nextId = Math.max(nextId, Number(m[1]) + 1);
}

const key = (row: number, col: number): string => `${row},${col}`;

export function blankCell(): CellData {
  return { value: null, numberFormat: "General", locked: true, format: {} };
}

/** How Excel reads text typed into a cell: numbers and booleans are converted, anything else stays text. */
export function parseTyped(text: string, numberFormat: string): Scalar {
  if (numberFormat === "@") return text;
  if (text.startsWith("'")) return text.slice(1);
  const t = text.trim();
  if (t === "") return null;
  if (/^[-+]?(\d+|\d{1,3}(,\d{3})+)(\.\d+)?$/.test(t) || /^[-+]?\.\d+$/.test(t))
    return Number(t.replace(/,/g, ""));
  if (/^true$/i.test(t)) return true;
  if (/^false$/i.test(t)) return false;
  return text;
}

export class WorkbookModel {
  sheets: SheetModel[] = [];
  names = new Map<string, NameModel>();
  settings = new Map<string, unknown>();
  tables: TableModel[] = [];
  comments: CommentModel[] = [];
  selection: { sheetId: string; rect: Omit<RangeRef, "sheet"> } | undefined;
  activeSheetId: string | undefined;
  namespace = "MINSTD";
  functions = new Map<string, CustomFunctionImpl>();
  functionMeta = new Map<string, readonly FunctionParamMeta[]>();
  emptyCellMode: EmptyCellMode = "desktop";
  listeners: ChangeListener[] = [];
  /** Function calls made while calculating, for tests that check the functions really ran. */
  calls = 0;
  /** A recalculation is due: inputs changed since the last one. */
  stale = false;
  /** The add-in's functions were associated since the last recalculation: the cells that call them are due. */
  functionsChanged = false;
  /** How often every formula was calculated again (recalculate()), for whatever reason. */
  recalculations = 0;
  /** The calculations the add-in asked for (Application.calculate), by calculation type: "Full", … */
  calculateRequests: string[] = [];
  /** The address of every range whose properties were loaded, in order: what a read fetched. */
  rangeLoads: string[] = [];

  constructor() {
    this.addSheet("Sheet1");
  }

  addSheet(name: string, id = newId("sheet")): SheetModel {
    if (this.sheetByName(name))
      throw Object.assign(new Error(`A sheet named "${name}" already exists.`), {
        code: "ItemAlreadyExists",
      });
    if (name.length > 31 || /[\\/?*[\]:]/.test(name))
      throw Object.assign(new Error(`Invalid sheet name "${name}"`), { code: "InvalidArgument" });
    const sheet: SheetModel = {
      id,
      name,
      visibility: "Visible",
      cells: new Map(),
      protected: false,
      protectionOptions: {},
      charts: [],
      conditionalFormats: [],
      props: {},
      merged: [],
      columnWidths: {},
      rowHeights: {},
      frozenRows: 0,
      frozenColumns: 0,
    };
    this.sheets.push(sheet);
    this.activeSheetId ??= sheet.id;
    return sheet;
  }

  sheetByName(name: string): SheetModel | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  sheetById(id: string): SheetModel | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  cell(sheet: SheetModel, row: number, col: number): CellData {
    return sheet.cells.get(key(row, col)) ?? blankCell();
  }

  mutableCell(sheet: SheetModel, row: number, col: number): CellData {
    const k = key(row, col);
    let c = sheet.cells.get(k);
    if (!c) {
      c = blankCell();
      sheet.cells.set(k, c);
    }
    return c;
  }

  usedRect(sheet: SheetModel, valuesOnly: boolean): Omit<RangeRef, "sheet"> | undefined {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    for (const [k, c] of sheet.cells) {
      const hasValue = c.value !== null || c.formula !== undefined;
      if (
        valuesOnly
          ? !hasValue
          : !hasValue && Object.keys(c.format).length === 0 && c.numberFormat === "General" && c.locked
      )
        continue;
      const [r, col] = k.split(",").map(Number) as [number, number];
      top = Math.min(top, r);
      left = Math.min(left, col);
      bottom = Math.max(bottom, r);
      right = Math.max(right, col);
    }
    return bottom < 0 ? undefined : { top, left, bottom, right };
  }

  /** Resolves a defined name to its range, or to its constant. */
  resolveName(name: string): RangeRef | Scalar | undefined {
    const n = this.names.get(name.toLowerCase());
    if (!n) return undefined;
    const body = n.formula.replace(/^=/, "");
    const ref = parseRange(body);
    if (ref) return ref;
    try {
      return evaluate(parseFormula(body), this.evalContext(this.sheets[0]!.name));
    } catch {
      return new CellError("#NAME?");
    }
  }

  setCellInput(sheet: SheetModel, row: number, col: number, input: unknown): void {
    const c = this.mutableCell(sheet, row, col);
    if (typeof input === "string" && input.startsWith("=") && input.length > 1) {
      enterFormula(input);
      c.formula = input;
      c.value = null;
    } else {
      delete c.formula;
      c.value =
        input === undefined || input === null || input === ""
          ? null
          : typeof input === "string"
            ? parseTyped(input, c.numberFormat)
            : (input as Scalar);
    }
  }

  private evalContext(sheetName: string) {
    return {
      sheet: sheetName,
      cell: (s: string, r: number, c: number): Scalar => {
        const sheet = this.calculation?.sheets.get(s.toLowerCase()) ?? this.sheetByName(s);
        if (!sheet) return new CellError("#REF!");
        const cell = sheet.cells.get(key(r, c));
        if (!cell) return null;
        if (this.calculation?.due.has(cell)) this.calculateCell(sheet, cell);
        return cell.value;
      },
      name: (n: string) => this.resolveName(n),
      customFunction: (name: string) => this.customFunction(name),
    };
  }

  private customFunction(name: string): ((args: ReadonlyArray<Arg>) => Scalar) | undefined {
    const prefix = `${this.namespace}.`;
    if (!name.startsWith(prefix)) return undefined;
    const id = name.slice(prefix.length);
    const fn = this.functions.get(id);
    if (!fn) return undefined;
    const meta = this.functionMeta.get(id) ?? [];
    return (args) => {
      this.calls++;
      const values: unknown[] = [];
      for (let i = 0; i < args.length; i++) {
        const arg = args[i]!;
        const type = meta[i]?.type ?? "any";
        if (arg.value instanceof CellError) return arg.value;
        if (arg.omitted) values.push(null);
        else if (arg.fromEmptyCell)
          values.push(
            type === "string"
              ? ""
              : type === "boolean"
                ? false
                : type === "number"
                  ? 0
                  : this.emptyCellMode === "desktop"
                    ? 0
                    : null,
          );
        else if (type === "number" && typeof arg.value !== "number") {
          const n = typeof arg.value === "string" && arg.value.trim() !== "" ? Number(arg.value) : Number.NaN;
          if (!Number.isFinite(n)) return new CellError("#VALUE!");
          values.push(n);
        } else if (type === "string" && typeof arg.value !== "string") values.push(String(arg.value));
        else values.push(arg.value);
      }
      try {
        const result = fn(...values);
        if (result instanceof CellError) return result;
        if (result === undefined || result === null) return 0;
        if (typeof result === "object" && "code" in (result as object)) {
          const e = result as { code: string; message?: string };
          return new CellError(e.code, e.message);
        }
        return result as Scalar;
      } catch (e) {
        const err = e as { code?: unknown; message?: string };
        return new CellError(
          typeof err.code === "string" && err.code.startsWith("#") ? err.code : "#VALUE!",
          err.message,
        );
      }
    };
  }

  /**
   * The recalculation under way: the formula cells not calculated yet, and the sheets by lower-case
   * name (a reference looks its sheet up once per cell it reads).
   */
  private calculation: { due: Set<CellData>; sheets: Map<string, SheetModel> } | undefined;

  /**
   * Recalculates every formula once, each after the cells it reads (as Excel orders its calculation
   * chain): a formula that reads a formula cell not calculated yet calculates that cell first. A
   * circular reference, which the collection workbook never has, falls back to repeated passes.
   */
  recalculate(only?: ReadonlySet<CellData>): void {
    this.recalculations++;
    this.stale = false;
    this.functionsChanged = false;
    const due = new Set<CellData>();
    const byName = new Map<string, SheetModel>();
    for (const sheet of this.sheets) {
      byName.set(sheet.name.toLowerCase(), sheet);
      for (const c of sheet.cells.values()) if (c.formula !== undefined && (!only || only.has(c))) due.add(c);
    }
    this.calculation = { due, sheets: byName };
    this.circular = false;
    try {
      for (const sheet of this.sheets)
        for (const c of sheet.cells.values()) if (due.has(c)) this.calculateCell(sheet, c);
    } finally {
      this.calculation = undefined;
    }
    if (this.circular) this.recalculateInPasses();
  }

  /**
   * Calculates what is due, if anything: every formula after a change; after the add-in's functions
   * were associated, as Excel does, only the formulas that call them and those that read these,
   * however indirectly (every other cell keeps its value, as calculated or as saved in the file).
   */
  calculateDue(): boolean {
    if (this.stale) this.recalculate();
    else if (this.functionsChanged) this.recalculate(this.functionCallers());
    else return false;
    return true;
  }

  /**
   * The formulas that call one of the add-in's functions, and those that read them. What a formula
   * reads is found in its text (a reference or a defined name), without parsing it: something that
   * only looks like a reference, inside a string, makes a cell due for nothing, never the opposite.
   */
  private functionCallers(): Set<CellData> {
    const callsFunctions = new RegExp(`${this.namespace}\\.`, "i");
    const due = new Set<CellData>();
    const dueAt = new Map<string, Array<{ row: number; col: number }>>();
    const mark = (sheet: SheetModel, c: CellData, at: string): void => {
      due.add(c);
      const [row, col] = at.split(",").map(Number) as [number, number];
      const list = dueAt.get(sheet.name.toLowerCase()) ?? [];
      list.push({ row, col });
      dueAt.set(sheet.name.toLowerCase(), list);
    };
    const names = anyOf([...this.names.values()].map((n) => n.name));
    const others: Array<{
      sheet: SheetModel;
      cell: CellData;
      at: string;
      reads: ReturnType<typeof formulaReferences>;
    }> = [];
    for (const sheet of this.sheets)
      for (const [at, c] of sheet.cells) {
        if (c.formula === undefined) continue;
        if (callsFunctions.test(c.formula)) mark(sheet, c, at);
        else others.push({ sheet, cell: c, at, reads: formulaReferences(c.formula, names) });
      }
    const readsDue = (sheetName: string, reads: ReturnType<typeof formulaReferences>, depth = 0): boolean =>
      reads.ranges.some((r) =>
        (dueAt.get((r.sheet ?? sheetName).toLowerCase()) ?? []).some(
          (p) => p.row >= r.top && p.row <= r.bottom && p.col >= r.left && p.col <= r.right,
        ),
      ) ||
      (depth < 8 &&
        reads.names.some((n) => {
          const named = this.names.get(n.toLowerCase());
          return (
            named !== undefined &&
            readsDue(this.sheets[0]!.name, formulaReferences(named.formula, names), depth + 1)
          );
        }));
    for (let added = true; added;) {
      added = false;
      for (const o of others)
        if (!due.has(o.cell) && readsDue(o.sheet.name, o.reads)) {
          mark(o.sheet, o.cell, o.at);
          added = true;
        }
    }
    return due;
  }

  /** Set when a recalculation met a cell that (indirectly) reads itself. */
  private circular = false;

  /** Calculates one formula cell of the recalculation under way (the cells it reads first). */
  private calculateCell(sheet: SheetModel, c: CellData): void {
    const calculation = this.calculation!;
    calculation.due.delete(c);
    if (this.inProgress.has(c)) {
      this.circular = true;
      return;
    }
    this.inProgress.add(c);
    try {
      this.store(c, this.evaluateFormula(c.formula!, sheet.name));
    } finally {
      this.inProgress.delete(c);
    }
  }

  private readonly inProgress = new Set<CellData>();

  private evaluateFormula(formula: string, sheetName: string): Scalar {
    try {
      return evaluate(parseFormula(formula), this.evalContext(sheetName));
    } catch {
      return new CellError("#NAME?");
    }
  }

  /** Keeps a result; an equal error keeps its object. Returns whether the value changed. */
  private store(c: CellData, v: Scalar): boolean {
    const same =
      v instanceof CellError && c.value instanceof CellError
        ? v.code === c.value.code && v.message === c.value.message
        : v === c.value;
    if (!same) c.value = v;
    return !same;
  }

  /** Recalculates every formula until the values settle: for a workbook with a circular reference. */
  private recalculateInPasses(): void {
    for (let pass = 0; pass < 5; pass++) {
      let changed = false;
      for (const sheet of this.sheets)
        for (const c of sheet.cells.values())
          if (c.formula !== undefined && this.store(c, this.evaluateFormula(c.formula, sheet.name)))
            changed = true;
      if (!changed) return;
    }
  }

  notify(sheetId: string, address: string, source: "Local" | "Remote" = "Local"): void {
    for (const l of this.listeners) l(sheetId, address, source);
  }

  address(sheet: SheetModel, rect: Omit<RangeRef, "sheet">): string {
    return formatRange(sheet.name, rect);
  }

  /** The text Excel would show for a value with a number format (enough for our formats). */
  static display(value: Scalar, numberFormat: string): string {
    if (value === null) return "";
    if (value instanceof CellError) return value.code;
    if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
    if (typeof value === "string") return value;
    const decimals =
      /0\.(0+)/.exec(numberFormat)?.[1]?.length ?? (/^#,##0$|^0$/.test(numberFormat) ? 0 : undefined);
    const grouped = numberFormat.includes("#,##");
    const text =
      decimals === undefined
        ? String(value)
        : value.toLocaleString("en-US", {
            minimumFractionDigits: decimals,
            maximumFractionDigits: decimals,
            useGrouping: grouped,
          });
    return numberFormat.endsWith("%") ? `${text}%` : text;
  }

  static valueType(value: Scalar): string {
    if (value === null) return "Empty";
    if (value instanceof CellError) return "Error";
    if (typeof value === "number") return "Double";
    if (typeof value === "boolean") return "Boolean";
    return "String";
  }

  cellLabel(sheet: SheetModel, row: number, col: number): string {
    return `${quoteSheet(sheet.name)}!${cellName(row, col)}`;
  }
}
