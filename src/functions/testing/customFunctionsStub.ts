/**
 * A stand-in for the CustomFunctions global that Excel's runtime provides, for running the
 * functions outside Excel. Error and ErrorCode behave as in the runtime (codes are the Excel error
 * texts); associate records what the functions bundle registers.
 */
export class StandInError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

export const ERROR_CODES = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

export interface CustomFunctionsStandIn {
  readonly Error: typeof StandInError;
  readonly ErrorCode: typeof ERROR_CODES;
  readonly associated: Map<string, (...args: unknown[]) => unknown>;
  associate(id: string, fn: (...args: unknown[]) => unknown): void;
}

export function customFunctionsStandIn(): CustomFunctionsStandIn {
  const associated = new Map<string, (...args: unknown[]) => unknown>();
  return {
    Error: StandInError,
    ErrorCode: ERROR_CODES,
    associated,
    associate(id, fn) {
      if (associated.has(id)) throw new Error(`${id} is associated twice`);
      associated.set(id, fn);
    },
  };
}

/** Installs a stand-in as the global CustomFunctions (for code that refers to the global). */
export function installCustomFunctionsStandIn(): CustomFunctionsStandIn {
  const standIn = customFunctionsStandIn();
  (globalThis as { CustomFunctions?: unknown }).CustomFunctions = standIn;
  return standIn;
}

/** Calls fn and returns the Excel error it throws, or fails when it returns a value or throws something else. */
export function excelErrorOf(fn: () => unknown): StandInError {
  let result: unknown;
  try {
    result = fn();
  } catch (e) {
    if (e instanceof StandInError) return e;
    throw e;
  }
  throw new Error(`expected an Excel error, got ${JSON.stringify(result)}`);
}
