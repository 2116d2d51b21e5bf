/**
 * A small Excel formula evaluator: literals, references (A1, $A$1, 'Sheet'!A1, ranges, defined names),
 * operators (+ - * / ^ & = <> < > <= >=), the built-in functions the collection workbook's formulas use
 * (their portable forms included), and the add-in's custom functions; anything else evaluates to #NAME?.
 */
import { parseRange, type RangeRef } from "./address";

export class CellError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
  toString(): string {
    return this.code;
  }
}

export type Scalar = number | string | boolean | null | CellError;

type Node =
  | { t: "num"; v: number }
  | { t: "str"; v: string }
  | { t: "bool"; v: boolean }
  | { t: "err"; v: string }
  | { t: "ref"; ref: RangeRef }
  | { t: "name"; name: string }
  | { t: "call"; name: string; args: Node[] }
  | { t: "un"; op: string; a: Node }
  | { t: "bin"; op: string; a: Node; b: Node };

interface Token {
  readonly kind: "num" | "str" | "ident" | "ref" | "op" | "lp" | "rp" | "comma" | "err";
  readonly text: string;
}

// Sticky patterns, matched where the tokenizer stands (no copy of the rest of the formula per token).
const REF_TEXT =
  /(?:'(?:[^']|'')+'|[A-Za-z_\u0E00-\u0E7F][\w.\u0E00-\u0E7F]*)!\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?|\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?(?![\w(.])/y;
const NUMBER_TEXT = /\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ERROR_TEXT = /#(?:N\/A|VALUE!|REF!|NAME\?|DIV\/0!|NUM!|NULL!)/y;
const IDENT_TEXT = /[A-Za-z_\u0E00-\u0E7F][\w.\u0E00-\u0E7F]*/y;
const OP_TEXT = /<>|<=|>=|[-+*/^&=<>%]/y;

/** The text `pattern` matches at `at` in `src`, if any. */
function matchAt(pattern: RegExp, src: string, at: number): string | undefined {
  pattern.lastIndex = at;
  return pattern.exec(src)?.[0];
}

function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i]!;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const ref = matchAt(REF_TEXT, src, i);
    if (ref) {
      tokens.push({ kind: "ref", text: ref });
      i += ref.length;
      continue;
    }
    const num = matchAt(NUMBER_TEXT, src, i);
    if (num) {
      tokens.push({ kind: "num", text: num });
      i += num.length;
      continue;
    }
    if (ch === '"') {
      let j = i + 1;
      let s = "";
      while (j < src.length) {
        if (src[j] === '"' && src[j + 1] === '"') {
          s += '"';
          j += 2;
        } else if (src[j] === '"') break;
        else s += src[j++];
      }
      tokens.push({ kind: "str", text: s });
      i = j + 1;
      continue;
    }
    const err = matchAt(ERROR_TEXT, src, i);
    if (err) {
      tokens.push({ kind: "err", text: err });
      i += err.length;
      continue;
    }
    const ident = matchAt(IDENT_TEXT, src, i);
    if (ident) {
      tokens.push({ kind: "ident", text: ident });
      i += ident.length;
      continue;
    }
    const op = matchAt(OP_TEXT, src, i);
    if (op) {
      tokens.push({ kind: "op", text: op });
      i += op.length;
      continue;
    }
    if (ch === "(") tokens.push({ kind: "lp", text: ch });
    else if (ch === ")") tokens.push({ kind: "rp", text: ch });
    else if (ch === "," || ch === ";") tokens.push({ kind: "comma", text: ch });
    else throw new SyntaxError(`unexpected "${ch}" in formula`);
    i++;
  }
  return tokens;
}

const PRECEDENCE: Record<string, number> = {
  "=": 1,
  "<>": 1,
  "<": 1,
  ">": 1,
  "<=": 1,
  ">=": 1,
  "&": 2,
  "+": 3,
  "-": 3,
  "*": 4,
  "/": 4,
  "^": 5,
};

const parsed = new Map<string, Node>();

/** Parses a formula once: a workbook recalculates the same formula texts again and again. */
export function parseFormula(formula: string): Node {
  let node = parsed.get(formula);
  if (!node) {
    node = parseUncached(formula);
    parsed.set(formula, node);
  }
  return node;
}

function parseUncached(formula: string): Node {
  const tokens = tokenize(formula.replace(/^=/, ""));
  let pos = 0;
  const peek = (): Token | undefined => tokens[pos];
  const next = (): Token => {
    const t = tokens[pos++];
    if (!t) throw new SyntaxError("unexpected end of formula");
    return t;
  };
  function primary(): Node {
    const t = next();
    switch (t.kind) {
      case "num":
        return { t: "num", v: Number(t.text) };
      case "str":
        return { t: "str", v: t.text };
      case "err":
        return { t: "err", v: t.text };
      case "ref": {
        const ref = parseRange(t.text);
        if (!ref) throw new SyntaxError(`bad reference ${t.text}`);
        return { t: "ref", ref };
      }
      case "ident": {
        if (peek()?.kind === "lp") {
          next();
          const args: Node[] = [];
          if (peek()?.kind !== "rp") {
            for (;;) {
              if (peek()?.kind === "comma" || peek()?.kind === "rp") args.push({ t: "name", name: "" });
              else args.push(expr(0));
              if (peek()?.kind === "comma") next();
              else break;
            }
          }
          if (next().kind !== "rp") throw new SyntaxError("expected )");
          return { t: "call", name: t.text.toUpperCase(), args };
        }
        const upper = t.text.toUpperCase();
        if (upper === "TRUE" || upper === "FALSE") return { t: "bool", v: upper === "TRUE" };
        return { t: "name", name: t.text };
      }
      case "lp": {
        const e = expr(0);
        if (next().kind !== "rp") throw new SyntaxError("expected )");
        return e;
      }
      case "op":
        if (t.text === "-" || t.text === "+") return { t: "un", op: t.text, a: expr(4.5) };
        break;
    }
    throw new SyntaxError(`unexpected ${t.text}`);
  }
  function expr(min: number): Node {
    let left = primary();
    for (;;) {
      const t = peek();
      if (!t || t.kind !== "op") break;
      if (t.text === "%") {
        next();
        left = { t: "bin", op: "/", a: left, b: { t: "num", v: 100 } };
        continue;
      }
      const p = PRECEDENCE[t.text];
      if (p === undefined || p <= min) break;
      next();
      left = { t: "bin", op: t.text, a: left, b: expr(p) };
    }
    return left;
  }
  const node = expr(0);
  if (pos !== tokens.length) throw new SyntaxError(`unexpected ${tokens[pos]!.text}`);
  return node;
}

/** What a formula can see: cells, defined names, and the add-in's functions. */
export interface EvalContext {
  /** The formula's own sheet, for unqualified references. */
  readonly sheet: string;
  cell(sheet: string, row: number, col: number): Scalar;
  name(name: string): RangeRef | Scalar | undefined;
  customFunction(name: string): ((args: ReadonlyArray<Arg>) => Scalar) | undefined;
}

/** An argument as a custom function receives it: a scalar, or whether it came from an empty cell. */
export interface Arg {
  readonly value: Scalar;
  readonly fromEmptyCell: boolean;
  readonly omitted: boolean;
}

function toNumber(v: Scalar): number | CellError {
  if (v instanceof CellError) return v;
  if (v === null || v === "") return 0;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "number") return v;
  const n = Number(v);
  return Number.isFinite(n) && v.trim() !== "" ? n : new CellError("#VALUE!");
}

function toText(v: Scalar): string {
  if (v === null) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return String(v);
}

function compare(a: Scalar, b: Scalar): number {
  const na = a === null ? (typeof b === "string" ? "" : 0) : a;
  const nb = b === null ? (typeof a === "string" ? "" : 0) : b;
  if (typeof na === "number" && typeof nb === "number") return na - nb;
  if (typeof na === "string" && typeof nb === "string")
    return na.toLowerCase() < nb.toLowerCase() ? -1 : na.toLowerCase() > nb.toLowerCase() ? 1 : 0;
  const rank = (x: unknown): number => (typeof x === "number" ? 0 : typeof x === "string" ? 1 : 2);
  return rank(na) - rank(nb);
}

function single(ctx: EvalContext, ref: RangeRef): { value: Scalar; empty: boolean } {
  if (ref.top !== ref.bottom || ref.left !== ref.right)
    return { value: new CellError("#VALUE!"), empty: false };
  const value = ctx.cell(ref.sheet ?? ctx.sheet, ref.top, ref.left);
  return { value, empty: value === null };
}

function evalArg(node: Node, ctx: EvalContext): Arg {
  if (node.t === "name" && node.name === "") return { value: null, fromEmptyCell: false, omitted: true };
  if (node.t === "ref") {
    const s = single(ctx, node.ref);
    return { value: s.value, fromEmptyCell: s.empty, omitted: false };
  }
  if (node.t === "name") {
    const n = ctx.name(node.name);
    if (n && typeof n === "object" && !(n instanceof CellError)) {
      const s = single(ctx, n);
      return { value: s.value, fromEmptyCell: s.empty, omitted: false };
    }
  }
  return { value: evaluate(node, ctx), fromEmptyCell: false, omitted: false };
}

function logical(args: Node[], ctx: EvalContext, combine: (values: Scalar[]) => boolean): Scalar {
  const values = args.map((a) => evaluate(a, ctx));
  const error = values.find((v) => v instanceof CellError);
  return error ?? combine(values);
}

function text(args: Node[], ctx: EvalContext, f: (text: string) => Scalar): Scalar {
  const v = evaluate(args[0]!, ctx);
  return v instanceof CellError ? v : f(toText(v));
}

const BUILTINS: Record<string, (args: Node[], ctx: EvalContext) => Scalar> = {
  IF: (args, ctx) => {
    const c = evaluate(args[0]!, ctx);
    if (c instanceof CellError) return c;
    const truthy = typeof c === "string" ? c.length > 0 : Boolean(c);
    const branch = truthy ? args[1] : args[2];
    if (!branch) return truthy;
    const v = evaluate(branch, ctx);
    return v;
  },
  IFERROR: (args, ctx) => {
    const v = evaluate(args[0]!, ctx);
    return v instanceof CellError ? evaluate(args[1]!, ctx) : v;
  },
  ISBLANK: (args, ctx) => evalArg(args[0]!, ctx).fromEmptyCell,
  ISERROR: (args, ctx) => evaluate(args[0]!, ctx) instanceof CellError,
  ISNUMBER: (args, ctx) => typeof evaluate(args[0]!, ctx) === "number",
  // Excel evaluates every argument of AND and OR, and an error in any of them is the result.
  AND: (args, ctx) => logical(args, ctx, (vs) => vs.every(Boolean)),
  OR: (args, ctx) => logical(args, ctx, (vs) => vs.some(Boolean)),
  NOT: (args, ctx) => !evaluate(args[0]!, ctx),
  LEN: (args, ctx) => text(args, ctx, (t) => t.length),
  // Excel's TRIM takes off spaces (only U+0020) at both ends and leaves one between words.
  TRIM: (args, ctx) => text(args, ctx, (t) => t.replace(/ +/g, " ").replace(/^ | $/g, "")),
  LOWER: (args, ctx) => text(args, ctx, (t) => t.toLowerCase()),
  ISTEXT: (args, ctx) => typeof evaluate(args[0]!, ctx) === "string",
  ISLOGICAL: (args, ctx) => typeof evaluate(args[0]!, ctx) === "boolean",
  CHAR: (args, ctx) => {
    const n = toNumber(evaluate(args[0]!, ctx));
    return n instanceof CellError ? n : n < 1 || n > 255 ? new CellError("#VALUE!") : String.fromCharCode(n);
  },
  INT: (args, ctx) => {
    const n = toNumber(evaluate(args[0]!, ctx));
    return n instanceof CellError ? n : Math.floor(n);
  },
  SUBSTITUTE: (args, ctx) => {
    const [t, from, to] = args.map((a) => evaluate(a, ctx));
    for (const v of [t, from, to]) if (v instanceof CellError) return v;
    const find = toText(from ?? null);
    return find === ""
      ? toText(t ?? null)
      : toText(t ?? null)
          .split(find)
          .join(toText(to ?? null));
  },
  LEFT: (args, ctx) => {
    const t = evaluate(args[0]!, ctx);
    const n = args[1] ? toNumber(evaluate(args[1], ctx)) : 1;
    if (t instanceof CellError) return t;
    if (n instanceof CellError) return n;
    return n < 0 ? new CellError("#VALUE!") : toText(t).slice(0, n);
  },
  MID: (args, ctx) => {
    const t = evaluate(args[0]!, ctx);
    const start = toNumber(evaluate(args[1]!, ctx));
    const n = toNumber(evaluate(args[2]!, ctx));
    if (t instanceof CellError) return t;
    if (start instanceof CellError) return start;
    if (n instanceof CellError) return n;
    return start < 1 || n < 0 ? new CellError("#VALUE!") : toText(t).slice(start - 1, start - 1 + n);
  },
  FIND: (args, ctx) => {
    const find = evaluate(args[0]!, ctx);
    const within = evaluate(args[1]!, ctx);
    if (find instanceof CellError) return find;
    if (within instanceof CellError) return within;
    const at = toText(within).indexOf(toText(find));
    return at < 0 ? new CellError("#VALUE!") : at + 1;
  },
  VALUE: (args, ctx) => {
    const v = evaluate(args[0]!, ctx);
    if (v instanceof CellError || typeof v === "number") return v;
    const t = toText(v).trim();
    return /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t) ? Number(t) : new CellError("#VALUE!");
  },
  ROUND: (args, ctx) => {
    const n = toNumber(evaluate(args[0]!, ctx));
    const d = toNumber(evaluate(args[1]!, ctx));
    if (n instanceof CellError) return n;
    if (d instanceof CellError) return d;
    const f = 10 ** d;
    return Math.round(n * f) / f;
  },
};

export function evaluate(node: Node, ctx: EvalContext): Scalar {
  switch (node.t) {
    case "num":
      return node.v;
    case "str":
      return node.v;
    case "bool":
      return node.v;
    case "err":
      return new CellError(node.v);
    case "ref":
      return single(ctx, node.ref).value;
    case "name": {
      const n = ctx.name(node.name);
      if (n === undefined) return new CellError("#NAME?");
      if (n && typeof n === "object" && !(n instanceof CellError)) return single(ctx, n).value;
      return n as Scalar;
    }
    case "un": {
      const v = toNumber(evaluate(node.a, ctx));
      return v instanceof CellError ? v : node.op === "-" ? -v : v;
    }
    case "bin": {
      const a = evaluate(node.a, ctx);
      const b = evaluate(node.b, ctx);
      if (a instanceof CellError) return a;
      if (b instanceof CellError) return b;
      if (node.op === "&") return toText(a) + toText(b);
      if (["=", "<>", "<", ">", "<=", ">="].includes(node.op)) {
        const c = compare(a, b);
        return { "=": c === 0, "<>": c !== 0, "<": c < 0, ">": c > 0, "<=": c <= 0, ">=": c >= 0 }[node.op]!;
      }
      const x = toNumber(a);
      const y = toNumber(b);
      if (x instanceof CellError) return x;
      if (y instanceof CellError) return y;
      switch (node.op) {
        case "+":
          return x + y;
        case "-":
          return x - y;
        case "*":
          return x * y;
        case "/":
          return y === 0 ? new CellError("#DIV/0!") : x / y;
        case "^":
          return x ** y;
      }
      return new CellError("#VALUE!");
    }
    case "call": {
      const builtin = BUILTINS[node.name];
      if (builtin) return builtin(node.args, ctx);
      const custom = ctx.customFunction(node.name);
      if (!custom) return new CellError("#NAME?");
      return custom(node.args.map((a) => evalArg(a, ctx)));
    }
  }
}
