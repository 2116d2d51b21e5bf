import { normaliseLaoCode, parseLaoType, type LaoType } from "../core";
import { invalidValue } from "./errors";
import { decodeLaoCodeTable, lookupLaoType, type LaoCodeTable } from "./laoCodeTable";
import { LAO_CODE_TABLE } from "./laoCodes.generated";
import { messages } from "./messages";

let table: LaoCodeTable | undefined;

/** The type of the LAO with this 7-digit code in the register, or undefined. */
export function laoTypeOfCode(code: string): LaoType | undefined {
  table ??= decodeLaoCodeTable(LAO_CODE_TABLE);
  return lookupLaoType(table, Number(code));
}

function isBlank(arg: unknown): boolean {
  // Excel passes an omitted argument as null and, on Windows, an empty referenced cell as 0.
  return arg === null || arg === undefined || arg === 0 || (typeof arg === "string" && arg.trim() === "");
}

function read(arg: unknown): LaoType | undefined {
  if (isBlank(arg)) return undefined;
  const text =
    typeof arg === "number" && Number.isInteger(arg) ? String(arg) : typeof arg === "string" ? arg : "";
  const code = normaliseLaoCode(text);
  if (code !== undefined) {
    const type = laoTypeOfCode(code);
    if (type === undefined) throw invalidValue(messages.unknownLaoCode(code));
    return type;
  }
  const type = parseLaoType(text);
  if (type === undefined) throw invalidValue(messages.unknownLaoType(String(arg)));
  return type;
}

// Every row of a workbook passes the same type cell, so the last answer is nearly always the next one.
let lastArg: unknown = Symbol("none");
let lastType: LaoType | undefined;

/**
 * Reads the laoType argument: a Thai type name (อบต., เทศบาลตำบล, …) or a 7-digit LAO code whose
 * type comes from the register. Undefined when not given; #VALUE! when it cannot be read.
 */
export function readLaoTypeArgument(arg: unknown): LaoType | undefined {
  if (arg === lastArg) return lastType;
  const type = read(arg);
  lastArg = arg;
  lastType = type;
  return type;
}
