import { LAO_TYPE_INFO, parseLaoType, type LaoType } from "./laoTypes";
import { isLaoCode } from "./identifierRules";
import { toArabicDigits } from "../calendar/thai";

/** One local government (อปท.) of the DLA register. */
export interface Lao {
  /** The 7-digit DLA code (รหัส อปท.). Never derive the type from its first digit. */
  readonly code: string;
  readonly type: LaoType;
  /** The name without the type prefix, e.g. "คลองท่อมใต้". */
  readonly name: string;
  readonly provinceCode: string;
  readonly provinceTh: string;
  readonly provinceEn: string;
  readonly districtCode: string;
  readonly districtTh: string;
}

/** Accepts ASCII or Thai digits and surrounding spaces; returns the 7-digit code or undefined. */
export function normaliseLaoCode(text: string): string | undefined {
  const code = toArabicDigits(text.trim());
  return isLaoCode(code) ? code : undefined;
}

const HEADER = "dla_code,lao_type,name_th,province_code,province_th,province_en,district_code,district_th";

/** The register's text without a byte-order mark; throws unless its first line is the header. */
function registerText(text: string): string {
  const body = text.replace(/^\ufeff/, "");
  const end = body.indexOf("\n");
  const first = end < 0 ? body : body.slice(0, end);
  if (first.trim() !== HEADER) throw new Error(`register: unexpected header: ${first}`);
  return body;
}

/** One row of the register; throws with its line number (1-based) on a bad row. */
function parseRegisterRow(
  line: string,
  lineNumber: () => number,
  typeOf: (word: string) => LaoType | undefined = parseLaoType,
): Lao {
  const f = line.split(",");
  const type = typeOf(f[1] ?? "");
  if (f.length !== 8 || !isLaoCode(f[0] ?? "") || !type)
    throw new Error(`register: bad row at line ${lineNumber()}: ${line}`);
  return {
    code: f[0]!,
    type,
    name: f[2]!,
    provinceCode: f[3]!,
    provinceTh: f[4]!,
    provinceEn: f[5]!,
    districtCode: f[6]!,
    districtTh: f[7]!,
  };
}

/** Parses the register CSV (data/lao-registry.csv). Throws with the line number on a bad row. */
export function parseRegisterCsv(text: string): Lao[] {
  const lines = registerText(text).split(/\r?\n/);
  const laos: Lao[] = [];
  // A handful of type words over 7,849 rows: each is read once.
  const types = new Map<string, LaoType | undefined>();
  const typeOf = (word: string): LaoType | undefined => {
    if (!types.has(word)) types.set(word, parseLaoType(word));
    return types.get(word);
  };
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === "") continue;
    laos.push(parseRegisterRow(line, () => i + 1, typeOf));
  }
  return laos;
}

/** Type words an officer may put before a name ("อบต.คลองท่อมเหนือ", "เทศบาลตำบล…"), longest first. */
const TYPE_PREFIXES = [
  "องค์การบริหารส่วนจังหวัด",
  "องค์การบริหารส่วนตำบล",
  "เทศบาลนคร",
  "เทศบาลเมือง",
  "เทศบาลตำบล",
  "เทศบาล",
  "อบจ.",
  "อบต.",
  "ทน.",
  "ทม.",
  "ทต.",
  "อบจ",
  "อบต",
];

/** Lower case, ASCII digits, no spaces: how names and codes are compared in searches. */
export function normaliseQuery(text: string): string {
  return toArabicDigits(text.normalize("NFC"))
    .replace(/[\s\u200b]+/g, "")
    .toLowerCase();
}

/** The name without a type word an officer typed before it ("อบต.คลองท่อมเหนือ" → "คลองท่อมเหนือ"). */
export function stripTypePrefix(query: string): string {
  for (const prefix of TYPE_PREFIXES) {
    if (query.startsWith(prefix) && query.length > prefix.length) return query.slice(prefix.length);
  }
  return query;
}

export interface LaoMatch {
  readonly lao: Lao;
  /** Lower is better: 0 code, 1 exact name, 2 name prefix, 3 name contains, 4 district, 5 province. */
  readonly rank: number;
}

/** The DLA register: lookup by code, search by Thai name, district and province. */
export class LaoRegister {
  private laos: readonly Lao[] | undefined;
  private index: ReadonlyMap<string, Lao> | undefined;
  /** The CSV of a register made by `fromCsv`, read row by row until every LAO is needed. */
  private csv: string | undefined;
  private readonly rows = new Map<string, Lao | undefined>();
  private searchKeys:
    ReadonlyArray<{ lao: Lao; name: string; district: string; province: string }> | undefined;

  constructor(all: readonly Lao[]) {
    this.laos = all;
  }

  /**
   * A register over the CSV text (data/lao-registry.csv). Its header is checked now; its rows are
   * parsed when a search or a list first needs every LAO: a look-up by code before that (the task
   * pane's, for the workbook's LAO) reads only the row it asks for.
   */
  static fromCsv(text: string): LaoRegister {
    const register = new LaoRegister([]);
    register.laos = undefined;
    register.csv = registerText(text);
    return register;
  }

  get all(): readonly Lao[] {
    if (this.laos === undefined) {
      // The LAOs already looked up stay the same objects.
      this.laos = parseRegisterCsv(this.csv!).map((l) => this.rows.get(l.code) ?? l);
      this.csv = undefined;
      this.rows.clear();
    }
    return this.laos;
  }

  private get byCode(): ReadonlyMap<string, Lao> {
    this.index ??= new Map(this.all.map((l) => [l.code, l]));
    return this.index;
  }

  /** The row of `code` in a register not parsed yet; the last such row, as in `byCode`. */
  private rowOf(csv: string, code: string): Lao | undefined {
    if (this.rows.has(code)) return this.rows.get(code);
    const at = csv.lastIndexOf(`\n${code},`);
    let lao: Lao | undefined;
    if (at >= 0) {
      const end = csv.indexOf("\n", at + 1);
      const line = csv.slice(at + 1, end < 0 ? undefined : end).replace(/\r$/, "");
      lao = parseRegisterRow(line, () => csv.slice(0, at + 1).split("\n").length);
    }
    this.rows.set(code, lao);
    return lao;
  }

  /** Made at the first search: a look-up by code (what most commands do) needs none of it. */
  private get keys(): ReadonlyArray<{ lao: Lao; name: string; district: string; province: string }> {
    this.searchKeys ??= this.all.map((lao) => ({
      lao,
      name: normaliseQuery(lao.name),
      district: normaliseQuery(lao.districtTh),
      province: normaliseQuery(`${lao.provinceTh}${lao.provinceEn}`),
    }));
    return this.searchKeys;
  }

  get size(): number {
    return this.all.length;
  }

  get(code: string): Lao | undefined {
    const normal = normaliseLaoCode(code);
    if (normal === undefined) return undefined;
    return this.csv !== undefined ? this.rowOf(this.csv, normal) : this.byCode.get(normal);
  }

  inProvince(provinceCode: string): Lao[] {
    return this.all.filter((l) => l.provinceCode === provinceCode);
  }

  /**
   * Finds LAOs by code, name (with or without its type word), district or province. Words
   * separated by spaces must all match, so "คลองท่อม กระบี่" narrows to that province.
   * A type word in the query ("อบต.", "เทศบาลตำบล") keeps only LAOs of that type.
   */
  search(text: string, limit = 20): LaoMatch[] {
    const words = text.trim().split(/\s+/).filter(Boolean);
    if (words.length === 0) return [];
    const byCode = words.length === 1 ? this.get(words[0]!) : undefined;
    if (byCode) return [{ lao: byCode, rank: 0 }];

    let typeFilter: LaoType | undefined;
    const terms: string[] = [];
    for (const word of words) {
      const asType = parseLaoType(word);
      if (asType) {
        typeFilter = asType;
        continue;
      }
      const query = normaliseQuery(word);
      const stripped = stripTypePrefix(query);
      if (stripped !== query)
        typeFilter = parseLaoType(query.slice(0, query.length - stripped.length)) ?? typeFilter;
      terms.push(stripped);
    }
    if (terms.length === 0 && !typeFilter) return [];

    const matches: LaoMatch[] = [];
    for (const key of this.keys) {
      if (typeFilter && key.lao.type !== typeFilter) continue;
      let rank = 0;
      let ok = true;
      for (const term of terms) {
        const r =
          key.name === term
            ? 1
            : key.name.startsWith(term)
              ? 2
              : key.name.includes(term)
                ? 3
                : key.district.includes(term)
                  ? 4
                  : key.province.includes(term)
                    ? 5
                    : -1;
        if (r < 0) {
          ok = false;
          break;
        }
        rank = Math.max(rank, r);
      }
      if (ok) matches.push({ lao: key.lao, rank: terms.length === 0 ? 5 : rank });
    }
    matches.sort(
      (a, b) =>
        a.rank - b.rank || a.lao.name.localeCompare(b.lao.name, "th") || a.lao.code.localeCompare(b.lao.code),
    );
    return matches.slice(0, limit);
  }
}

/** "อบต.คลองท่อมเหนือ (6810403) อ.คลองท่อม จ.กระบี่" */
export function describeLao(lao: Lao): string {
  const prefix = LAO_TYPE_INFO[lao.type].th;
  const name = lao.name.startsWith(prefix) ? lao.name : `${prefix}${lao.name}`;
  return `${name} (${lao.code}) อ.${lao.districtTh} จ.${lao.provinceTh}`;
}
