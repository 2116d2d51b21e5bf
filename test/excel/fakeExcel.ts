/// <reference types="office-js" />
import { OfficeMockObject } from "office-addin-mock";
import { cellAddress, parseRange, type RangeRef } from "../../src/core";
import type { ExcelHost } from "../../src/excel";

/**
 * An Excel workbook for tests, made of office-addin-mock objects. office-addin-mock has no
 * collections and records no writes, so each proxy object (worksheet, range, table, …) is a mock
 * built on demand from a seed whose keys are checked against @types/office-js, wrapped so that
 * property writes reach an in-memory grid. Like Excel, reads give what was synced, a batch that
 * writes a locked cell of a protected sheet fails at context.sync(), and text written into a
 * cell that is not formatted as text is converted (numbers, and yyyy-m-d dates).
 */

/** A seed may only use names of the real Excel API object T. */
function seed<T>() {
  return <S extends object>(s: S & { [K in Exclude<keyof S, keyof T>]: never }): S => s;
}

export interface FakeCell {
  /** A constant, or a formula text starting with "=". */
  content: string | number | boolean | null;
  /** What a formula shows (tests set it to mimic the custom functions); constants show themselves. */
  shown?: string | number;
  numberFormat: string;
  locked: boolean;
  format: Record<string, unknown>;
  validation?: Record<string, unknown>;
}

export interface FakeSheet {
  id: string;
  name: string;
  position: number;
  visibility: string;
  protected: boolean;
  protectOptions?: Excel.WorksheetProtectionOptions;
  cells: Map<string, FakeCell>;
  columnWidths: Map<string, number>;
  rowHeights: Map<number, number>;
  merges: string[];
  frozenRows: number;
  conditionalFormats: Array<{ address: string; type: string; props: Record<string, unknown> }>;
  page: Record<string, unknown>;
  charts: FakeChart[];
}

/** A chart as the add-in set it up: what it was made from and every property written, by path. */
export interface FakeChart {
  type: string;
  source: string;
  seriesBy: string;
  props: Record<string, unknown>;
  /** The category (x axis) values of the first series, as a range address. */
  xValues?: string;
  position?: [string, string | undefined];
  /** Points whose data label was switched, by index. */
  pointLabels: Map<number, boolean>;
}

type Handler = (event: Excel.WorksheetChangedEventArgs) => Promise<void> | void;

const DATE_TEXT = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

export class FakeExcel {
  readonly sheets = new Map<string, FakeSheet>();
  readonly names = new Map<string, { reference: string; comment?: string }>();
  readonly tables = new Map<string, { sheet: string; address: string; props: Record<string, unknown> }>();
  /** Every address a range was loaded from, in order: to check what a read fetched. */
  readonly loads: string[] = [];
  active?: string;
  /** The selected cell, "sheet!A1". */
  selection?: string;
  /** How often the whole workbook was recalculated. */
  recalculations = 0;
  private readonly handlers: Handler[] = [];
  private created: OfficeMockObject[] = [];
  /** The address of every range proxy handed out, for methods that take a range (charts). */
  private readonly rangeAddresses = new WeakMap<object, string>();
  private pending: Error[] = [];
  private syncing = false;
  private nextId = 1;
  readonly context: Excel.RequestContext;
  readonly host: ExcelHost;

  constructor() {
    const contextSeed = {
      workbook: seed<Excel.Workbook>()({
        worksheets: seed<Excel.WorksheetCollection>()({
          getItem: (name: string) => this.sheetProxy(name, false),
          getItemOrNullObject: (name: string) => this.sheetProxy(name, true),
          add: (name: string) => {
            this.addSheet(name);
            return this.sheetProxy(name, false);
          },
          onChanged: seed<OfficeExtension.EventHandlers<Excel.WorksheetChangedEventArgs>>()({
            add: (handler: Handler) => {
              this.handlers.push(handler);
              return {
                context: this.context,
                remove: () => this.handlers.splice(this.handlers.indexOf(handler), 1),
              };
            },
          }),
        }),
        names: seed<Excel.NamedItemCollection>()({
          getItemOrNullObject: (name: string) =>
            this.nullable(
              seed<Excel.NamedItem>()({
                name,
                formula: this.names.get(name)?.reference ?? "",
                delete: () => {
                  this.names.delete(name);
                },
              }),
              !this.names.has(name),
            ),
          add: (name: string, reference: string, comment?: string) => {
            this.names.set(name, { reference, ...(comment !== undefined && { comment }) });
            return this.track(seed<Excel.NamedItem>()({ name }), () => undefined);
          },
        }),
        tables: seed<Excel.TableCollection>()({
          getItemOrNullObject: (name: string) => {
            const table = this.tables.get(name);
            return table ? this.tableProxy(name) : this.nullable(seed<Excel.Table>()({ name }), true);
          },
        }),
        application: seed<Excel.Application>()({
          suspendApiCalculationUntilNextSync: () => undefined,
          calculate: () => {
            this.recalculations += 1;
          },
        }),
      }),
      runtime: seed<Excel.Runtime>()({ enableEvents: true }),
      sync: () => this.sync(),
    };
    this.context = this.track(
      seed<Excel.RequestContext>()(contextSeed),
      () => undefined,
    ) as Excel.RequestContext;
    this.host = {
      run: (batch) => batch(this.context),
      runIn: (context, batch) => {
        if (context !== this.context) throw new Error("runIn: not this workbook's request context");
        return batch(this.context);
      },
    };
  }

  // ---- grid -------------------------------------------------------------------------------

  addSheet(name: string): FakeSheet {
    const sheet: FakeSheet = {
      id: `{sheet-${this.nextId++}}`,
      name,
      position: this.sheets.size,
      visibility: "Visible",
      protected: false,
      cells: new Map(),
      columnWidths: new Map(),
      rowHeights: new Map(),
      merges: [],
      frozenRows: 0,
      conditionalFormats: [],
      page: {},
      charts: [],
    };
    this.sheets.set(name, sheet);
    return sheet;
  }

  cell(sheet: string, address: string): FakeCell {
    const s = this.sheets.get(sheet);
    if (!s) throw new Error(`no sheet ${sheet}`);
    let cell = s.cells.get(address);
    if (!cell) {
      cell = { content: null, numberFormat: "General", locked: true, format: {} };
      s.cells.set(address, cell);
    }
    return cell;
  }

  /** What a cell shows, as Range.values gives it. */
  shown(sheet: string, address: string): unknown {
    const cell = this.sheets.get(sheet)?.cells.get(address);
    if (!cell || cell.content === null) return "";
    if (typeof cell.content === "string" && cell.content.startsWith("=")) return cell.shown ?? "";
    return cell.content;
  }

  /** An officer types into a cell: refused on a locked cell of a protected sheet, then change events fire. */
  async type(sheet: string, address: string, text: string | number): Promise<void> {
    const s = this.sheets.get(sheet)!;
    const cell = this.cell(sheet, address);
    if (s.protected && cell.locked) throw new Error(`${sheet}!${address} is locked`);
    this.store(cell, text);
    const event = {
      type: "WorksheetChanged",
      worksheetId: s.id,
      address,
      changeType: "RangeEdited",
      source: "Local",
    } as Excel.WorksheetChangedEventArgs;
    for (const handler of [...this.handlers]) await handler(event);
  }

  private store(cell: FakeCell, content: unknown): void {
    if (typeof content === "string" && cell.numberFormat !== "@" && !content.startsWith("=")) {
      if (/^-?\d+(\.\d+)?$/.test(content)) {
        cell.content = Number(content);
        return;
      }
      const date = DATE_TEXT.exec(content);
      if (date) {
        cell.content = (Date.UTC(+date[1]!, +date[2]! - 1, +date[3]!) - Date.UTC(1899, 11, 30)) / 86_400_000;
        cell.numberFormat = "yyyy-mm-dd";
        return;
      }
    }
    cell.content = content === "" ? null : (content as FakeCell["content"]);
  }

  private eachCell(range: RangeRef, fn: (address: string, r: number, c: number) => void): void {
    for (let r = range.start.row; r <= range.end.row; r++)
      for (let c = range.start.col; c <= range.end.col; c++)
        fn(cellAddress(r, c), r - range.start.row, c - range.start.col);
  }

  // ---- proxies ----------------------------------------------------------------------------

  /** A mock whose property writes reach `onSet(path, prop, value)`; synced with the context. */
  private track(seedObject: object, onSet: (path: string, prop: string, value: unknown) => void): unknown {
    const mock = new OfficeMockObject(seedObject as Record<string, unknown>);
    const proxy = this.wrap(mock, "", onSet);
    this.created.push(proxy as OfficeMockObject);
    return proxy;
  }

  private wrap(
    mock: OfficeMockObject,
    path: string,
    onSet: (path: string, prop: string, value: unknown) => void,
  ): unknown {
    type Internal = { _isObject?: boolean; _properties: Map<string, Internal> };
    const internals = mock as unknown as Internal;
    for (const [key, child] of internals._properties) {
      if (!child._isObject) continue;
      const wrapped = this.wrap(child as unknown as OfficeMockObject, path ? `${path}.${key}` : key, onSet);
      internals._properties.set(key, wrapped as Internal);
      (mock as unknown as Record<string, unknown>)[key] = wrapped;
    }
    return new Proxy(mock, {
      set: (target, prop, value) => {
        (target as unknown as Record<string | symbol, unknown>)[prop] = value;
        // The mock itself sets its "not loaded" / "not synced" markers and child objects during load and sync.
        const own = this.syncing || (typeof value === "string" && value.startsWith("Error, "));
        if (!own && typeof prop === "string" && !prop.startsWith("_")) onSet(path, prop, value);
        return true;
      },
    });
  }

  private nullable(seedObject: object, isNull: boolean): unknown {
    const proxy = this.track(seedObject, () => undefined);
    Object.defineProperty(proxy, "isNullObject", { value: isNull, configurable: true });
    return proxy;
  }

  private fail(message: string): void {
    this.pending.push(Object.assign(new Error(message), { code: "AccessDenied" }));
  }

  private guard(sheet: FakeSheet, what: string, cells?: RangeRef, content = false): void {
    if (!sheet.protected) return;
    if (content && cells) {
      let locked = false;
      this.eachCell(cells, (a) => (locked ||= this.cell(sheet.name, a).locked));
      if (!locked) return;
    }
    this.fail(`The cell or chart you're trying to change is on a protected sheet (${sheet.name}: ${what})`);
  }

  private sheetProxy(name: string, orNull: boolean): unknown {
    const sheet = this.sheets.get(name);
    if (!sheet) {
      if (!orNull)
        this.pending.push(Object.assign(new Error(`ItemNotFound: ${name}`), { code: "ItemNotFound" }));
      return this.nullable(
        seed<Excel.Worksheet>()({ id: "", name, getRange: () => this.rangeProxy(undefined, "A1") }),
        true,
      );
    }
    const s = seed<Excel.Worksheet>()({
      id: sheet.id,
      name,
      position: sheet.position,
      visibility: sheet.visibility,
      getRange: (address: string) => this.rangeProxy(sheet, address),
      getUsedRangeOrNullObject: () =>
        this.nullable(
          seed<Excel.Range>()({ address: "" }),
          ![...sheet.cells.values()].some((c) => c.content !== null || Object.keys(c.format).length > 0),
        ),
      activate: () => {
        this.active = name;
      },
      delete: () => {
        this.sheets.delete(name);
        for (const s of this.sheets.values()) if (s.position > sheet.position) s.position -= 1;
      },
      charts: seed<Excel.ChartCollection>()({
        add: (type: string, source: Excel.Range, seriesBy?: string) => {
          this.guard(sheet, "add a chart");
          const chart: FakeChart = {
            type,
            source: this.addressOf(source),
            seriesBy: seriesBy ?? "Auto",
            props: {},
            pointLabels: new Map(),
          };
          sheet.charts.push(chart);
          return this.chartProxy(chart);
        },
      }),
      protection: seed<Excel.WorksheetProtection>()({
        protected: sheet.protected,
        protect: (options?: Excel.WorksheetProtectionOptions) => {
          if (sheet.protected) this.fail(`${name} is already protected`);
          sheet.protected = true;
          sheet.protectOptions = options ?? {};
        },
        unprotect: () => {
          sheet.protected = false;
        },
      }),
      tables: seed<Excel.TableCollection>()({
        add: (address: string, hasHeaders: boolean) => {
          this.guard(sheet, "add a table");
          const temp = `__table${this.nextId++}`;
          this.tables.set(temp, { sheet: name, address, props: { hasHeaders } });
          return this.tableProxy(temp);
        },
      }),
      freezePanes: seed<Excel.WorksheetFreezePanes>()({
        freezeRows: (count: number) => {
          sheet.frozenRows = count;
        },
      }),
      pageLayout: seed<Excel.PageLayout>()({
        setPrintTitleRows: (rows: string) => {
          sheet.page.printTitleRows = rows;
        },
        headersFooters: seed<Excel.HeaderFooterGroup>()({
          defaultForAllPages: seed<Excel.HeaderFooter>()({ centerHeader: "", centerFooter: "" }),
        }),
      }),
    });
    const proxy = this.track(s, (path, prop, value) => {
      if (path === "") {
        if (prop === "position") sheet.position = value as number;
        else if (prop === "visibility") sheet.visibility = value as string;
      } else if (path.startsWith("pageLayout")) {
        this.guard(sheet, "page layout");
        sheet.page[path === "pageLayout" ? prop : `${path.split(".").pop()}.${prop}`] = value;
      }
    });
    Object.defineProperty(proxy, "isNullObject", { value: false, configurable: true });
    return proxy;
  }

  private addressOf(range: Excel.Range): string {
    const address = this.rangeAddresses.get(range);
    if (!address) throw new Error("not a range of this workbook");
    return address;
  }

  private chartProxy(chart: FakeChart): unknown {
    const series = () =>
      this.track(
        seed<Excel.ChartSeries>()({
          name: "",
          hasDataLabels: false,
          dataLabels: seed<Excel.ChartDataLabels>()({ showValue: false, numberFormat: "" }),
          setXAxisValues: (range: Excel.Range) => {
            chart.xValues = this.addressOf(range);
          },
          points: seed<Excel.ChartPointsCollection>()({
            getItemAt: (index: number) =>
              this.track(seed<Excel.ChartPoint>()({ hasDataLabel: true }), (_p, prop, value) => {
                if (prop === "hasDataLabel") chart.pointLabels.set(index, value as boolean);
              }),
          }),
        }),
        (path, prop, value) => (chart.props[`series.${path ? `${path}.` : ""}${prop}`] = value),
      );
    return this.track(
      seed<Excel.Chart>()({
        name: "",
        title: seed<Excel.ChartTitle>()({ text: "" }),
        legend: seed<Excel.ChartLegend>()({ visible: true }),
        axes: seed<Excel.ChartAxes>()({
          valueAxis: seed<Excel.ChartAxis>()({
            minimum: 0,
            maximum: 0,
            title: seed<Excel.ChartAxisTitle>()({ text: "" }),
          }),
        }),
        series: seed<Excel.ChartSeriesCollection>()({ getItemAt: () => series() }),
        setPosition: (start: string, end?: string) => {
          chart.position = [start, end];
        },
      }),
      (path, prop, value) => (chart.props[path ? `${path}.${prop}` : prop] = value),
    );
  }

  private tableProxy(key: string): unknown {
    const proxy = this.track(seed<Excel.Table>()({ name: key }), (_path, prop, value) => {
      const table = this.tables.get(key);
      if (!table) return;
      if (prop === "name") {
        this.tables.delete(key);
        this.tables.set(value as string, table);
        key = value as string;
      } else {
        table.props[prop] = value;
      }
    });
    Object.defineProperty(proxy, "isNullObject", { value: false, configurable: true });
    return proxy;
  }

  private rangeProxy(sheet: FakeSheet | undefined, address: string): unknown {
    const whole = /^[A-Z]+:[A-Z]+$/.test(address) || /^\d+:\d+$/.test(address);
    const ref = whole ? undefined : parseRange(address);
    const matrix = (pick: (a: string) => unknown): unknown[][] => {
      if (!sheet || !ref) return [[]];
      const rows: unknown[][] = [];
      this.eachCell(ref, (a, r, c) => ((rows[r] ??= [])[c] = pick(a)));
      return rows;
    };
    const borders = (edge: string) =>
      this.track(seed<Excel.RangeBorder>()({ style: "None", color: "" }), (_p, prop, value) => {
        if (sheet && ref) {
          this.guard(sheet, "borders");
          this.eachCell(ref, (a) => (this.cell(sheet.name, a).format[`border.${edge}.${prop}`] = value));
        }
      });
    const conditional = (type: string) => {
      const entry = { address, type, props: {} as Record<string, unknown> };
      sheet?.conditionalFormats.push(entry);
      if (sheet) this.guard(sheet, "conditional format");
      const props = { format: { fill: { color: "" }, font: { color: "", bold: false } }, rule: {} };
      return this.track(
        seed<Excel.ConditionalFormat>()({
          textComparison: seed<Excel.TextConditionalFormat>()(props),
          preset: seed<Excel.PresetCriteriaConditionalFormat>()(props),
        }),
        (path, prop, value) => (entry.props[`${path}.${prop}`] = value),
      );
    };
    const s = seed<Excel.Range>()({
      address: sheet ? `'${sheet.name}'!${address}` : address,
      values: matrix((a) => this.shown(sheet!.name, a)),
      numberFormat: matrix((a) => this.cell(sheet!.name, a).numberFormat),
      format: seed<Excel.RangeFormat>()({
        columnWidth: 0,
        rowHeight: 0,
        wrapText: false,
        horizontalAlignment: "General",
        verticalAlignment: "Bottom",
        font: seed<Excel.RangeFont>()({ name: "", size: 0, bold: false, color: "" }),
        fill: seed<Excel.RangeFill>()({ color: "" }),
        protection: seed<Excel.FormatProtection>()({ locked: true }),
        borders: seed<Excel.RangeBorderCollection>()({ getItem: borders }),
        autofitRows: () => undefined,
      }),
      dataValidation: seed<Excel.DataValidation>()({
        ignoreBlanks: true,
        clear: () => {
          if (sheet && ref) {
            this.guard(sheet, "data validation");
            this.eachCell(ref, (a) => delete this.cell(sheet.name, a).validation);
          }
        },
      }),
      conditionalFormats: seed<Excel.ConditionalFormatCollection>()({
        add: conditional,
        clearAll: () => {
          if (sheet) sheet.conditionalFormats = sheet.conditionalFormats.filter((c) => c.address !== address);
        },
      }),
      merge: (across?: boolean) => {
        if (sheet) {
          this.guard(sheet, "merge");
          sheet.merges.push(across ? `${address} across` : address);
        }
      },
      select: () => {
        if (sheet) this.selection = `${sheet.name}!${address}`;
      },
    });
    const proxy = this.track(s, (path, prop, value) => {
      if (!sheet) return;
      if (whole) {
        if (prop === "columnWidth") sheet.columnWidths.set(address.split(":")[0]!, value as number);
        if (prop === "rowHeight") sheet.rowHeights.set(Number(address.split(":")[0]), value as number);
        return;
      }
      if (!ref) return;
      if (path === "" && (prop === "formulas" || prop === "values")) {
        this.guard(sheet, prop, ref, true);
        this.eachCell(ref, (a, r, c) => this.store(this.cell(sheet.name, a), (value as unknown[][])[r]![c]));
      } else if (path === "" && prop === "numberFormat") {
        this.guard(sheet, prop);
        this.eachCell(
          ref,
          (a, r, c) => (this.cell(sheet.name, a).numberFormat = (value as string[][])[r]![c]!),
        );
      } else if (path === "format.protection" && prop === "locked") {
        this.guard(sheet, "lock");
        this.eachCell(ref, (a) => (this.cell(sheet.name, a).locked = value as boolean));
      } else if (path === "dataValidation") {
        this.guard(sheet, "data validation");
        this.eachCell(ref, (a) => ((this.cell(sheet.name, a).validation ??= {})[prop] = value));
      } else if (path.startsWith("format")) {
        this.guard(sheet, "format");
        this.eachCell(ref, (a) => (this.cell(sheet.name, a).format[`${path}.${prop}`] = value));
      }
    });
    if (sheet) this.rangeAddresses.set(proxy as object, `'${sheet.name}'!${address}`);
    const load = (proxy as { load: (p: string) => unknown }).load.bind(proxy);
    Object.defineProperty(proxy, "load", {
      configurable: true,
      value: (props: string) => {
        this.loads.push(address);
        return load(props);
      },
    });
    return proxy;
  }

  // ---- sync -------------------------------------------------------------------------------

  private async sync(): Promise<void> {
    this.syncing = true;
    const created = this.created;
    this.created = [];
    for (const mock of created) await OfficeMockObject.prototype.sync.call(mock);
    await new Promise((resolve) => setImmediate(resolve));
    this.syncing = false;
    const errors = this.pending;
    this.pending = [];
    if (errors.length > 0) throw errors[0];
  }
}
