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
  | { t: "bin"; op: string; a: Node; b: Node }
  /** A branch not parsed yet (parseFormula): its text, and its node once parsed. */
  | { t: "lazy"; src: string; node?: Node };

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

/** Whether a character (code) is white space between tokens. */
function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || (code > 127 && /\s/.test(String.fromCharCode(code)));
}

/** The characters an operator starts with. */
const OPERATOR_START = new Set("-+*/^&=<>%");

/** Reads a formula's tokens one at a time, from where the parser stands. */
class Tokens {
  /** Where the next token to read starts (before any white space). */
  private at = 0;
  /** The token peeked at (undefined at the end), where it starts and ends; none read yet when `read` is false. */
  private read = false;
  private ahead: Token | undefined;
  private aheadStart = 0;
  private aheadEnd = 0;

  constructor(readonly src: string) {}

  peek(): Token | undefined {
    if (!this.read) this.scan();
    return this.ahead;
  }

  next(): Token {
    const t = this.peek();
    if (!t) throw new SyntaxError("unexpected end of formula");
    this.at = this.aheadEnd;
    this.read = false;
    return t;
  }

  /**
   * Passes over one function argument without tokenizing it, up to the comma or ")" that ends it,
   * and returns its text: strings, quoted sheet names and nested parentheses are kept whole.
   */
  skipArgument(): string {
    const src = this.src;
    const start = this.read ? this.aheadStart : this.at;
    this.read = false;
    let depth = 0;
    for (let i = start; i < src.length; i++) {
      const ch = src.charCodeAt(i);
      if (ch === 34 /* " */ || ch === 39 /* ' */) {
        i++;
        while (i < src.length && !(src.charCodeAt(i) === ch && src.charCodeAt(i + 1) !== ch)) {
          i += src.charCodeAt(i) === ch ? 2 : 1;
        }
      } else if (ch === 40 /* ( */) depth++;
      else if (ch === 41 /* ) */ || ch === 44 /* , */ || ch === 59 /* ; */) {
        if (depth === 0) {
          this.at = i;
          return src.slice(start, i);
        }
        if (ch === 41) depth--;
      }
    }
    throw new SyntaxError("unexpected end of formula");
  }

  private found(kind: Token["kind"], text: string, length = text.length): void {
    this.ahead = { kind, text };
    this.aheadEnd = this.aheadStart + length;
  }

  /**
   * Reads the next token. Which patterns can match is told by the first character (a reference
   * never starts with a digit, a number always does), so each token tries only those, in the same
   * order as ever: reference, number, string, error, name, operator, punctuation.
   */
  private scan(): void {
    const src = this.src;
    let i = this.at;
    while (i < src.length && isSpace(src.charCodeAt(i))) i++;
    this.read = true;
    this.aheadStart = i;
    if (i >= src.length) {
      this.ahead = undefined;
      this.aheadEnd = i;
      return;
    }
    const ch = src[i]!;
    const code = src.charCodeAt(i);
    if (code >= 48 && code <= 57) return this.found("num", matchAt(NUMBER_TEXT, src, i)!);
    if (ch === '"') {
      let j = i + 1;
      let s = "";
      for (;;) {
        const close = src.indexOf('"', j);
        if (close < 0) {
          s += src.slice(j);
          j = src.length;
          break;
        }
        s += src.slice(j, close);
        j = close;
        if (src[j + 1] !== '"') break;
        s += '"';
        j += 2;
      }
      this.found("str", s, j + 1 - i);
      return;
    }
    if (ch === "(") return this.found("lp", ch);
    if (ch === ")") return this.found("rp", ch);
    if (ch === "," || ch === ";") return this.found("comma", ch);
    if (ch === "#") {
      const err = matchAt(ERROR_TEXT, src, i);
      if (err) return this.found("err", err);
    } else if (OPERATOR_START.has(ch)) {
      return this.found("op", matchAt(OP_TEXT, src, i)!);
    } else {
      const ref = matchAt(REF_TEXT, src, i);
      if (ref) return this.found("ref", ref);
      const ident = matchAt(IDENT_TEXT, src, i);
      if (ident) return this.found("ident", ident);
    }
    throw new SyntaxError(`unexpected "${ch}" in formula`);
  }
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

/**
 * The arguments a function calculates only when its condition asks for them: IF's branches,
 * IFERROR's alternative. Excel calculates only the branch it takes.
 */
const BRANCHES: Readonly<Record<string, readonly number[]>> = { IF: [1, 2], IFERROR: [1] };

const parsed = new Map<string, Node>();

/** References by their text: a workbook's formulas name the same cells again and again. */
const ranges = new Map<string, RangeRef | undefined>();

function rangeOf(text: string): RangeRef | undefined {
  if (!ranges.has(text)) ranges.set(text, parseRange(text));
  return ranges.get(text);
}
/** The formulas parsed in full (enterFormula), not only up to their branches. */
const checked = new Set<string>();

/** What a formula Excel would not take calculates to here. */
const MALFORMED: Node = { t: "err", v: "#NAME?" };

/**
 * Checks a formula as it is entered, in full, as Excel checks it: one that does not parse
 * calculates to #NAME?. Parsed once per text, for every workbook.
 */
export function enterFormula(formula: string): void {
  if (checked.has(formula)) return;
  checked.add(formula);
  try {
    parsed.set(formula, parseExpression(formula.replace(/^=/, ""), false));
  } catch {
    parsed.set(formula, MALFORMED);
  }
}

/**
 * Parses a formula once: a workbook recalculates the same formula texts again and again. A formula
 * not entered here (a workbook opened from a file, whose formulas were checked when entered) has
 * its branches parsed when first taken: a large workbook opens without parsing every formula, as
 * most of their text is the branch a formula does not take.
 */
export function parseFormula(formula: string): Node {
  let node = parsed.get(formula);
  if (!node) {
    node = parseExpression(formula.replace(/^=/, ""), true);
    parsed.set(formula, node);
  }
  return node;
}

function parseExpression(src: string, lazyBranches: boolean): Node {
  const tokens = new Tokens(src);
  const peek = (): Token | undefined => tokens.peek();
  const next = (): Token => tokens.next();
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
        const ref = rangeOf(t.text);
        if (!ref) throw new SyntaxError(`bad reference ${t.text}`);
        return { t: "ref", ref };
      }
      case "ident": {
        if (peek()?.kind === "lp") {
          next();
          const name = t.text.toUpperCase();
          const branches = lazyBranches ? BRANCHES[name] : undefined;
          const args: Node[] = [];
          if (peek()?.kind !== "rp") {
            for (;;) {
              if (peek()?.kind === "comma" || peek()?.kind === "rp") args.push({ t: "name", name: "" });
              else if (branches?.includes(args.length)) args.push({ t: "lazy", src: tokens.skipArgument() });
              else args.push(expr(0));
              if (peek()?.kind === "comma") next();
              else break;
            }
          }
          if (next().kind !== "rp") throw new SyntaxError("expected )");
          return { t: "call", name, args };
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
  const rest = peek();
  if (rest) throw new SyntaxError(`unexpected ${rest.text}`);
  return node;
}

const REFERENCES = new RegExp(REF_TEXT.source, "g");

/** Text that is one of `words`, in any case (a pattern for formulaReferences). */
export function anyOf(words: readonly string[]): RegExp {
  return new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|") || "(?!)", "gi");
}

/**
 * The cells a formula's text names, and the defined names it holds (matched by `names`, anyOf the
 * workbook's), found without parsing it (for what reads what, not for calculating): text inside a
 * string that looks like a reference or holds a name counts too.
 */
export function formulaReferences(formula: string, names: RegExp): { ranges: RangeRef[]; names: string[] } {
  const ranges: RangeRef[] = [];
  for (const text of formula.match(REFERENCES) ?? []) {
    const range = rangeOf(text);
    if (range) ranges.push(range);
  }
  return { ranges, names: formula.match(names) ?? [] };
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
    case "lazy":
      // A branch that does not parse makes the formula's value #NAME? (the callers catch it).
      node.node ??= parseExpression(node.src, true);
      return evaluate(node.node, ctx);
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
