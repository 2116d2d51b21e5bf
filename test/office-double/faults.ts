/**
 * Failures a test plans for the Office.js double: the next sync, range read, range write, settings
 * access or storage call (or the next N of them) fails as Excel's would, with an
 * OfficeExtension.Error-shaped error (name "RichApi.Error", a code, debugInfo). The double asks
 * `raise` at the point where Excel would fail: a sync before applying anything, a queued range or
 * setting request when the sync applies it (the requests queued before it are applied, as in Excel),
 * a storage call when it is made.
 */
import { OfficeError } from "./officeApi";

/**
 * What can be made to fail:
 * - "sync": a context.sync() rejects, nothing of its batch applied;
 * - "range-read": loading a property of a Range (values, formulas, text, address…);
 * - "range-write": setting a property of a Range (values, formulas, numberFormat…);
 * - "settings": workbook.settings (add, load, set, delete) and Office.context.document.settings;
 * - "storage": OfficeRuntime.storage.
 */
export type FaultKind = "sync" | "range-read" | "range-write" | "settings" | "storage";

/** Error codes of Excel's API (Excel.ErrorCodes) a test may want. */
export type OfficeErrorCode =
  | "GeneralException"
  | "InvalidArgument"
  | "ItemNotFound"
  | "AccessDenied"
  | "InvalidOperation"
  | "ItemAlreadyExists"
  | "InvalidReference"
  | "RequestAborted"
  | "ServiceNotAvailable"
  | "Unauthenticated";

const MESSAGES: Record<OfficeErrorCode, string> = {
  GeneralException: "An internal error has occurred.",
  InvalidArgument: "The argument is invalid or missing or has an incorrect format.",
  ItemNotFound: "The requested resource doesn't exist.",
  AccessDenied: "You cannot perform the requested operation.",
  InvalidOperation: "The operation is invalid.",
  ItemAlreadyExists: "The resource being created already exists.",
  InvalidReference: "This reference is not valid for the current operation.",
  RequestAborted: "The request was aborted during run time.",
  ServiceNotAvailable: "The service is unavailable.",
  Unauthenticated: "Required authentication information is either missing or invalid.",
};

export interface FaultOptions {
  /** The error's code; GeneralException by default. */
  readonly code?: OfficeErrorCode;
  /** The error's message; Excel's text for the code by default. */
  readonly message?: string;
  /** How many of the next operations of that kind fail, one after another; 1 by default. */
  readonly times?: number;
  /** Only operations on this sheet (ranges only); any sheet by default. */
  readonly sheet?: string;
}

/** Where an operation happens, for a fault limited to one sheet. */
export interface FaultSite {
  readonly sheet?: string;
}

interface Planned {
  readonly kind: FaultKind;
  readonly code: OfficeErrorCode;
  readonly message: string;
  readonly sheet?: string;
  remaining: number;
}

export class Faults {
  private planned: Planned[] = [];
  /** Every error raised so far, oldest first. */
  readonly raised: OfficeError[] = [];

  /** The next operation(s) of this kind fail. Plans add up: each is used up in the order given. */
  fail(kind: FaultKind, options: FaultOptions = {}): void {
    const code = options.code ?? "GeneralException";
    this.planned.push({
      kind,
      code,
      message: options.message ?? MESSAGES[code],
      ...(options.sheet !== undefined && { sheet: options.sheet }),
      remaining: options.times ?? 1,
    });
  }

  /** How many planned failures (of one kind, or of any) have not happened yet. */
  pending(kind?: FaultKind): number {
    return this.planned
      .filter((p) => kind === undefined || p.kind === kind)
      .reduce((n, p) => n + p.remaining, 0);
  }

  /** Forgets every planned failure. */
  clear(): void {
    this.planned = [];
  }

  /** Throws the planned error when an operation of this kind (at this site) is due to fail. */
  raise(kind: FaultKind, site: FaultSite = {}): void {
    const error = this.take(kind, site);
    if (error) throw error;
  }

  /** The planned error, used up, when an operation of this kind (at this site) is due to fail. */
  take(kind: FaultKind, site: FaultSite = {}): OfficeError | undefined {
    const plan = this.planned.find(
      (p) => p.kind === kind && (p.sheet === undefined || p.sheet === site.sheet),
    );
    if (!plan) return undefined;
    plan.remaining -= 1;
    if (plan.remaining <= 0) this.planned = this.planned.filter((p) => p !== plan);
    const error = new OfficeError(plan.code, plan.message);
    this.raised.push(error);
    return error;
  }
}
