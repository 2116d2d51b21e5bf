import { LAO_TYPES, type LaoType } from "../core";

/**
 * The register's code → type lookup in a compact text form, small enough to ship inside the
 * functions bundle (the register itself is ~1 MB). Codes are sorted; each entry is the decimal
 * difference from the previous code followed by one letter for the type (a = LAO_TYPES[0] …).
 * The type always comes from the register, never from the code's first digit.
 */
export function encodeLaoCodeTable(
  entries: Iterable<{ readonly code: string; readonly type: LaoType }>,
): string {
  const sorted = [...entries].map((e) => [Number(e.code), LAO_TYPES.indexOf(e.type)] as const);
  sorted.sort((a, b) => a[0] - b[0]);
  let previous = 0;
  let text = "";
  for (const [code, typeIndex] of sorted) {
    if (!Number.isSafeInteger(code) || code <= previous) throw new Error(`bad or repeated LAO code ${code}`);
    if (typeIndex < 0) throw new Error(`unknown LAO type for code ${code}`);
    text += `${code - previous}${String.fromCharCode(97 + typeIndex)}`;
    previous = code;
  }
  return text;
}

/** A decoded table: sorted codes with the type index of each, searched by bisection. */
export interface LaoCodeTable {
  readonly codes: Int32Array;
  readonly types: Uint8Array;
}

export function decodeLaoCodeTable(text: string): LaoCodeTable {
  let count = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 97) count++;
  const codes = new Int32Array(count);
  const types = new Uint8Array(count);
  let code = 0;
  let delta = 0;
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      delta = delta * 10 + (c - 48);
    } else {
      code += delta;
      delta = 0;
      codes[n] = code;
      types[n] = c - 97;
      n++;
    }
  }
  return { codes, types };
}

/** The type of the LAO with this 7-digit code, or undefined when the register has no such code. */
export function lookupLaoType(table: LaoCodeTable, code: number): LaoType | undefined {
  const { codes } = table;
  let lo = 0;
  let hi = codes.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const at = codes[mid]!;
    if (at === code) return LAO_TYPES[table.types[mid]!];
    if (at < code) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}
