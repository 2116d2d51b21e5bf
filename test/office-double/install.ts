/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * Installs the Office.js test double as the globals a page expects from office.js: Office, Excel,
 * CustomFunctions, OfficeRuntime, OfficeExtension. Tests drive it through `__excel` (typing into
 * cells as a user would, reading cells, the selection, the number of syncs).
 */
import { cellName, formatRange, parseRange } from "./address";
import { CellError } from "./formula";
import { Faults } from "./faults";
import { EventHub, fireChange, OfficeError, RequestContext } from "./officeApi";
import {
  parseTyped,
  WorkbookModel,
  type ChartModel,
  type EmptyCellMode,
  type FunctionParamMeta,
  reserveIdsOf,
} from "./workbookModel";

export interface FunctionsMetadata {
  functions: Array<{ id: string; name: string; parameters: FunctionParamMeta[] }>;
}

export interface DoubleOptions {
  namespace?: string;
  metadata?: FunctionsMetadata;
  emptyCellMode?: EmptyCellMode;
  /** Keep the workbook in localStorage under this key, so a reloaded page finds it again (like a reopened file). */
  persistKey?: string;
  /** A workbook saved with save(), to open instead of an empty one (like opening a file). */
  open?: string;
  displayLanguage?: string;
  /**
   * The requirement sets this Excel has, each with its highest version, as a given Office build
   * reports them (e.g. perpetual Office 2019: { ExcelApi: "1.8" }); a set not named is missing. By
   * default every set is supported.
   */
  requirementSets?: Readonly<Record<string, string>>;
}

/** Compares dotted versions part by part as numbers: "1.10" is above "1.9". */
function versionAtLeast(have: string, want: string): boolean {
  const a = have.split(".").map(Number);
  const b = want.split(".").map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x > y;
  }
  return true;
}

/** Office.context.requirements.isSetSupported over the sets of the options (all of them by default). */
function requirementsOf(sets: Readonly<Record<string, string>> | undefined) {
  return {
    isSetSupported(name: string, version = "1.1"): boolean {
      if (!sets) return true;
      const have = Object.entries(sets).find(([set]) => set.toLowerCase() === name.toLowerCase())?.[1];
      return have !== undefined && versionAtLeast(have, version);
    },
  };
}

/** Excel's enums are PascalCase strings named like their members: Excel.ChartType.columnClustered === "ColumnClustered". */
const enumProxy = (): any =>
  new Proxy(
    {},
    { get: (_t, p) => (typeof p === "string" ? p.charAt(0).toUpperCase() + p.slice(1) : undefined) },
  );

const ERROR_CODES = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
};

class CustomFunctionError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message ?? code);
    this.name = "CustomFunctions.Error";
  }
}

function serialise(model: WorkbookModel): string {
  return JSON.stringify({
    sheets: model.sheets.map((s) => ({
      ...s,
      cells: [...s.cells].map(([k, c]) => [
        k,
        {
          ...c,
          value: c.value instanceof CellError ? { __error: c.value.code, message: c.value.message } : c.value,
        },
      ]),
    })),
    names: [...model.names.values()],
    settings: [...model.settings],
    tables: model.tables,
    comments: model.comments,
    activeSheetId: model.activeSheetId,
    selection: model.selection,
  });
}

function restore(model: WorkbookModel, text: string): void {
  reserveIdsOf(text);
  const data = JSON.parse(text);
  model.sheets = data.sheets.map((s: any) => ({
    ...s,
    cells: new Map(
      s.cells.map(([k, c]: [string, any]) => [
        k,
        {
          ...c,
          value:
            c.value && typeof c.value === "object" && "__error" in c.value
              ? new CellError(c.value.__error, c.value.message)
              : c.value,
        },
      ]),
    ),
  }));
  model.names = new Map(data.names.map((n: any) => [n.name.toLowerCase(), n]));
  model.settings = new Map(data.settings);
  model.tables = data.tables;
  model.comments = data.comments;
  model.activeSheetId = data.activeSheetId;
  model.selection = data.selection;
}

/** The values of a range of the model, as Excel shows them to a chart (errors and text as they are). */
function rangeValues(
  model: WorkbookModel,
  address: string | undefined,
): Array<{ value: unknown; text: string }> {
  const ref = address ? parseRange(address) : undefined;
  const sheet = ref?.sheet ? model.sheetByName(ref.sheet) : undefined;
  if (!ref || !sheet) return [];
  const out: Array<{ value: unknown; text: string }> = [];
  for (let r = ref.top; r <= ref.bottom; r++)
    for (let c = ref.left; c <= ref.right; c++) {
      const cell = model.cell(sheet, r, c);
      out.push({ value: cell.value, text: WorkbookModel.display(cell.value, cell.numberFormat) });
    }
  return out;
}

/** A column chart drawn in HTML from the chart's series, for screenshots (text is plotted as 0, as Excel does). */
function renderChart(model: WorkbookModel, chart: ChartModel, esc: (s: string) => string): string {
  const series = chart.series[0];
  if (!series) return "";
  const points = rangeValues(model, series.values);
  const categories = rangeValues(model, series.xValues);
  const numbers = points.map((p) => (typeof p.value === "number" ? p.value : 0));
  const max = chart.valueAxis.maximum ?? Math.max(1, ...numbers);
  const bars = points
    .map((p, i) => {
      const height = Math.max(0, Math.min(100, (numbers[i]! / max) * 100));
      const label =
        series.hasDataLabels && series.dataLabels.showValue && series.pointLabels[i] !== false
          ? WorkbookModel.display(numbers[i]!, series.dataLabels.numberFormat)
          : "";
      return `<div class="bar"><div class="plot"><span class="label">${esc(label)}</span><span class="column" style="height:${height}%"></span></div><span class="category">${esc(categories[i]?.text ?? String(i + 1))}</span></div>`;
    })
    .join("");
  return `<figure class="chart" data-chart="${esc(chart.name)}" data-type="${esc(chart.type)}"><figcaption>${esc(chart.title)}</figcaption><div class="axis">${esc(chart.valueAxis.title)} 0–${max}</div><div class="bars">${bars}</div></figure>`;
}

export function installOfficeDouble(win: any, options: DoubleOptions = {}) {
  const model = new WorkbookModel();
  model.namespace = options.namespace ?? "MINSTD";
  model.emptyCellMode = options.emptyCellMode ?? "desktop";
  for (const f of options.metadata?.functions ?? []) model.functionMeta.set(f.id, f.parameters);
  const storage: Storage | undefined = win.localStorage;
  if (options.open !== undefined) restore(model, options.open);
  else if (options.persistKey && storage?.getItem(options.persistKey))
    restore(model, storage.getItem(options.persistKey)!);
  const hub = new EventHub();
  const faults = new Faults();
  let syncs = 0;
  const persist = (): void => {
    if (options.persistKey && storage) storage.setItem(options.persistKey, serialise(model));
  };

  /** A new request context whose syncs are counted and keep the workbook (persistKey). */
  const countingContext = (): RequestContext => {
    const ctx = new RequestContext(model, hub);
    ctx.faults = faults;
    const original = ctx.sync.bind(ctx);
    ctx.sync = (async (x?: unknown) => {
      syncs++;
      const r = await original(x);
      persist();
      return r;
    }) as RequestContext["sync"];
    return ctx;
  };

  /**
   * Excel recalculates after newly associated functions or a typed entry once, later and off the
   * page's thread, not on each call: what is asked in one tick shares one recalculation. A sync
   * calculates anyway, and the hooks that read cells calculate first what is due.
   */
  let due: Promise<void> | undefined;
  const calculateDue = (): void => {
    if (model.calculateDue()) persist();
  };
  /** After a typed entry everything is calculated again; after associate, what calls the functions. */
  const recalculateLater = (what: "all" | "functions" = "all"): void => {
    if (what === "all") model.stale = true;
    else model.functionsChanged = true;
    due ??= new Promise<void>((resolve) =>
      setTimeout(() => {
        due = undefined;
        calculateDue();
        resolve();
      }, 0),
    );
  };

  const Excel = new Proxy(
    {
      RequestContext: class extends RequestContext {
        constructor() {
          super(model, hub);
        }
      },
      /**
       * Excel.run(batch), or Excel.run(context | object, batch): a batch in the request context of an
       * earlier batch (or of an object made in one), e.g. to remove an event handler it added.
       */
      async run(a: unknown, b?: unknown) {
        const batch = (typeof a === "function" ? a : b) as (ctx: RequestContext) => Promise<unknown>;
        // The first argument may also be Excel.RunOptions ({ delayForCellEdit }): then a new context.
        const earlier = a instanceof RequestContext ? a : (a as { context?: unknown } | undefined)?.context;
        const ctx = earlier instanceof RequestContext ? earlier : countingContext();
        try {
          const result = await batch(ctx);
          await ctx.flush();
          persist();
          return result;
        } catch (e) {
          persist();
          throw e;
        }
      },
      ErrorCodes: enumProxy(),
    } as Record<string, unknown>,
    { get: (t, p) => (typeof p === "string" && !(p in t) ? enumProxy() : (t as any)[p]) },
  );

  const CustomFunctions = {
    Error: CustomFunctionError,
    ErrorCode: ERROR_CODES,
    associate(
      idOrMap: string | Record<string, (...args: unknown[]) => unknown>,
      fn?: (...args: unknown[]) => unknown,
    ) {
      if (typeof idOrMap === "string") model.functions.set(idOrMap.toUpperCase(), fn!);
      else for (const [id, f] of Object.entries(idOrMap)) model.functions.set(id.toUpperCase(), f);
      recalculateLater("functions");
    },
  };

  const settingsApi = {
    get: (name: string) => {
      faults.raise("settings");
      return model.settings.get(name) ?? null;
    },
    set: (name: string, value: unknown) => {
      faults.raise("settings");
      model.settings.set(name, value);
    },
    remove: (name: string) => {
      faults.raise("settings");
      model.settings.delete(name);
    },
    saveAsync: (cb?: (r: { status: string; error?: OfficeError }) => void) => {
      const error = faults.take("settings");
      if (error) return cb?.({ status: "failed", error });
      persist();
      cb?.({ status: "succeeded" });
    },
  };

  const Office = {
    HostType: { Excel: "Excel", Word: "Word", PowerPoint: "PowerPoint", Outlook: "Outlook" },
    PlatformType: { PC: "PC", OfficeOnline: "OfficeOnline", Mac: "Mac" },
    StartupBehavior: { none: "None", load: "Load" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    context: {
      host: "Excel",
      platform: "PC",
      displayLanguage: options.displayLanguage ?? "th-TH",
      contentLanguage: options.displayLanguage ?? "th-TH",
      requirements: requirementsOf(options.requirementSets),
      document: { settings: settingsApi },
      partitionKey: undefined,
    },
    onReady(cb?: (info: { host: string; platform: string }) => void) {
      const info = { host: "Excel", platform: "PC" };
      cb?.(info);
      return Promise.resolve(info);
    },
    initialize: undefined as unknown,
    actions: { associate: (): void => undefined },
    addin: {
      setStartupBehavior: async (b: string) => void model.settings.set("__startupBehavior", b),
      getStartupBehavior: async () => model.settings.get("__startupBehavior") ?? "None",
      showAsTaskpane: async () => undefined,
      hide: async () => undefined,
      onVisibilityModeChanged: async () => () => undefined,
    },
  };

  const prefix = "__officeRuntimeStorage:";
  const storageApi = {
    getItem: async (k: string) => storage?.getItem(prefix + k) ?? null,
    setItem: async (k: string, v: string) => storage?.setItem(prefix + k, String(v)),
    removeItem: async (k: string) => storage?.removeItem(prefix + k),
    getItems: async (keys: string[]) =>
      Object.fromEntries(keys.map((k) => [k, storage?.getItem(prefix + k) ?? null])),
    setItems: async (items: Record<string, string>) => {
      for (const [k, v] of Object.entries(items)) storage?.setItem(prefix + k, String(v));
    },
    removeItems: async (keys: string[]) => {
      for (const k of keys) storage?.removeItem(prefix + k);
    },
    getKeys: async () => {
      const keys: string[] = [];
      for (let i = 0; i < (storage?.length ?? 0); i++) {
        const k = storage!.key(i)!;
        if (k.startsWith(prefix)) keys.push(k.slice(prefix.length));
      }
      return keys;
    },
  };
  const OfficeRuntime = {
    // Every call may meet a planned failure (faults.ts), before it touches the storage.
    storage: Object.fromEntries(
      Object.entries(storageApi).map(([name, call]) => [
        name,
        async (...args: unknown[]) => {
          faults.raise("storage");
          return (call as (...a: unknown[]) => Promise<unknown>)(...args);
        },
      ]),
    ) as typeof storageApi,
  };

  /** What tests use to act as the officer and to look inside the workbook. */
  const hooks = {
    model,
    /** Failures to plan: the next sync, range read or write, settings or storage call fails as Excel's would. */
    faults,
    /**
     * Types text into a cell as a person would: protection and data validation apply; change events
     * fire. Data validation refuses a value under a "Stop" alert; a "Warning" ("Continue?") or
     * "Information" alert keeps it when the person answers yes (answer: "continue", the default)
     * and drops it otherwise; the alert's message is returned.
     */
    typeInto(
      address: string,
      text: string,
      answer: "continue" | "cancel" = "continue",
    ): { ok: true; alert?: string } | { ok: false; reason: string } {
      const ref = parseRange(address);
      const sheet = ref?.sheet ? model.sheetByName(ref.sheet) : model.sheetById(model.activeSheetId!);
      if (!ref || !sheet) return { ok: false, reason: `no such cell ${address}` };
      const cell = model.cell(sheet, ref.top, ref.left);
      if (sheet.protected && cell.locked) return { ok: false, reason: "protected" };
      const v = cell.validation;
      let alert: string | undefined;
      if (v && text !== "" && v.errorAlert?.showAlert !== false) {
        const value = parseTyped(text, cell.numberFormat);
        const rule = v.rule as Record<string, any>;
        const numeric = rule.decimal ?? rule.wholeNumber;
        let bad = false;
        if (numeric) {
          bad =
            typeof value !== "number" ||
            (rule.wholeNumber && !Number.isInteger(value)) ||
            (numeric.operator === "GreaterThanOrEqualTo" && value < Number(numeric.formula1));
        }
        if (rule.list) {
          const allowed = String(rule.list.source)
            .split(",")
            .map((s) => s.trim());
          bad ||= !allowed.includes(text.trim());
        }
        if (bad) {
          const message = v.errorAlert?.message ?? "invalid";
          const style = v.errorAlert?.style ?? "Stop";
          if (style === "Stop" || answer === "cancel") return { ok: false, reason: `validation: ${message}` };
          alert = message;
        }
      }
      model.setCellInput(sheet, ref.top, ref.left, text);
      recalculateLater();
      persist();
      fireChange(
        hub,
        model,
        sheet.id,
        { top: ref.top, left: ref.left, bottom: ref.top, right: ref.left },
        "Local",
      );
      return alert === undefined ? { ok: true } : { ok: true, alert };
    },
    values(address: string): unknown[][] {
      calculateDue();
      const ref = parseRange(address);
      const sheet = ref?.sheet ? model.sheetByName(ref.sheet) : undefined;
      if (!ref || !sheet) throw new OfficeError("ItemNotFound", address);
      const out: unknown[][] = [];
      for (let r = ref.top; r <= ref.bottom; r++) {
        const row: unknown[] = [];
        for (let c = ref.left; c <= ref.right; c++) {
          const v = model.cell(sheet, r, c).value;
          row.push(v instanceof CellError ? v.code : v);
        }
        out.push(row);
      }
      return out;
    },
    formula(address: string): string | undefined {
      const ref = parseRange(address)!;
      return model.cell(model.sheetByName(ref.sheet!)!, ref.top, ref.left).formula;
    },
    selection(): string | undefined {
      const sel = model.selection;
      if (!sel) return undefined;
      return formatRange(model.sheetById(sel.sheetId)!.name, sel.rect);
    },
    /** Runs now the recalculation that is due (after associate or typing), if any: before reading the model. */
    calculateDue,
    /** Resolves once every change event handler called so far has finished (with the batches it ran). */
    async handled(): Promise<void> {
      while (hub.running.size > 0) await Promise.all(hub.running);
    },
    /** Resolves once Excel has nothing left to do: the due recalculation is done and every handler has finished. */
    async settled(): Promise<void> {
      while (due || hub.running.size > 0) await Promise.all([due, ...hub.running]);
    },
    sheetNames: (): string[] => model.sheets.map((s) => s.name),
    syncCount: (): number => syncs,
    functionCalls: (): number => model.calls,
    comments: () =>
      model.comments.map((c) => ({
        kind: c.kind,
        address: `${model.sheetById(c.sheetId)!.name}!${cellName(c.row, c.col)}`,
        content: c.content,
      })),
    settings: () => Object.fromEntries(model.settings),
    save: (): string => {
      calculateDue();
      return serialise(model);
    },
    /** An HTML picture of a sheet (values as Excel shows them), for screenshots next to the pane. */
    renderSheet(name: string, maxRows = 40, maxCols = 10): string {
      calculateDue();
      const sheet = model.sheetByName(name);
      if (!sheet) return "";
      const used = model.usedRect(sheet, true);
      if (!used) return `<table><caption>${name}</caption></table>`;
      const esc = (s: string): string =>
        s.replace(/[&<>]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;" })[c]!);
      let html = `<table class="sheet"><caption>${esc(name)}</caption><tr><th></th>`;
      for (let c = used.left; c <= Math.min(used.right, used.left + maxCols - 1); c++)
        html += `<th>${cellName(0, c).replace(/\d+/, "")}</th>`;
      html += "</tr>";
      for (let r = used.top; r <= Math.min(used.bottom, used.top + maxRows - 1); r++) {
        html += `<tr><th>${r + 1}</th>`;
        for (let c = used.left; c <= Math.min(used.right, used.left + maxCols - 1); c++) {
          const cell = model.cell(sheet, r, c);
          const fill = cell.format["fill.color"];
          const selected =
            model.selection?.sheetId === sheet.id &&
            r >= model.selection.rect.top &&
            r <= model.selection.rect.bottom &&
            c >= model.selection.rect.left &&
            c <= model.selection.rect.right;
          const note = model.comments.find((n) => n.sheetId === sheet.id && n.row === r && n.col === c);
          html += `<td style="${fill ? `background:${String(fill)};` : ""}${selected ? "outline:2px solid #107c41;" : ""}${note ? "box-shadow:inset -7px 7px 0 -4px #c00;" : ""}"${note ? ` title="${esc(note.content)}"` : ""}>${esc(WorkbookModel.display(cell.value, cell.numberFormat))}</td>`;
        }
        html += "</tr>";
      }
      // Notes and comments as Excel shows them on hover: listed under the sheet, so a picture shows them.
      const notes = model.comments
        .filter((n) => n.sheetId === sheet.id)
        .map((n) => `<li><b>${cellName(n.row, n.col)}</b> ${esc(n.content).replace(/\n/g, "<br>")}</li>`)
        .join("");
      return `${html}</table>${notes ? `<ul class="notes">${notes}</ul>` : ""}${sheet.charts.map((c) => renderChart(model, c, esc)).join("")}`;
    },
  };

  Object.assign(win, {
    Office,
    Excel,
    CustomFunctions,
    OfficeRuntime,
    OfficeExtension: { Error: OfficeError, ErrorCodes: enumProxy() },
    __excel: hooks,
  });
  return hooks;
}
