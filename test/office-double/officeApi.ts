/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * An Office.js Excel API test double over WorkbookModel, with the real request semantics:
 * property writes and method calls are queued and applied in order at context.sync(); a property can be
 * read only after it was loaded AND synced (otherwise reading throws, as in Excel); getItem of a missing
 * item makes sync() reject with ItemNotFound; *OrNullObject results carry isNullObject after sync.
 */
import { cellName, formatRange, parseRange, type RangeRef } from "./address";
import { CellError, type Scalar } from "./formula";
import {
  blankCell,
  newId,
  WorkbookModel,
  type CellData,
  type ChartAxisModel,
  type ChartModel,
  type ChartSeriesModel,
  type NameModel,
  type SheetModel,
  type TableModel,
} from "./workbookModel";
import type { FaultKind, Faults } from "./faults";

type Rect = Omit<RangeRef, "sheet">;

export class OfficeError extends Error {
  readonly debugInfo: { code: string; message: string };
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
    this.debugInfo = { code, message };
  }
}

const notLoaded = (prop: string): OfficeError =>
  new OfficeError(
    "PropertyNotLoaded",
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );

type Handler = (args: any) => unknown;
interface Registration {
  kind: "sheet" | "workbook";
  sheetId?: string;
  handler: Handler;
  ctx: RequestContext;
}

/** Shared by every context of one workbook: registered event handlers, and the handlers still running. */
export class EventHub {
  registrations: Registration[] = [];
  /** Handlers called and not finished yet (Excel calls them later, off the change): for settled(). */
  readonly running = new Set<Promise<unknown>>();
}

export class RequestContext {
  private queue: Array<() => void> = [];
  readonly workbook: Workbook;
  readonly application: Application;
  readonly runtime = { enableEvents: true };
  readonly trackedObjects = { add: (): void => undefined, remove: (): void => undefined };
  /** Changes made by this context since the last sync, for worksheet change events. */
  changes: Array<{ sheetId: string; rect: Rect }> = [];
  syncCount = 0;
  /** The failures a test planned (faults.ts), shared by every context of the workbook. */
  faults?: Faults;

  constructor(
    readonly model: WorkbookModel,
    readonly hub: EventHub,
  ) {
    this.workbook = new Workbook(this, () => model);
    this.application = this.workbook.application;
  }

  enqueue(op: () => void): void {
    this.queue.push(op);
  }

  /** The queued requests that change nothing a formula reads: loads, look-ups, event handlers. */
  private readonly reads = new WeakSet<() => void>();

  /**
   * Queues a request that changes nothing a formula reads. A sync of only such requests does not
   * recalculate: Excel calculates after changes, not on reads.
   */
  enqueueRead(op: () => void): void {
    this.reads.add(op);
    this.enqueue(op);
  }

  async sync<T>(passThrough?: T): Promise<T | undefined> {
    this.syncCount++;
    const fault = this.faults?.take("sync");
    if (fault) {
      // The whole batch is lost, as when Excel fails a request before running it.
      this.queue = [];
      await Promise.resolve();
      throw fault;
    }
    return this.flush(passThrough);
  }

  /** Applies the queued requests: what sync() does, also run once more when Excel.run's batch ends. */
  async flush<T>(passThrough?: T): Promise<T | undefined> {
    const ops = this.queue;
    this.queue = [];
    const writes = ops.some((op) => !this.reads.has(op));
    await Promise.resolve();
    try {
      for (const op of ops) op();
    } finally {
      if (writes) this.model.recalculate();
      else this.model.calculateDue();
      const changes = this.changes;
      this.changes = [];
      if (this.runtime.enableEvents)
        for (const c of changes) fireChange(this.hub, this.model, c.sheetId, c.rect, "Local");
    }
    return passThrough;
  }
}

export function fireChange(
  hub: EventHub,
  model: WorkbookModel,
  sheetId: string,
  rect: Rect,
  source: "Local" | "Remote",
): void {
  const local =
    cellName(rect.top, rect.left) +
    (rect.top === rect.bottom && rect.left === rect.right ? "" : `:${cellName(rect.bottom, rect.right)}`);
  for (const reg of [...hub.registrations]) {
    if (reg.kind === "sheet" && reg.sheetId !== sheetId) continue;
    const args = {
      type: "WorksheetChanged",
      changeType: "RangeEdited",
      source,
      worksheetId: sheetId,
      address: local,
      getRange: (ctx: RequestContext) => ctx.workbook.worksheets.getItem(sheetId).getRange(local),
      getRangeOrNullObject: (ctx: RequestContext) => ctx.workbook.worksheets.getItem(sheetId).getRange(local),
    };
    let done: () => void = () => undefined;
    const running = new Promise<void>((resolve) => (done = resolve));
    hub.running.add(running);
    setTimeout(() => {
      void Promise.resolve()
        .then(() => reg.handler(args))
        .catch(() => undefined)
        .finally(() => {
          hub.running.delete(running);
          done();
        });
    }, 0);
  }
  void model;
}

/** Splits "a, b/c" or ["a","b/c"] or {a: true} into property paths. */
function loadPaths(spec: unknown): string[][] | "all" {
  if (spec === undefined || spec === null || spec === "") return "all";
  let list: string[] = [];
  if (typeof spec === "string") list = spec.split(",");
  else if (Array.isArray(spec)) list = spec.flatMap((s) => String(s).split(","));
  else if (typeof spec === "object") {
    const o = spec as Record<string, unknown>;
    if (typeof o.select === "string") list.push(...o.select.split(","));
    if (typeof o.expand === "string") list.push(...o.expand.split(","));
    if (typeof o.select !== "string" && typeof o.expand !== "string") {
      for (const [k, v] of Object.entries(o)) {
        if (v === true) list.push(k);
        else if (v && typeof v === "object") {
          const inner = loadPaths(v);
          if (inner === "all") list.push(k);
          else list.push(...inner.map((p) => [k, ...p].join("/")));
        }
      }
    }
  }
  return list
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => s.split("/").map((p) => p.trim()));
}

interface PropDef<T> {
  get?: (target: T, self: any) => unknown;
  set?: (target: T, value: any, self: any) => void;
}

export abstract class ClientObject<T = unknown> {
  protected readonly _loaded = new Map<string, unknown>();
  private readonly _children = new Map<string, ClientObject<any>>();

  constructor(
    readonly context: RequestContext,
    protected readonly _resolve: () => T,
  ) {}

  protected abstract get _scalars(): Record<string, PropDef<T>>;
  protected get _navs(): Record<string, () => ClientObject<any>> {
    return {};
  }

  protected _child<C extends ClientObject<any>>(name: string, make: () => C): C {
    let c = this._children.get(name) as C | undefined;
    if (!c) {
      c = make();
      this._children.set(name, c);
    }
    return c;
  }

  protected _get(name: string): any {
    if (!this._loaded.has(name)) throw notLoaded(name);
    return this._loaded.get(name);
  }

  protected _set(name: string, value: unknown): void {
    const def = this._scalars[name];
    if (!def?.set) throw new OfficeError("InvalidArgument", `The property '${name}' is read-only.`);
    this.context.enqueue(() => {
      this._raiseFault("write");
      def.set!(this._resolve(), value, this);
    });
  }

  /** Which planned failure (faults.ts) a read or write of this object's properties can meet; none by default. */
  protected _faultKind(_action: "read" | "write"): FaultKind | undefined {
    return undefined;
  }

  /** Where this object is, for a failure planned on one sheet. */
  protected _faultSheet(): string | undefined {
    return undefined;
  }

  protected _raiseFault(action: "read" | "write"): void {
    const kind = this._faultKind(action);
    const sheet = kind && this.context.faults ? this._faultSheet() : undefined;
    if (kind) this.context.faults?.raise(kind, sheet === undefined ? {} : { sheet });
  }

  get isNullObject(): boolean {
    return this._get("isNullObject");
  }

  load(spec?: unknown): this {
    const paths = loadPaths(spec);
    const all = paths === "all" ? Object.keys(this._scalars).map((k) => [k]) : paths;
    for (const path of all) this._loadPath(path);
    return this;
  }

  protected _loadPath(path: string[]): void {
    const [head, ...rest] = path;
    if (head === undefined) return;
    if (head === "$all") {
      for (const k of Object.keys(this._scalars)) this._loadPath([k]);
      return;
    }
    const nav = this._navs[head];
    if (nav) {
      nav()._loadPath(rest.length ? rest : ["$all"]);
      return;
    }
    const def = this._scalars[head];
    if (!def?.get)
      throw new OfficeError("InvalidArgument", `The property '${head}' does not exist on this object.`);
    this.context.enqueueRead(() => {
      // Loading a property of a null object (getItemOrNullObject of a missing item) does not fail the
      // sync; the property is null, and the code reads isNullObject first.
      if (this._loaded.get("isNullObject") === true) {
        this._loaded.set(head, null);
        return;
      }
      this._raiseFault("read");
      const value = def.get!(this._resolve(), this);
      this._loaded.set(head, value);
    });
  }

  set(props: Record<string, unknown>): void {
    for (const [k, v] of Object.entries(props)) {
      const nav = this._navs[k];
      if (nav && v && typeof v === "object" && !Array.isArray(v)) nav().set(v as Record<string, unknown>);
      else this._set(k, v);
    }
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this._loaded);
  }

  /** Installs getters and setters for the scalar properties of a class. */
  static defineProps(cls: { prototype: object }, names: string[]): void {
    for (const name of names) {
      Object.defineProperty(cls.prototype, name, {
        configurable: true,
        get(this: ClientObject) {
          return this._get(name);
        },
        set(this: ClientObject, v: unknown) {
          this._set(name, v);
        },
      });
    }
  }
}

export class ClientResult<V> {
  private loaded = false;
  private v: V | undefined;
  constructor(ctx: RequestContext, compute: () => V) {
    ctx.enqueue(() => {
      this.v = compute();
      this.loaded = true;
    });
  }
  get value(): V {
    if (!this.loaded)
      throw new OfficeError(
        "PropertyNotLoaded",
        'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.',
      );
    return this.v as V;
  }
}

class EventSource {
  constructor(
    private readonly ctx: RequestContext,
    private readonly kind: "sheet" | "workbook",
    private readonly sheetId: () => string | undefined,
  ) {}
  /** Like OfficeExtension.EventHandlerResult: remove() is queued on the context that added the handler. */
  add(handler: Handler): { context: RequestContext; remove: () => void } {
    const reg: Registration = { kind: this.kind, handler, ctx: this.ctx };
    this.ctx.enqueueRead(() => {
      const id = this.sheetId();
      if (id !== undefined) reg.sheetId = id;
      this.ctx.hub.registrations.push(reg);
    });
    return {
      context: this.ctx,
      remove: () =>
        this.ctx.enqueueRead(() => {
          this.ctx.hub.registrations = this.ctx.hub.registrations.filter((r) => r !== reg);
        }),
    };
  }
}

/** A property bag for objects whose settings are only written by the add-in (page layout, charts, borders…). */
function bag(ctx: RequestContext, store: () => Record<string, unknown>, prefix = ""): any {
  const loaded = new Map<string, unknown>();
  const cache = new Map<string, any>();
  const target = {
    load(spec?: unknown) {
      const paths = loadPaths(spec);
      if (paths !== "all") {
        for (const p of paths) {
          const k = p.join(".");
          ctx.enqueueRead(() => loaded.set(k, store()[prefix + k] ?? null));
        }
      }
      return proxy;
    },
    set(props: Record<string, unknown>) {
      for (const [k, v] of Object.entries(props)) ctx.enqueue(() => (store()[prefix + k] = v));
    },
    toJSON: () => Object.fromEntries(loaded),
  };
  const proxy: any = new Proxy(target, {
    get(t, p: string | symbol) {
      if (typeof p === "symbol") return undefined;
      if (p in t) return (t as any)[p];
      if (p === "then") return undefined;
      if (loaded.has(p)) return loaded.get(p);
      let child = cache.get(p);
      if (!child) {
        const fn = (...args: unknown[]) => {
          ctx.enqueue(
            () =>
              (store()[`${prefix}${p}()`] = args.map((a) => (a instanceof ClientObject ? "[object]" : a))),
          );
          return bag(ctx, store, `${prefix}${p}().`);
        };
        child = new Proxy(fn, {
          get(_f, q: string | symbol) {
            if (typeof q === "symbol") return undefined;
            return bag(ctx, store, `${prefix}${p}.`)[q];
          },
          set(_f, q: string | symbol, v) {
            ctx.enqueue(() => (store()[`${prefix}${p}.${String(q)}`] = v));
            return true;
          },
        });
        cache.set(p, child);
      }
      return child;
    },
    set(_t, p: string | symbol, v) {
      ctx.enqueue(() => (store()[prefix + String(p)] = v));
      return true;
    },
  });
  return proxy;
}

// ───────────────────────────── Workbook ─────────────────────────────

export class Application extends ClientObject<WorkbookModel> {
  protected get _scalars() {
    return { calculationMode: { get: () => "Automatic", set: () => undefined } };
  }
  calculate(type = "Recalculate"): void {
    this.context.enqueue(() => {
      this._resolve().calculateRequests.push(type);
      this._resolve().recalculate();
    });
  }
  suspendApiCalculationUntilNextSync(): void {}
  suspendScreenUpdatingUntilNextSync(): void {}
}
ClientObject.defineProps(Application, ["calculationMode"]);

export class Workbook extends ClientObject<WorkbookModel> {
  protected get _scalars() {
    return { name: { get: () => "Book1.xlsx" } };
  }
  get worksheets(): WorksheetCollection {
    return this._child("worksheets", () => new WorksheetCollection(this.context, this._resolve));
  }
  get names(): NamedItemCollection {
    return this._child("names", () => new NamedItemCollection(this.context, this._resolve));
  }
  get tables(): TableCollection {
    return this._child("tables", () => new TableCollection(this.context, this._resolve, undefined));
  }
  get settings(): SettingCollection {
    return this._child("settings", () => new SettingCollection(this.context, this._resolve));
  }
  get comments(): CommentCollection {
    return this._child(
      "comments",
      () => new CommentCollection(this.context, this._resolve, "comment", undefined),
    );
  }
  get notes(): CommentCollection {
    return this._child("notes", () => new CommentCollection(this.context, this._resolve, "note", undefined));
  }
  get application(): Application {
    return this._child("application", () => new Application(this.context, this._resolve));
  }
  private readonly propertyStore: Record<string, unknown> = {};
  private propertyBag: unknown;
  /** Document properties (title, author…): written by add-ins, kept as a bag. */
  get properties(): any {
    this.propertyBag ??= bag(this.context, () => this.propertyStore);
    return this.propertyBag;
  }
  protected override get _navs() {
    return {
      worksheets: () => this.worksheets,
      names: () => this.names,
      tables: () => this.tables,
      settings: () => this.settings,
    };
  }
  getSelectedRange(): Range {
    const model = this._resolve();
    return new Range(this.context, () => {
      const sel = model.selection;
      if (!sel) throw new OfficeError("ItemNotFound", "There is no selection.");
      return { sheet: model.sheetById(sel.sheetId)!, rect: sel.rect };
    });
  }
  getActiveCell(): Range {
    const model = this._resolve();
    return new Range(this.context, () => {
      const sel = model.selection;
      if (!sel) throw new OfficeError("ItemNotFound", "There is no active cell.");
      return {
        sheet: model.sheetById(sel.sheetId)!,
        rect: { top: sel.rect.top, left: sel.rect.left, bottom: sel.rect.top, right: sel.rect.left },
      };
    });
  }
}
ClientObject.defineProps(Workbook, ["name"]);

// ───────────────────────────── Worksheets ─────────────────────────────

abstract class Collection<T, Item extends ClientObject<any>> extends ClientObject<T> {
  protected abstract _list(target: T): Array<() => unknown>;
  protected abstract _item(resolve: () => unknown): Item;
  private _items: Item[] | undefined;

  get items(): Item[] {
    if (!this._items) throw notLoaded("items");
    return this._items;
  }

  protected get _scalars(): Record<string, PropDef<T>> {
    return {};
  }

  override load(spec?: unknown): this {
    const paths = loadPaths(spec);
    const itemPaths =
      paths === "all"
        ? "all"
        : paths.map((p) => (p[0] === "items" ? p.slice(1) : p)).filter((p) => p.length > 0);
    this.context.enqueueRead(() => {
      const resolvers = this._list(this._resolve());
      const items = resolvers.map((r) => this._item(r));
      this._items = items;
      // Item properties are read in the same step of the sync, in order.
      for (const item of items) {
        const props =
          itemPaths === "all" || itemPaths.length === 0
            ? Object.keys((item as any)._scalars).map((k) => [k])
            : itemPaths;
        for (const p of props) (item as any)._loadNow(p);
      }
    });
    return this;
  }

  getCount(): ClientResult<number> {
    return new ClientResult(this.context, () => this._list(this._resolve()).length);
  }
}

/** Loads a property immediately (used while a collection's items are loaded inside sync). */
(ClientObject.prototype as any)._loadNow = function (this: any, path: string[]): void {
  const saved = this.context.enqueue;
  const ops: Array<() => void> = [];
  this.context.enqueue = (op: () => void) => ops.push(op);
  try {
    this._loadPath(path);
  } finally {
    this.context.enqueue = saved;
  }
  for (const op of ops) op();
};

export class WorksheetCollection extends Collection<WorkbookModel, Worksheet> {
  protected _list(model: WorkbookModel) {
    return model.sheets.map((s) => () => s);
  }
  protected _item(resolve: () => unknown): Worksheet {
    return new Worksheet(this.context, resolve as () => SheetModel);
  }
  get onChanged(): EventSource {
    return new EventSource(this.context, "workbook", () => undefined);
  }
  get onActivated(): EventSource {
    return new EventSource(this.context, "workbook", () => undefined);
  }
  add(name?: string): Worksheet {
    const model = this._resolve();
    const id = newId("sheet");
    const sheetName = name ?? `Sheet${model.sheets.length + 1}`;
    this.context.enqueue(() => {
      try {
        model.addSheet(sheetName, id);
      } catch (e) {
        throw new OfficeError((e as { code?: string }).code ?? "InvalidArgument", (e as Error).message);
      }
    });
    return new Worksheet(this.context, () => {
      const s = model.sheetById(id);
      if (!s) throw new OfficeError("ItemNotFound", `Worksheet ${sheetName} not found`);
      return s;
    });
  }
  getItem(key: string): Worksheet {
    const model = this._resolve();
    const find = (): SheetModel | undefined => model.sheetByName(key) ?? model.sheetById(key);
    this.context.enqueueRead(() => {
      if (!find())
        throw new OfficeError("ItemNotFound", `The requested resource doesn't exist. (worksheet "${key}")`);
    });
    return new Worksheet(this.context, () => {
      const s = find();
      if (!s)
        throw new OfficeError("ItemNotFound", `The requested resource doesn't exist. (worksheet "${key}")`);
      return s;
    });
  }
  getItemOrNullObject(key: string): Worksheet {
    const model = this._resolve();
    const find = (): SheetModel | undefined => model.sheetByName(key) ?? model.sheetById(key);
    const ws = new Worksheet(this.context, () => {
      const s = find();
      if (!s) throw new OfficeError("InvalidObjectPath", `The worksheet "${key}" is a null object.`);
      return s;
    });
    this.context.enqueueRead(() => (ws as any)._loaded.set("isNullObject", !find()));
    return ws;
  }
  getActiveWorksheet(): Worksheet {
    const model = this._resolve();
    return new Worksheet(this.context, () => model.sheetById(model.activeSheetId!) ?? model.sheets[0]!);
  }
  getFirst(): Worksheet {
    const model = this._resolve();
    return new Worksheet(this.context, () => model.sheets[0]!);
  }
  getLast(): Worksheet {
    const model = this._resolve();
    return new Worksheet(this.context, () => model.sheets[model.sheets.length - 1]!);
  }
}

export class Worksheet extends ClientObject<SheetModel> {
  private get model(): WorkbookModel {
    return this.context.model;
  }
  protected get _scalars(): Record<string, PropDef<SheetModel>> {
    const model = this.context.model;
    return {
      name: {
        get: (s) => s.name,
        set: (s, v: string) => {
          const other = model.sheetByName(v);
          if (other && other !== s)
            throw new OfficeError("ItemAlreadyExists", `A sheet named "${v}" already exists.`);
          s.name = v;
        },
      },
      id: { get: (s) => s.id },
      position: {
        get: (s) => model.sheets.indexOf(s),
        set: (s, v: number) => {
          model.sheets.splice(model.sheets.indexOf(s), 1);
          model.sheets.splice(Math.max(0, Math.min(v, model.sheets.length)), 0, s);
        },
      },
      visibility: {
        get: (s) => s.visibility,
        set: (s, v: SheetModel["visibility"]) => {
          if (
            v !== "Visible" &&
            model.sheets.filter((x) => x.visibility === "Visible" && x !== s).length === 0
          ) {
            throw new OfficeError(
              "InvalidOperation",
              "A workbook must contain at least one visible worksheet.",
            );
          }
          s.visibility = v;
        },
      },
      tabColor: { get: (s) => s.props.tabColor ?? "", set: (s, v) => (s.props.tabColor = v) },
      showGridlines: {
        get: (s) => s.props.showGridlines ?? true,
        set: (s, v) => (s.props.showGridlines = v),
      },
      standardWidth: {
        get: (s) => s.props.standardWidth ?? 8.43,
        set: (s, v) => (s.props.standardWidth = v),
      },
    };
  }
  protected override get _navs() {
    return { protection: () => this.protection, tables: () => this.tables, charts: () => this.charts };
  }
  get onChanged(): EventSource {
    return new EventSource(this.context, "sheet", () => this._resolve().id);
  }
  get onSelectionChanged(): EventSource {
    return new EventSource(this.context, "sheet", () => this._resolve().id);
  }
  get onActivated(): EventSource {
    return new EventSource(this.context, "sheet", () => this._resolve().id);
  }
  get protection(): WorksheetProtection {
    return this._child("protection", () => new WorksheetProtection(this.context, this._resolve));
  }
  get tables(): TableCollection {
    return this._child("tables", () => new TableCollection(this.context, () => this.model, this._resolve));
  }
  get charts(): ChartCollection {
    return this._child("charts", () => new ChartCollection(this.context, this._resolve));
  }
  get names(): NamedItemCollection {
    return this._child("names", () => new NamedItemCollection(this.context, () => this.model));
  }
  get comments(): CommentCollection {
    return this._child(
      "comments",
      () => new CommentCollection(this.context, () => this.model, "comment", this._resolve),
    );
  }
  get notes(): CommentCollection {
    return this._child(
      "notes",
      () => new CommentCollection(this.context, () => this.model, "note", this._resolve),
    );
  }
  private pageLayoutBag: unknown;
  /** Print setup, kept as a bag of the settings written. */
  get pageLayout(): any {
    this.pageLayoutBag ??= bag(this.context, () => this._resolve().props, "pageLayout.");
    return this.pageLayoutBag;
  }
  get freezePanes(): any {
    const ctx = this.context;
    const resolve = this._resolve;
    return {
      freezeRows: (n: number) => ctx.enqueue(() => (resolve().frozenRows = n)),
      freezeColumns: (n: number) => ctx.enqueue(() => (resolve().frozenColumns = n)),
      freezeAt: (r: Range | string) =>
        ctx.enqueue(() => {
          const rect = typeof r === "string" ? parseRange(r)! : r._target().rect;
          resolve().frozenRows = rect.bottom + 1;
          resolve().frozenColumns = rect.right + 1;
        }),
      unfreeze: () =>
        ctx.enqueue(() => {
          resolve().frozenRows = 0;
          resolve().frozenColumns = 0;
        }),
    };
  }
  getRange(address?: string): Range {
    return new Range(this.context, () => {
      const sheet = this._resolve();
      if (address === undefined)
        return { sheet, rect: { top: 0, left: 0, bottom: 1_048_575, right: 16_383 } };
      const named = this.model.resolveName(address);
      const ref =
        named && typeof named === "object" && !(named instanceof CellError)
          ? (named as RangeRef)
          : parseRange(address);
      if (!ref)
        throw new OfficeError(
          "InvalidArgument",
          `The argument is invalid or missing or has an incorrect format. (address "${address}")`,
        );
      const target = ref.sheet ? this.model.sheetByName(ref.sheet) : sheet;
      if (!target) throw new OfficeError("ItemNotFound", `No sheet ${ref.sheet}`);
      return { sheet: target, rect: ref };
    });
  }
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): Range {
    return new Range(this.context, () => ({
      sheet: this._resolve(),
      rect: {
        top: startRow,
        left: startColumn,
        bottom: startRow + rowCount - 1,
        right: startColumn + columnCount - 1,
      },
    }));
  }
  getCell(row: number, column: number): Range {
    return this.getRangeByIndexes(row, column, 1, 1);
  }
  getUsedRange(valuesOnly?: boolean): Range {
    return new Range(this.context, () => {
      const sheet = this._resolve();
      return {
        sheet,
        rect: this.model.usedRect(sheet, Boolean(valuesOnly)) ?? { top: 0, left: 0, bottom: 0, right: 0 },
      };
    });
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): Range {
    const r = new Range(this.context, () => {
      const sheet = this._resolve();
      const rect = this.model.usedRect(sheet, Boolean(valuesOnly));
      if (!rect) throw new OfficeError("InvalidObjectPath", "The used range is a null object.");
      return { sheet, rect };
    });
    this.context.enqueue(() =>
      (r as any)._loaded.set("isNullObject", !this.model.usedRect(this._resolve(), Boolean(valuesOnly))),
    );
    return r;
  }
  activate(): void {
    this.context.enqueue(() => {
      const s = this._resolve();
      this.model.activeSheetId = s.id;
      this.model.selection = { sheetId: s.id, rect: { top: 0, left: 0, bottom: 0, right: 0 } };
    });
  }
  delete(): void {
    this.context.enqueue(() => {
      const s = this._resolve();
      if (this.model.sheets.length === 1)
        throw new OfficeError("InvalidOperation", "A workbook must contain at least one worksheet.");
      this.model.sheets = this.model.sheets.filter((x) => x !== s);
      this.model.tables = this.model.tables.filter((t) => t.sheetId !== s.id);
      if (this.model.activeSheetId === s.id) this.model.activeSheetId = this.model.sheets[0]!.id;
    });
  }
}
ClientObject.defineProps(Worksheet, [
  "name",
  "id",
  "position",
  "visibility",
  "tabColor",
  "showGridlines",
  "standardWidth",
]);

export class WorksheetProtection extends ClientObject<SheetModel> {
  protected get _scalars(): Record<string, PropDef<SheetModel>> {
    return { protected: { get: (s) => s.protected }, options: { get: (s) => ({ ...s.protectionOptions }) } };
  }
  protect(options?: Record<string, unknown>, password?: string): void {
    this.context.enqueue(() => {
      const s = this._resolve();
      if (s.protected) throw new OfficeError("InvalidOperation", "The worksheet is already protected.");
      s.protected = true;
      s.protectionOptions = { ...(options ?? {}) };
      if (password !== undefined) s.password = password;
    });
  }
  unprotect(password?: string): void {
    this.context.enqueue(() => {
      const s = this._resolve();
      if (s.protected && s.password !== undefined && s.password !== password)
        throw new OfficeError("InvalidArgument", "The password is incorrect.");
      s.protected = false;
      delete s.password;
    });
  }
}
ClientObject.defineProps(WorksheetProtection, ["protected", "options"]);

// ───────────────────────────── Ranges ─────────────────────────────

export interface RangeTarget {
  sheet: SheetModel;
  rect: Rect;
}

function grid<T>(rect: Rect, f: (row: number, col: number) => T): T[][] {
  const out: T[][] = [];
  for (let r = rect.top; r <= rect.bottom; r++) {
    const row: T[] = [];
    for (let c = rect.left; c <= rect.right; c++) row.push(f(r, c));
    out.push(row);
  }
  return out;
}

function cellValueOut(v: Scalar): unknown {
  if (v === null) return "";
  if (v instanceof CellError) return v.code;
  return v;
}

function forEachInput(
  rect: Rect,
  input: unknown,
  name: string,
  f: (row: number, col: number, v: unknown) => void,
): void {
  const rows = rect.bottom - rect.top + 1;
  const cols = rect.right - rect.left + 1;
  if (!Array.isArray(input)) {
    for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) f(rect.top + r, rect.left + c, input);
    return;
  }
  if (input.length !== rows || input.some((row) => !Array.isArray(row) || row.length !== cols)) {
    throw new OfficeError(
      "InvalidArgument",
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range. (${name}: range is ${rows}×${cols})`,
    );
  }
  input.forEach((row: unknown[], r) => row.forEach((v, c) => f(rect.top + r, rect.left + c, v)));
}

export class Range extends ClientObject<RangeTarget> {
  _target(): RangeTarget {
    return this._resolve();
  }
  /** Records the range's address in the model's rangeLoads when the load is applied (not for a null object). */
  override load(spec?: unknown): this {
    this.context.enqueueRead(() => {
      if (this._loaded.get("isNullObject") === true) return;
      const t = this._resolve();
      this.model.rangeLoads.push(formatRange(t.sheet.name, t.rect));
    });
    return super.load(spec);
  }
  private get model(): WorkbookModel {
    return this.context.model;
  }
  protected override _faultKind(action: "read" | "write"): FaultKind {
    return action === "read" ? "range-read" : "range-write";
  }
  protected override _faultSheet(): string {
    return this._resolve().sheet.name;
  }
  private checkWritable(t: RangeTarget, what: "values" | "format"): void {
    if (!t.sheet.protected) return;
    if (what === "format" && t.sheet.protectionOptions.allowFormatCells) return;
    for (let r = t.rect.top; r <= t.rect.bottom; r++) {
      for (let c = t.rect.left; c <= t.rect.right; c++) {
        if (this.model.cell(t.sheet, r, c).locked) {
          throw new OfficeError(
            "AccessDenied",
            `The cell or chart you're trying to change is on a protected sheet. (${t.sheet.name}!${cellName(r, c)})`,
          );
        }
      }
    }
  }
  private written(t: RangeTarget): void {
    this.context.changes.push({ sheetId: t.sheet.id, rect: t.rect });
  }
  protected get _scalars(): Record<string, PropDef<RangeTarget>> {
    const model = this.context.model;
    const cell = (t: RangeTarget, r: number, c: number): CellData => model.cell(t.sheet, r, c);
    return {
      address: { get: (t) => formatRange(t.sheet.name, t.rect) },
      addressLocal: { get: (t) => formatRange(t.sheet.name, t.rect) },
      rowIndex: { get: (t) => t.rect.top },
      columnIndex: { get: (t) => t.rect.left },
      rowCount: { get: (t) => t.rect.bottom - t.rect.top + 1 },
      columnCount: { get: (t) => t.rect.right - t.rect.left + 1 },
      cellCount: { get: (t) => (t.rect.bottom - t.rect.top + 1) * (t.rect.right - t.rect.left + 1) },
      values: {
        get: (t) => grid(t.rect, (r, c) => cellValueOut(cell(t, r, c).value)),
        set: (t, v) => {
          this.checkWritable(t, "values");
          forEachInput(t.rect, v, "values", (r, c, x) => model.setCellInput(t.sheet, r, c, x));
          this.written(t);
        },
      },
      formulas: {
        get: (t) => grid(t.rect, (r, c) => cell(t, r, c).formula ?? cellValueOut(cell(t, r, c).value)),
        set: (t, v) => {
          this.checkWritable(t, "values");
          forEachInput(t.rect, v, "formulas", (r, c, x) => model.setCellInput(t.sheet, r, c, x));
          this.written(t);
        },
      },
      numberFormat: {
        get: (t) => grid(t.rect, (r, c) => cell(t, r, c).numberFormat),
        set: (t, v) => {
          this.checkWritable(t, "format");
          forEachInput(
            t.rect,
            v,
            "numberFormat",
            (r, c, x) => (model.mutableCell(t.sheet, r, c).numberFormat = String(x)),
          );
        },
      },
      text: {
        get: (t) =>
          grid(t.rect, (r, c) => WorkbookModel.display(cell(t, r, c).value, cell(t, r, c).numberFormat)),
      },
      valueTypes: { get: (t) => grid(t.rect, (r, c) => WorkbookModel.valueType(cell(t, r, c).value)) },
    };
  }
  protected override get _navs() {
    return {
      format: () => this.format,
      dataValidation: () => this.dataValidation,
      worksheet: () => this.worksheet,
    };
  }
  get format(): RangeFormat {
    return this._child("format", () => new RangeFormat(this.context, this._resolve));
  }
  get dataValidation(): DataValidation {
    return this._child("dataValidation", () => new DataValidation(this.context, this._resolve));
  }
  get conditionalFormats(): any {
    const ctx = this.context;
    const resolve = this._resolve;
    return {
      add: (type: string) => {
        const props: Record<string, unknown> = {};
        ctx.enqueue(() => {
          const t = resolve();
          t.sheet.conditionalFormats.push({ range: formatRange(t.sheet.name, t.rect), type, props });
        });
        return bag(ctx, () => props);
      },
      clearAll: () =>
        ctx.enqueue(() => {
          const t = resolve();
          const addr = formatRange(t.sheet.name, t.rect);
          t.sheet.conditionalFormats = t.sheet.conditionalFormats.filter((f) => f.range !== addr);
        }),
      getCount: () => new ClientResult(ctx, () => resolve().sheet.conditionalFormats.length),
    };
  }
  get worksheet(): Worksheet {
    return this._child("worksheet", () => new Worksheet(this.context, () => this._resolve().sheet));
  }
  private derive(f: (t: RangeTarget) => Rect): Range {
    return new Range(this.context, () => {
      const t = this._resolve();
      return { sheet: t.sheet, rect: f(t) };
    });
  }
  getCell(row: number, column: number): Range {
    return this.derive(({ rect }) => ({
      top: rect.top + row,
      left: rect.left + column,
      bottom: rect.top + row,
      right: rect.left + column,
    }));
  }
  getRow(row: number): Range {
    return this.derive(({ rect }) => ({
      top: rect.top + row,
      bottom: rect.top + row,
      left: rect.left,
      right: rect.right,
    }));
  }
  getColumn(column: number): Range {
    return this.derive(({ rect }) => ({
      top: rect.top,
      bottom: rect.bottom,
      left: rect.left + column,
      right: rect.left + column,
    }));
  }
  getOffsetRange(rows: number, columns: number): Range {
    return this.derive(({ rect }) => ({
      top: rect.top + rows,
      bottom: rect.bottom + rows,
      left: rect.left + columns,
      right: rect.right + columns,
    }));
  }
  getResizedRange(deltaRows: number, deltaColumns: number): Range {
    return this.derive(({ rect }) => ({
      ...rect,
      bottom: rect.bottom + deltaRows,
      right: rect.right + deltaColumns,
    }));
  }
  getLastCell(): Range {
    return this.derive(({ rect }) => ({
      top: rect.bottom,
      bottom: rect.bottom,
      left: rect.right,
      right: rect.right,
    }));
  }
  getLastRow(): Range {
    return this.derive(({ rect }) => ({ ...rect, top: rect.bottom }));
  }
  getEntireColumn(): Range {
    return this.derive(({ rect }) => ({ ...rect, top: 0, bottom: 1_048_575 }));
  }
  getEntireRow(): Range {
    return this.derive(({ rect }) => ({ ...rect, left: 0, right: 16_383 }));
  }
  getUsedRange(valuesOnly?: boolean): Range {
    return this.derive((t) => {
      const used = this.model.usedRect(t.sheet, Boolean(valuesOnly));
      if (!used) return { top: t.rect.top, left: t.rect.left, bottom: t.rect.top, right: t.rect.left };
      return {
        top: Math.max(used.top, t.rect.top),
        left: Math.max(used.left, t.rect.left),
        bottom: Math.min(used.bottom, t.rect.bottom),
        right: Math.min(used.right, t.rect.right),
      };
    });
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): Range {
    const r = this.getUsedRange(valuesOnly);
    this.context.enqueue(() =>
      (r as any)._loaded.set(
        "isNullObject",
        !this.model.usedRect(this._resolve().sheet, Boolean(valuesOnly)),
      ),
    );
    return r;
  }
  select(): void {
    this.context.enqueue(() => {
      const t = this._resolve();
      this.model.activeSheetId = t.sheet.id;
      this.model.selection = { sheetId: t.sheet.id, rect: t.rect };
    });
  }
  clear(applyTo?: string): void {
    this.context.enqueue(() => {
      const t = this._resolve();
      this.checkWritable(t, "values");
      for (let r = t.rect.top; r <= t.rect.bottom; r++) {
        for (let c = t.rect.left; c <= t.rect.right; c++) {
          const cell = this.model.mutableCell(t.sheet, r, c);
          if (!applyTo || applyTo === "All" || applyTo === "Contents") {
            cell.value = null;
            delete cell.formula;
          }
          if (!applyTo || applyTo === "All" || applyTo === "Formats") {
            Object.assign(cell, { ...blankCell(), value: cell.value, formula: cell.formula });
          }
        }
      }
      this.written(t);
    });
  }
  merge(across?: boolean): void {
    this.context.enqueue(() => {
      const t = this._resolve();
      t.sheet.merged.push(formatRange(t.sheet.name, t.rect) + (across ? " across" : ""));
    });
  }
  unmerge(): void {
    this.context.enqueue(() => {
      const t = this._resolve();
      const addr = formatRange(t.sheet.name, t.rect);
      t.sheet.merged = t.sheet.merged.filter((m) => !m.startsWith(addr));
    });
  }
  calculate(): void {
    this.context.enqueue(() => this.model.recalculate());
  }
  track(): this {
    return this;
  }
  untrack(): this {
    return this;
  }
}
ClientObject.defineProps(Range, [
  "address",
  "addressLocal",
  "rowIndex",
  "columnIndex",
  "rowCount",
  "columnCount",
  "cellCount",
  "values",
  "formulas",
  "numberFormat",
  "text",
  "valueTypes",
]);

/** A property stored per cell in CellData.format; reads give the common value or null when cells differ. */
function perCell(model: WorkbookModel, key: string, fallback: unknown): PropDef<RangeTarget> {
  return {
    get: (t) => {
      let first: unknown;
      let seen = false;
      for (let r = t.rect.top; r <= Math.min(t.rect.bottom, t.rect.top + 2000); r++) {
        for (let c = t.rect.left; c <= Math.min(t.rect.right, t.rect.left + 200); c++) {
          const v = model.cell(t.sheet, r, c).format[key] ?? fallback;
          if (!seen) {
            first = v;
            seen = true;
          } else if (v !== first) return null;
        }
      }
      return first;
    },
    set: (t, v) => {
      for (let r = t.rect.top; r <= Math.min(t.rect.bottom, t.rect.top + 5000); r++) {
        for (let c = t.rect.left; c <= Math.min(t.rect.right, t.rect.left + 200); c++)
          model.mutableCell(t.sheet, r, c).format[key] = v;
      }
    },
  };
}

/** Column width or row height: kept per column or row of the sheet, as Excel does. */
function perLine(kind: "columnWidths" | "rowHeights", fallback: number): PropDef<RangeTarget> {
  const span = (t: RangeTarget): [number, number] =>
    kind === "columnWidths" ? [t.rect.left, t.rect.right] : [t.rect.top, t.rect.bottom];
  return {
    get: (t) => {
      const [from, to] = span(t);
      const first = t.sheet[kind][from] ?? fallback;
      for (let i = from + 1; i <= to; i++) if ((t.sheet[kind][i] ?? fallback) !== first) return null;
      return first;
    },
    set: (t, v) => {
      if (typeof v !== "number" || !(v >= 0))
        throw new OfficeError(
          "InvalidArgument",
          `The ${kind === "columnWidths" ? "column width" : "row height"} must be a number ≥ 0.`,
        );
      const [from, to] = span(t);
      // A whole column's row height (or a whole row's width) would be every line of the sheet: keep a few thousand.
      for (let i = from; i <= Math.min(to, from + 5000); i++) t.sheet[kind][i] = v;
    },
  };
}

export class RangeFormat extends ClientObject<RangeTarget> {
  protected get _scalars(): Record<string, PropDef<RangeTarget>> {
    const m = this.context.model;
    return {
      columnWidth: perLine("columnWidths", 64),
      rowHeight: perLine("rowHeights", 15),
      wrapText: perCell(m, "wrapText", false),
      horizontalAlignment: perCell(m, "horizontalAlignment", "General"),
      verticalAlignment: perCell(m, "verticalAlignment", "Bottom"),
      indentLevel: perCell(m, "indentLevel", 0),
      shrinkToFit: perCell(m, "shrinkToFit", false),
      textOrientation: perCell(m, "textOrientation", 0),
    };
  }
  protected override get _navs() {
    return { font: () => this.font, fill: () => this.fill, protection: () => this.protection };
  }
  get font(): RangeFont {
    return this._child("font", () => new RangeFont(this.context, this._resolve));
  }
  get fill(): RangeFill {
    return this._child("fill", () => new RangeFill(this.context, this._resolve));
  }
  get protection(): FormatProtection {
    return this._child("protection", () => new FormatProtection(this.context, this._resolve));
  }
  get borders(): any {
    const store: Record<string, unknown> = {};
    return { getItem: (index: string) => bag(this.context, () => store, `${index}.`) };
  }
  autofitColumns(): void {}
  autofitRows(): void {}
}
ClientObject.defineProps(RangeFormat, [
  "columnWidth",
  "rowHeight",
  "wrapText",
  "horizontalAlignment",
  "verticalAlignment",
  "indentLevel",
  "shrinkToFit",
  "textOrientation",
]);

export class RangeFont extends ClientObject<RangeTarget> {
  protected get _scalars(): Record<string, PropDef<RangeTarget>> {
    const m = this.context.model;
    return {
      name: perCell(m, "font.name", "Calibri"),
      size: perCell(m, "font.size", 11),
      bold: perCell(m, "font.bold", false),
      italic: perCell(m, "font.italic", false),
      color: perCell(m, "font.color", "#000000"),
      underline: perCell(m, "font.underline", "None"),
      strikethrough: perCell(m, "font.strikethrough", false),
    };
  }
}
ClientObject.defineProps(RangeFont, [
  "name",
  "size",
  "bold",
  "italic",
  "color",
  "underline",
  "strikethrough",
]);

export class RangeFill extends ClientObject<RangeTarget> {
  protected get _scalars(): Record<string, PropDef<RangeTarget>> {
    const m = this.context.model;
    return { color: perCell(m, "fill.color", "#FFFFFF"), pattern: perCell(m, "fill.pattern", "Solid") };
  }
  clear(): void {
    this.context.enqueue(() =>
      perCell(this.context.model, "fill.color", "#FFFFFF").set!(this._resolve(), undefined, this),
    );
  }
}
ClientObject.defineProps(RangeFill, ["color", "pattern"]);

export class FormatProtection extends ClientObject<RangeTarget> {
  protected get _scalars(): Record<string, PropDef<RangeTarget>> {
    const m = this.context.model;
    const locked: PropDef<RangeTarget> = {
      get: (t) => {
        const first = m.cell(t.sheet, t.rect.top, t.rect.left).locked;
        for (let r = t.rect.top; r <= t.rect.bottom; r++)
          for (let c = t.rect.left; c <= t.rect.right; c++)
            if (m.cell(t.sheet, r, c).locked !== first) return null;
        return first;
      },
      set: (t, v: boolean) => {
        if (t.sheet.protected) throw new OfficeError("AccessDenied", "The sheet is protected.");
        for (let r = t.rect.top; r <= t.rect.bottom; r++)
          for (let c = t.rect.left; c <= t.rect.right; c++) m.mutableCell(t.sheet, r, c).locked = v;
      },
    };
    return { locked, formulaHidden: perCell(m, "formulaHidden", false) };
  }
}
ClientObject.defineProps(FormatProtection, ["locked", "formulaHidden"]);

export class DataValidation extends ClientObject<RangeTarget> {
  protected get _scalars(): Record<string, PropDef<RangeTarget>> {
    const m = this.context.model;
    const first = (t: RangeTarget) => m.cell(t.sheet, t.rect.top, t.rect.left).validation;
    const each = (t: RangeTarget, f: (c: CellData) => void): void => {
      for (let r = t.rect.top; r <= t.rect.bottom; r++)
        for (let c = t.rect.left; c <= t.rect.right; c++) f(m.mutableCell(t.sheet, r, c));
    };
    const field = (k: "prompt" | "errorAlert" | "ignoreBlanks"): PropDef<RangeTarget> => ({
      get: (t) => first(t)?.[k] ?? null,
      set: (t, v) =>
        each(t, (c) => {
          c.validation ??= { rule: {} };
          (c.validation as any)[k] = v;
        }),
    });
    return {
      rule: {
        get: (t) => first(t)?.rule ?? {},
        set: (t, v) =>
          each(t, (c) => {
            c.validation = { ...(c.validation ?? {}), rule: v };
          }),
      },
      prompt: field("prompt"),
      errorAlert: field("errorAlert"),
      ignoreBlanks: field("ignoreBlanks"),
      type: { get: (t) => Object.keys(first(t)?.rule ?? {})[0] ?? "None" },
    };
  }
  clear(): void {
    this.context.enqueue(() => {
      const t = this._resolve();
      for (let r = t.rect.top; r <= t.rect.bottom; r++)
        for (let c = t.rect.left; c <= t.rect.right; c++)
          delete this.context.model.mutableCell(t.sheet, r, c).validation;
    });
  }
}
ClientObject.defineProps(DataValidation, ["rule", "prompt", "errorAlert", "ignoreBlanks", "type"]);

// ───────────────────────────── Names, tables, settings, charts, comments ─────────────────────────────

export class NamedItemCollection extends Collection<WorkbookModel, NamedItem> {
  protected _list(model: WorkbookModel) {
    return [...model.names.values()].map((n) => () => n);
  }
  protected _item(resolve: () => unknown): NamedItem {
    return new NamedItem(this.context, resolve as () => NameModel);
  }
  add(name: string, reference: Range | string, comment?: string): NamedItem {
    const model = this._resolve();
    this.context.enqueue(() => {
      if (model.names.has(name.toLowerCase()))
        throw new OfficeError("ItemAlreadyExists", `The name "${name}" already exists.`);
      if (!/^[A-Za-z_\\][\w.]*$/.test(name) || parseRange(name))
        throw new OfficeError("InvalidArgument", `"${name}" is not a valid name.`);
      const formula =
        typeof reference === "string"
          ? reference.startsWith("=")
            ? reference
            : `=${reference}`
          : `=${formatRange(reference._target().sheet.name, reference._target().rect)}`;
      model.names.set(name.toLowerCase(), { name, formula, comment: comment ?? "", visible: true });
    });
    return this.getItem(name, false);
  }
  addFormulaLocal(name: string, formula: string, comment?: string): NamedItem {
    return this.add(name, formula, comment);
  }
  getItem(name: string, check = true): NamedItem {
    const model = this._resolve();
    if (check) {
      this.context.enqueueRead(() => {
        if (!model.names.has(name.toLowerCase()))
          throw new OfficeError("ItemNotFound", `The name "${name}" doesn't exist.`);
      });
    }
    return new NamedItem(this.context, () => {
      const n = model.names.get(name.toLowerCase());
      if (!n) throw new OfficeError("ItemNotFound", `The name "${name}" doesn't exist.`);
      return n;
    });
  }
  getItemOrNullObject(name: string): NamedItem {
    const item = this.getItem(name, false);
    const model = this._resolve();
    this.context.enqueueRead(() =>
      (item as any)._loaded.set("isNullObject", !model.names.has(name.toLowerCase())),
    );
    return item;
  }
}

export class NamedItem extends ClientObject<NameModel> {
  protected get _scalars(): Record<string, PropDef<NameModel>> {
    const model = this.context.model;
    return {
      name: { get: (n) => n.name },
      formula: {
        get: (n) => n.formula,
        set: (n, v: string) => (n.formula = v.startsWith("=") ? v : `=${v}`),
      },
      comment: { get: (n) => n.comment, set: (n, v) => (n.comment = v) },
      visible: { get: (n) => n.visible, set: (n, v) => (n.visible = v) },
      type: { get: (n) => (parseRange(n.formula.replace(/^=/, "")) ? "Range" : "String") },
      value: {
        get: (n) => {
          const r = model.resolveName(n.name);
          return r && typeof r === "object" && !(r instanceof CellError)
            ? n.formula.replace(/^=/, "")
            : cellValueOut(r as Scalar);
        },
      },
    };
  }
  getRange(): Range {
    return new Range(this.context, () => {
      const n = this._resolve();
      const ref = parseRange(n.formula.replace(/^=/, ""));
      const sheet = ref?.sheet ? this.context.model.sheetByName(ref.sheet) : undefined;
      if (!ref || !sheet)
        throw new OfficeError("InvalidOperation", `The name "${n.name}" does not refer to a range.`);
      return { sheet, rect: ref };
    });
  }
  getRangeOrNullObject(): Range {
    return this.getRange();
  }
  delete(): void {
    this.context.enqueue(() => this.context.model.names.delete(this._resolve().name.toLowerCase()));
  }
}
ClientObject.defineProps(NamedItem, ["name", "formula", "comment", "visible", "type", "value"]);

function overlaps(a: Rect, b: Rect): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

export class TableCollection extends Collection<WorkbookModel, Table> {
  constructor(
    ctx: RequestContext,
    resolve: () => WorkbookModel,
    private readonly sheet: (() => SheetModel) | undefined,
  ) {
    super(ctx, resolve);
  }
  protected _list(model: WorkbookModel) {
    const sheetId = this.sheet?.().id;
    return model.tables.filter((t) => !sheetId || t.sheetId === sheetId).map((t) => () => t);
  }
  protected _item(resolve: () => unknown): Table {
    return new Table(this.context, resolve as () => TableModel);
  }
  add(address: Range | string, hasHeaders: boolean): Table {
    const model = this._resolve();
    const id = newId("table");
    this.context.enqueue(() => {
      let sheet: SheetModel | undefined;
      let rect: Rect;
      if (typeof address === "string") {
        const ref = parseRange(address);
        if (!ref) throw new OfficeError("InvalidArgument", `Bad table address ${address}`);
        sheet = ref.sheet ? model.sheetByName(ref.sheet) : this.sheet?.();
        rect = ref;
      } else {
        const t = address._target();
        sheet = t.sheet;
        rect = t.rect;
      }
      if (!sheet) throw new OfficeError("ItemNotFound", "The table's worksheet was not found.");
      if (model.tables.some((t) => t.sheetId === sheet!.id && overlaps(t.rect, rect))) {
        throw new OfficeError("InvalidOperation", "A table can't overlap another table.");
      }
      const name = `Table${model.tables.length + 1}`;
      model.tables.push({
        id,
        name,
        sheetId: sheet.id,
        rect: { top: rect.top, left: rect.left, bottom: rect.bottom, right: rect.right },
        showHeaders: hasHeaders,
        style: "TableStyleMedium2",
        props: {},
      });
    });
    return new Table(this.context, () => {
      const t = model.tables.find((x) => x.id === id);
      if (!t) throw new OfficeError("ItemNotFound", "Table not found");
      return t;
    });
  }
  getItem(key: string): Table {
    const model = this._resolve();
    const find = () => model.tables.find((t) => t.name.toLowerCase() === key.toLowerCase() || t.id === key);
    this.context.enqueue(() => {
      if (!find()) throw new OfficeError("ItemNotFound", `The table "${key}" doesn't exist.`);
    });
    return new Table(this.context, () => find()!);
  }
  getItemOrNullObject(key: string): Table {
    const model = this._resolve();
    const find = () => model.tables.find((t) => t.name.toLowerCase() === key.toLowerCase() || t.id === key);
    const table = new Table(this.context, () => {
      const t = find();
      if (!t) throw new OfficeError("InvalidObjectPath", `The table "${key}" is a null object.`);
      return t;
    });
    this.context.enqueue(() => (table as any)._loaded.set("isNullObject", !find()));
    return table;
  }
}

export class Table extends ClientObject<TableModel> {
  protected get _scalars(): Record<string, PropDef<TableModel>> {
    const model = this.context.model;
    return {
      id: { get: (t) => t.id },
      name: {
        get: (t) => t.name,
        set: (t, v: string) => {
          if (!/^[A-Za-z_\\][\w.]*$/.test(v))
            throw new OfficeError("InvalidArgument", `"${v}" is not a valid table name.`);
          if (model.tables.some((x) => x !== t && x.name.toLowerCase() === v.toLowerCase()))
            throw new OfficeError("ItemAlreadyExists", `A table named ${v} already exists.`);
          if (model.names.has(v.toLowerCase()))
            throw new OfficeError("ItemAlreadyExists", `The name ${v} is already used.`);
          t.name = v;
        },
      },
      style: { get: (t) => t.style, set: (t, v) => (t.style = v) },
      showHeaders: { get: (t) => t.showHeaders, set: (t, v) => (t.showHeaders = v) },
      showTotals: { get: (t) => t.props.showTotals ?? false, set: (t, v) => (t.props.showTotals = v) },
      showBandedRows: {
        get: (t) => t.props.showBandedRows ?? true,
        set: (t, v) => (t.props.showBandedRows = v),
      },
      showBandedColumns: {
        get: (t) => t.props.showBandedColumns ?? false,
        set: (t, v) => (t.props.showBandedColumns = v),
      },
      showFilterButton: {
        get: (t) => t.props.showFilterButton ?? true,
        set: (t, v) => (t.props.showFilterButton = v),
      },
      highlightFirstColumn: {
        get: (t) => t.props.highlightFirstColumn ?? false,
        set: (t, v) => (t.props.highlightFirstColumn = v),
      },
    };
  }
  private rangeOf(f: (t: TableModel) => Rect): Range {
    return new Range(this.context, () => {
      const t = this._resolve();
      return { sheet: this.context.model.sheetById(t.sheetId)!, rect: f(t) };
    });
  }
  getRange(): Range {
    return this.rangeOf((t) => t.rect);
  }
  getHeaderRowRange(): Range {
    return this.rangeOf((t) => ({ ...t.rect, bottom: t.rect.top }));
  }
  getDataBodyRange(): Range {
    return this.rangeOf((t) => ({ ...t.rect, top: t.rect.top + (t.showHeaders ? 1 : 0) }));
  }
  get worksheet(): Worksheet {
    return new Worksheet(this.context, () => this.context.model.sheetById(this._resolve().sheetId)!);
  }
  delete(): void {
    this.context.enqueue(() => {
      const t = this._resolve();
      this.context.model.tables = this.context.model.tables.filter((x) => x !== t);
    });
  }
  convertToRange(): Range {
    const r = this.getRange();
    this.delete();
    return r;
  }
}
ClientObject.defineProps(Table, [
  "id",
  "name",
  "style",
  "showHeaders",
  "showTotals",
  "showBandedRows",
  "showBandedColumns",
  "showFilterButton",
  "highlightFirstColumn",
]);

export class SettingCollection extends Collection<WorkbookModel, Setting> {
  protected _list(model: WorkbookModel) {
    return [...model.settings.keys()].map((k) => () => ({ key: k }));
  }
  protected _item(resolve: () => unknown): Setting {
    return new Setting(this.context, resolve as () => { key: string });
  }
  protected override _faultKind(): FaultKind {
    return "settings";
  }
  add(key: string, value: unknown): Setting {
    const model = this._resolve();
    this.context.enqueue(() => {
      this.context.faults?.raise("settings");
      model.settings.set(key, JSON.parse(JSON.stringify(value ?? null)));
    });
    return new Setting(this.context, () => ({ key }));
  }
  getItem(key: string): Setting {
    const model = this._resolve();
    this.context.enqueue(() => {
      if (!model.settings.has(key))
        throw new OfficeError("ItemNotFound", `The setting "${key}" doesn't exist.`);
    });
    return new Setting(this.context, () => ({ key }));
  }
  getItemOrNullObject(key: string): Setting {
    const model = this._resolve();
    const s = new Setting(this.context, () => ({ key }));
    this.context.enqueue(() => (s as any)._loaded.set("isNullObject", !model.settings.has(key)));
    return s;
  }
}

export class Setting extends ClientObject<{ key: string }> {
  protected override _faultKind(): FaultKind {
    return "settings";
  }
  protected get _scalars(): Record<string, PropDef<{ key: string }>> {
    const model = this.context.model;
    return {
      key: { get: (s) => s.key },
      value: {
        get: (s) => model.settings.get(s.key) ?? null,
        set: (s, v) => model.settings.set(s.key, JSON.parse(JSON.stringify(v ?? null))),
      },
    };
  }
  delete(): void {
    this.context.enqueue(() => {
      this.context.faults?.raise("settings");
      this.context.model.settings.delete(this._resolve().key);
    });
  }
}
ClientObject.defineProps(Setting, ["key", "value"]);

export class ChartCollection extends Collection<SheetModel, Chart> {
  protected _list(sheet: SheetModel) {
    return sheet.charts.map((c) => () => c);
  }
  protected _item(resolve: () => unknown): Chart {
    return new Chart(this.context, resolve as () => ChartModel);
  }
  /** Excel.ChartCollection.add: one series per column (seriesBy Columns) or per row of the source. */
  add(type: string, sourceData: Range, seriesBy = "Auto"): Chart {
    if (!(sourceData instanceof Range))
      throw new OfficeError("InvalidArgument", "The chart's source data must be a Range object.");
    const id = newId("chart");
    this.context.enqueue(() => {
      const sheet = this._resolve();
      const t = sourceData._target();
      const rows = t.rect.bottom - t.rect.top + 1;
      const cols = t.rect.right - t.rect.left + 1;
      const byColumns = seriesBy === "Columns" || (seriesBy === "Auto" && rows >= cols);
      const series = Array.from({ length: byColumns ? cols : rows }, (_, i) => ({
        name: `Series${i + 1}`,
        values: formatRange(
          t.sheet.name,
          byColumns
            ? { top: t.rect.top, bottom: t.rect.bottom, left: t.rect.left + i, right: t.rect.left + i }
            : { top: t.rect.top + i, bottom: t.rect.top + i, left: t.rect.left, right: t.rect.right },
        ),
        hasDataLabels: false,
        dataLabels: { showValue: false, numberFormat: "General" },
        pointLabels: {},
      }));
      sheet.charts.push({
        id,
        name: `Chart ${sheet.charts.length + 1}`,
        type,
        source: formatRange(t.sheet.name, t.rect),
        seriesBy,
        title: "",
        legendVisible: true,
        valueAxis: { title: "" },
        categoryAxis: { title: "" },
        series,
        props: {},
      });
    });
    return new Chart(this.context, () => {
      const chart = this._resolve().charts.find((c) => c.id === id);
      if (!chart) throw new OfficeError("ItemNotFound", "The chart doesn't exist.");
      return chart;
    });
  }
  getItem(name: string): Chart {
    this.context.enqueue(() => {
      if (!this._resolve().charts.some((c) => c.name === name))
        throw new OfficeError("ItemNotFound", `The chart "${name}" doesn't exist.`);
    });
    return new Chart(this.context, () => this._resolve().charts.find((c) => c.name === name)!);
  }
  getItemOrNullObject(name: string): Chart {
    const chart = new Chart(this.context, () => {
      const c = this._resolve().charts.find((x) => x.name === name);
      if (!c) throw new OfficeError("InvalidObjectPath", `The chart "${name}" is a null object.`);
      return c;
    });
    this.context.enqueue(() =>
      (chart as any)._loaded.set("isNullObject", !this._resolve().charts.some((c) => c.name === name)),
    );
    return chart;
  }
}

export class Chart extends ClientObject<ChartModel> {
  protected get _scalars(): Record<string, PropDef<ChartModel>> {
    return {
      id: { get: (c) => c.id },
      name: { get: (c) => c.name, set: (c, v) => (c.name = String(v)) },
      chartType: { get: (c) => c.type, set: (c, v) => (c.type = String(v)) },
    };
  }
  protected override get _navs() {
    return { title: () => this.title, legend: () => this.legend, series: () => this.series };
  }
  get title(): ChartTitle {
    return this._child("title", () => new ChartTitle(this.context, this._resolve));
  }
  get legend(): ChartLegend {
    return this._child("legend", () => new ChartLegend(this.context, this._resolve));
  }
  get axes(): { valueAxis: ChartAxis; categoryAxis: ChartAxis } {
    return this._child("axes", () => new ChartAxes(this.context, this._resolve));
  }
  get series(): ChartSeriesCollection {
    return this._child("series", () => new ChartSeriesCollection(this.context, this._resolve));
  }
  /** Places the chart over the cells from startCell to endCell, on its own sheet. */
  setPosition(startCell: Range | string, endCell?: Range | string): void {
    const address = (cell: Range | string): string => {
      if (typeof cell !== "string") return cellName(cell._target().rect.top, cell._target().rect.left);
      const ref = parseRange(cell);
      if (!ref || ref.sheet)
        throw new OfficeError("InvalidArgument", `Bad cell address "${cell}" for setPosition.`);
      return cellName(ref.top, ref.left);
    };
    const start = address(startCell);
    const end = endCell === undefined ? undefined : address(endCell);
    this.context.enqueue(() => {
      this._resolve().position = { start, ...(end !== undefined && { end }) };
    });
  }
  delete(): void {
    this.context.enqueue(() => {
      const chart = this._resolve();
      for (const sheet of this.context.model.sheets) sheet.charts = sheet.charts.filter((c) => c !== chart);
    });
  }
}
ClientObject.defineProps(Chart, ["id", "name", "chartType"]);

export class ChartTitle extends ClientObject<ChartModel> {
  protected get _scalars(): Record<string, PropDef<ChartModel>> {
    return { text: { get: (c) => c.title, set: (c, v) => (c.title = String(v)) } };
  }
}
ClientObject.defineProps(ChartTitle, ["text"]);

export class ChartLegend extends ClientObject<ChartModel> {
  protected get _scalars(): Record<string, PropDef<ChartModel>> {
    return { visible: { get: (c) => c.legendVisible, set: (c, v) => (c.legendVisible = Boolean(v)) } };
  }
}
ClientObject.defineProps(ChartLegend, ["visible"]);

class ChartAxes extends ClientObject<ChartModel> {
  protected get _scalars(): Record<string, PropDef<ChartModel>> {
    return {};
  }
  get valueAxis(): ChartAxis {
    return this._child("valueAxis", () => new ChartAxis(this.context, () => this._resolve().valueAxis));
  }
  get categoryAxis(): ChartAxis {
    return this._child("categoryAxis", () => new ChartAxis(this.context, () => this._resolve().categoryAxis));
  }
}

export class ChartAxis extends ClientObject<ChartAxisModel> {
  protected get _scalars(): Record<string, PropDef<ChartAxisModel>> {
    const bound = (key: "minimum" | "maximum"): PropDef<ChartAxisModel> => ({
      get: (a) => a[key] ?? null,
      set: (a, v) => {
        if (typeof v !== "number" || !Number.isFinite(v))
          throw new OfficeError("InvalidArgument", `The axis ${key} must be a number.`);
        const other = key === "minimum" ? a.maximum : a.minimum;
        if (other !== undefined && (key === "minimum" ? v >= other : v <= other))
          throw new OfficeError("InvalidArgument", "The axis maximum must be greater than its minimum.");
        a[key] = v;
      },
    });
    return { minimum: bound("minimum"), maximum: bound("maximum") };
  }
  get title(): ChartAxisTitle {
    return this._child("title", () => new ChartAxisTitle(this.context, this._resolve));
  }
}
ClientObject.defineProps(ChartAxis, ["minimum", "maximum"]);

export class ChartAxisTitle extends ClientObject<ChartAxisModel> {
  protected get _scalars(): Record<string, PropDef<ChartAxisModel>> {
    return { text: { get: (a) => a.title, set: (a, v) => (a.title = String(v)) } };
  }
}
ClientObject.defineProps(ChartAxisTitle, ["text"]);

export class ChartSeriesCollection extends Collection<ChartModel, ChartSeries> {
  protected _list(chart: ChartModel) {
    return chart.series.map((s) => () => s);
  }
  protected _item(resolve: () => unknown): ChartSeries {
    return new ChartSeries(this.context, resolve as () => ChartSeriesModel);
  }
  getItemAt(index: number): ChartSeries {
    this.context.enqueue(() => {
      if (!this._resolve().series[index])
        throw new OfficeError("ItemNotFound", `The chart has no series at index ${index}.`);
    });
    return new ChartSeries(this.context, () => this._resolve().series[index]!);
  }
}

export class ChartSeries extends ClientObject<ChartSeriesModel> {
  protected get _scalars(): Record<string, PropDef<ChartSeriesModel>> {
    return {
      name: { get: (s) => s.name, set: (s, v) => (s.name = String(v)) },
      hasDataLabels: { get: (s) => s.hasDataLabels, set: (s, v) => (s.hasDataLabels = Boolean(v)) },
    };
  }
  get dataLabels(): ChartDataLabels {
    return this._child("dataLabels", () => new ChartDataLabels(this.context, this._resolve));
  }
  get points(): ChartPointsCollection {
    return this._child("points", () => new ChartPointsCollection(this.context, this._resolve));
  }
  setXAxisValues(sourceData: Range): void {
    this.context.enqueue(() => {
      const t = sourceData._target();
      this._resolve().xValues = formatRange(t.sheet.name, t.rect);
    });
  }
  setValues(sourceData: Range): void {
    this.context.enqueue(() => {
      const t = sourceData._target();
      this._resolve().values = formatRange(t.sheet.name, t.rect);
    });
  }
}
ClientObject.defineProps(ChartSeries, ["name", "hasDataLabels"]);

export class ChartDataLabels extends ClientObject<ChartSeriesModel> {
  protected get _scalars(): Record<string, PropDef<ChartSeriesModel>> {
    return {
      showValue: { get: (s) => s.dataLabels.showValue, set: (s, v) => (s.dataLabels.showValue = Boolean(v)) },
      numberFormat: {
        get: (s) => s.dataLabels.numberFormat,
        set: (s, v) => (s.dataLabels.numberFormat = String(v)),
      },
    };
  }
}
ClientObject.defineProps(ChartDataLabels, ["showValue", "numberFormat"]);

/** The number of values of a series: the cells of its range. */
function pointCount(model: WorkbookModel, series: ChartSeriesModel): number {
  const ref = parseRange(series.values);
  if (!ref) return 0;
  void model;
  return (ref.bottom - ref.top + 1) * (ref.right - ref.left + 1);
}

export class ChartPointsCollection extends Collection<ChartSeriesModel, ChartPoint> {
  protected _list(series: ChartSeriesModel) {
    return Array.from({ length: pointCount(this.context.model, series) }, (_, i) => () => ({
      series,
      index: i,
    }));
  }
  protected _item(resolve: () => unknown): ChartPoint {
    return new ChartPoint(this.context, resolve as () => { series: ChartSeriesModel; index: number });
  }
  getItemAt(index: number): ChartPoint {
    this.context.enqueue(() => {
      const series = this._resolve();
      if (!Number.isInteger(index) || index < 0 || index >= pointCount(this.context.model, series))
        throw new OfficeError("ItemNotFound", `The series has no point at index ${index}.`);
    });
    return new ChartPoint(this.context, () => ({ series: this._resolve(), index }));
  }
}

export class ChartPoint extends ClientObject<{ series: ChartSeriesModel; index: number }> {
  protected get _scalars(): Record<string, PropDef<{ series: ChartSeriesModel; index: number }>> {
    return {
      hasDataLabel: {
        get: (p) => p.series.pointLabels[p.index] ?? p.series.hasDataLabels,
        set: (p, v) => (p.series.pointLabels[p.index] = Boolean(v)),
      },
    };
  }
}
ClientObject.defineProps(ChartPoint, ["hasDataLabel"]);

export class CommentCollection extends Collection<WorkbookModel, Comment> {
  constructor(
    ctx: RequestContext,
    resolve: () => WorkbookModel,
    private readonly kind: "comment" | "note",
    private readonly sheet: (() => SheetModel) | undefined,
  ) {
    super(ctx, resolve);
  }
  protected _list(model: WorkbookModel) {
    const sheetId = this.sheet?.().id;
    return model.comments
      .filter((c) => c.kind === this.kind && (!sheetId || c.sheetId === sheetId))
      .map((c) => () => c);
  }
  protected _item(resolve: () => unknown): Comment {
    return new Comment(this.context, resolve as () => import("./workbookModel").CommentModel);
  }
  private locate(cellAddress: Range | string): { sheet: SheetModel; row: number; col: number } {
    const model = this._resolve();
    if (typeof cellAddress !== "string") {
      const t = cellAddress._target();
      return { sheet: t.sheet, row: t.rect.top, col: t.rect.left };
    }
    const ref = parseRange(cellAddress);
    const sheet = ref?.sheet ? model.sheetByName(ref.sheet) : this.sheet?.();
    if (!ref || !sheet) throw new OfficeError("InvalidArgument", `Bad cell address ${cellAddress}`);
    return { sheet, row: ref.top, col: ref.left };
  }
  add(cellAddress: Range | string, content: string): Comment {
    const model = this._resolve();
    const id = newId(this.kind);
    this.context.enqueue(() => {
      const at = this.locate(cellAddress);
      if (
        model.comments.some(
          (c) => c.kind === this.kind && c.sheetId === at.sheet.id && c.row === at.row && c.col === at.col,
        )
      ) {
        throw new OfficeError("InvalidOperation", `The cell already has a ${this.kind}.`);
      }
      model.comments.push({
        id,
        kind: this.kind,
        sheetId: at.sheet.id,
        row: at.row,
        col: at.col,
        content: String(content),
      });
    });
    return new Comment(this.context, () => model.comments.find((c) => c.id === id)!);
  }
  getItemByCell(cellAddress: Range | string): Comment {
    const model = this._resolve();
    const find = () => {
      const at = this.locate(cellAddress);
      return model.comments.find(
        (c) => c.kind === this.kind && c.sheetId === at.sheet.id && c.row === at.row && c.col === at.col,
      );
    };
    this.context.enqueue(() => {
      if (!find()) throw new OfficeError("ItemNotFound", `No ${this.kind} at that cell.`);
    });
    return new Comment(this.context, () => find()!);
  }
  getItemByCellOrNullObject(cellAddress: Range | string): Comment {
    const model = this._resolve();
    const find = () => {
      const at = this.locate(cellAddress);
      return model.comments.find(
        (c) => c.kind === this.kind && c.sheetId === at.sheet.id && c.row === at.row && c.col === at.col,
      );
    };
    const c = new Comment(this.context, () => find()!);
    this.context.enqueue(() => (c as any)._loaded.set("isNullObject", !find()));
    return c;
  }
}

export class Comment extends ClientObject<import("./workbookModel").CommentModel> {
  protected get _scalars(): Record<string, PropDef<import("./workbookModel").CommentModel>> {
    const model = this.context.model;
    return {
      id: { get: (c) => c.id },
      content: { get: (c) => c.content, set: (c, v) => (c.content = String(v)) },
      authorName: { get: () => "MinStd" },
      address: { get: (c) => model.cellLabel(model.sheetById(c.sheetId)!, c.row, c.col) },
    };
  }
  getLocation(): Range {
    return new Range(this.context, () => {
      const c = this._resolve();
      return {
        sheet: this.context.model.sheetById(c.sheetId)!,
        rect: { top: c.row, left: c.col, bottom: c.row, right: c.col },
      };
    });
  }
  delete(): void {
    this.context.enqueue(() => {
      const c = this._resolve();
      this.context.model.comments = this.context.model.comments.filter((x) => x !== c);
    });
  }
}
ClientObject.defineProps(Comment, ["id", "content", "authorName", "address"]);
