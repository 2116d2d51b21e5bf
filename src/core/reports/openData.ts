import * as z from "zod";
import type { CsvCell } from "./csv";
import { LAO_TYPES, LAO_TYPE_INFO, laoDisplayName, type LaoType } from "../rules/laoTypes";
import type { SummaryPart } from "../rules/summary";
import { toBangkokIso } from "../calendar/thai";
import { resultShortLabel } from "../rules/vocabulary";

/**
 * The open data of public results: one row per LAO and round. The row is defined here once; the
 * CSV header, the JSON document and the data dictionary (machine-readable and the human page in
 * docs/) all follow from OPEN_DATA_FIELDS.
 */

/** A field's meaning, in Thai; the dictionary adds the English its caller gives (OpenDataEnglish). */
interface FieldDoc {
  readonly th: string;
}

function field<T extends z.ZodType>(schema: T, th: string): T {
  return schema.meta({ th } satisfies FieldDoc);
}

const count = (th: string) => field(z.number().int().min(0), th);

/** The reasons an LAO's results are public (see docs/operations.md, "Public results"). */
export const PUBLIC_REASONS = ["window-closed", "published"] as const;
export type PublicReason = (typeof PUBLIC_REASONS)[number];

export const openDataRowSchema = z
  .object({
    round: field(z.string(), "รหัสรอบการประเมิน"),
    roundYear: field(z.number().int(), "ปีที่ประเมิน (พ.ศ.)"),
    laoCode: field(z.string().regex(/^[0-9]{7}$/), "รหัส อปท. ๗ หลัก (กรมส่งเสริมการปกครองท้องถิ่น)"),
    laoName: field(z.string(), "ชื่อ อปท. พร้อมประเภท"),
    laoType: field(z.enum(LAO_TYPES), "ประเภท อปท. (รหัส)"),
    laoTypeTh: field(z.string(), "ประเภท อปท."),
    provinceCode: field(z.string(), "รหัสจังหวัด"),
    provinceTh: field(z.string(), "จังหวัด"),
    provinceEn: field(z.string(), "จังหวัด (อังกฤษ)"),
    districtCode: field(z.string(), "รหัสอำเภอ"),
    districtTh: field(z.string(), "อำเภอ"),
    version: field(z.number().int().min(1), "ฉบับที่ส่ง (ฉบับล่าสุด)"),
    receiptNumber: field(z.string(), "เลขที่ใบรับ"),
    receivedAt: field(z.string(), "เวลาที่เครื่องแม่ข่ายรับข้อมูล (ISO 8601 เวลาประเทศไทย)"),
    publicBecause: field(
      z.enum(PUBLIC_REASONS),
      "เหตุที่เผยแพร่: window-closed = พ้นกำหนดส่งแล้ว, published = อปท. เลือกเผยแพร่เอง",
    ),
    indicators: count("จำนวนตัวชี้วัดที่ประเมิน"),
    pass: count("ผ่านค่าเป้าหมายขั้นต่ำ"),
    below: count(resultShortLabel("below")),
    notDone: count("ไม่ได้ดำเนินการ"),
    noService: count("ไม่มีบริการสาธารณะ (ไม่นับในร้อยละที่ผ่าน)"),
    incomplete: count("ยังไม่ได้กรอกข้อมูล"),
    invalid: count("ข้อมูลไม่ถูกต้อง"),
    assessed: count("จำนวนที่ประเมินได้ (ผ่าน + การพัฒนาในอนาคต + ไม่ได้ดำเนินการ)"),
    passRate: field(
      z.number().min(0).max(100).nullable(),
      "ร้อยละที่ผ่าน = ผ่าน ÷ ประเมินได้ × 100 (ทศนิยม ๒ ตำแหน่ง; ว่างเมื่อไม่มีตัวชี้วัดที่ประเมินได้)",
    ),
    complete: field(z.boolean(), "กรอกครบทุกตัวชี้วัด (true/false)"),
    pageUrl: field(z.string(), "ที่อยู่หน้าเว็บผลของ อปท. นี้"),
  })
  .strict();

export type OpenDataRow = z.infer<typeof openDataRowSchema>;
export type OpenDataField = keyof OpenDataRow;

/** The fields in column order: the CSV header. */
export const OPEN_DATA_FIELDS = Object.keys(openDataRowSchema.shape) as OpenDataField[];

/** The JSON document of one round. */
export const openDataDocumentSchema = z
  .object({
    round: z.object({ id: z.string(), year: z.number().int(), title: z.string() }).strict(),
    generatedAt: z.string(),
    dictionary: z.string(),
    rows: z.array(openDataRowSchema),
  })
  .strict();
export type OpenDataDocument = z.infer<typeof openDataDocumentSchema>;

export interface OpenDataSource {
  readonly round: { id: string; year: number };
  readonly lao: {
    code: string;
    type: LaoType;
    name: string;
    provinceCode: string;
    provinceTh: string;
    provinceEn: string;
    districtCode: string;
    districtTh: string;
  };
  readonly version: number;
  readonly receiptNumber: string;
  readonly receivedAt: Date;
  readonly reason: PublicReason;
  readonly overall: SummaryPart;
  readonly pageUrl: string;
}

function twoDecimals(rate: number | null): number | null {
  return rate === null ? null : Math.round(rate * 10000) / 100;
}

export function openDataRow(s: OpenDataSource): OpenDataRow {
  const c = s.overall.counts;
  return {
    round: s.round.id,
    roundYear: s.round.year,
    laoCode: s.lao.code,
    laoName: laoDisplayName(s.lao.type, s.lao.name),
    laoType: s.lao.type,
    laoTypeTh: LAO_TYPE_INFO[s.lao.type].th,
    provinceCode: s.lao.provinceCode,
    provinceTh: s.lao.provinceTh,
    provinceEn: s.lao.provinceEn,
    districtCode: s.lao.districtCode,
    districtTh: s.lao.districtTh,
    version: s.version,
    receiptNumber: s.receiptNumber,
    receivedAt: toBangkokIso(s.receivedAt),
    publicBecause: s.reason,
    indicators: s.overall.total,
    pass: c.pass,
    below: c.below,
    notDone: c["not-done"],
    noService: c["no-service"],
    incomplete: c.incomplete,
    invalid: c.invalid,
    assessed: s.overall.assessed,
    passRate: twoDecimals(s.overall.passRate),
    complete: s.overall.complete,
    pageUrl: s.pageUrl,
  };
}

/** The header row and one row per LAO, for csvText. */
export function openDataCsvRows(rows: readonly OpenDataRow[]): CsvCell[][] {
  return [
    [...OPEN_DATA_FIELDS],
    ...rows.map((row) =>
      OPEN_DATA_FIELDS.map((name) => {
        const v = row[name];
        return typeof v === "boolean" ? String(v) : v;
      }),
    ),
  ];
}

/** JSON Schema type of a field ("number | null" for a nullable number), for the dictionary. */
function fieldType(schema: z.ZodType): string {
  type Json = { type?: string | string[]; anyOf?: Json[] };
  const types = (json: Json): string[] =>
    json.anyOf ? json.anyOf.flatMap(types) : Array.isArray(json.type) ? json.type : [json.type ?? "string"];
  return types(z.toJSONSchema(schema) as Json).join(" | ");
}

export interface DictionaryEntry {
  readonly name: OpenDataField;
  readonly type: string;
  readonly nullable: boolean;
  readonly values?: readonly string[];
  readonly th: string;
  readonly en: string;
}

/** The English of the data dictionary, given by its caller (src/i18n's OPEN_DATA_EN): core keeps the Thai. */
export interface OpenDataEnglish {
  readonly title: string;
  readonly row: string;
  readonly formulaGuard: string;
  /** What each field means. */
  readonly fields: Readonly<Record<OpenDataField, string>>;
}

/** The dictionary's own texts, in Thai; each is written "Thai / English". */
const DICTIONARY_TH = {
  title: "ผลการประเมินมาตรฐานขั้นต่ำการจัดบริการสาธารณะของ อปท. ที่เผยแพร่",
  row: "หนึ่งแถวต่อ อปท. ต่อรอบการประเมิน",
  formulaGuard: "ข้อความที่ขึ้นต้นด้วย = + - @ มีเครื่องหมาย ' นำหน้า",
} as const;

function fieldTh(name: OpenDataField): string {
  return ((openDataRowSchema.shape[name] as z.ZodType).meta() as unknown as FieldDoc).th;
}

/** Every field of a row, in column order, with its type and its meaning in Thai and English. */
export function openDataDictionaryEntries(english: OpenDataEnglish): DictionaryEntry[] {
  return OPEN_DATA_FIELDS.map((name) => {
    const schema = openDataRowSchema.shape[name] as z.ZodType;
    const json = z.toJSONSchema(schema) as { enum?: string[] };
    return {
      name,
      type: fieldType(schema),
      nullable: schema.safeParse(null).success,
      ...(json.enum && { values: json.enum }),
      th: fieldTh(name),
      en: english.fields[name],
    };
  });
}

/** The JSON Schema of a round's document, each field of a row described in English (description), Thai and English. */
function documentJsonSchema(english: OpenDataEnglish) {
  const metadata = z.registry<{ description: string; th: string; en: string }>();
  for (const name of OPEN_DATA_FIELDS) {
    const en = english.fields[name];
    metadata.add(openDataRowSchema.shape[name] as z.ZodType, { description: en, th: fieldTh(name), en });
  }
  return z.toJSONSchema(openDataDocumentSchema, { metadata });
}

/** The machine-readable data dictionary: the fields, the file formats and the JSON Schema of a round's document. */
export function openDataDictionary(english: OpenDataEnglish) {
  const both = (key: keyof typeof DICTIONARY_TH) => `${DICTIONARY_TH[key]} / ${english[key]}`;
  return {
    title: both("title"),
    version: 1,
    row: both("row"),
    formats: {
      csv: {
        encoding: "UTF-8 with BOM",
        delimiter: ",",
        lineEnd: "CRLF",
        header: [...OPEN_DATA_FIELDS],
        empty: "null",
        formulaGuard: both("formulaGuard"),
      },
      json: { encoding: "UTF-8", schema: "jsonSchema" },
    },
    fields: openDataDictionaryEntries(english),
    jsonSchema: documentJsonSchema(english),
  };
}
