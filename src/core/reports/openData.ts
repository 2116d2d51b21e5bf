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

interface FieldDoc {
  readonly th: string;
  readonly en: string;
}

function field<T extends z.ZodType>(schema: T, th: string, en: string): T {
  return schema.meta({ description: en, th, en } satisfies FieldDoc & { description: string });
}

const count = (th: string, en: string) => field(z.number().int().min(0), th, en);

/** The reasons an LAO's results are public (see docs/operations.md, "Public results"). */
export const PUBLIC_REASONS = ["window-closed", "published"] as const;
export type PublicReason = (typeof PUBLIC_REASONS)[number];

export const openDataRowSchema = z
  .object({
    round: field(z.string(), "รหัสรอบการประเมิน", "round id"),
    roundYear: field(z.number().int(), "ปีที่ประเมิน (พ.ศ.)", "assessment year (Buddhist Era)"),
    laoCode: field(
      z.string().regex(/^[0-9]{7}$/),
      "รหัส อปท. ๗ หลัก (กรมส่งเสริมการปกครองท้องถิ่น)",
      "7-digit LAO code (DLA)",
    ),
    laoName: field(z.string(), "ชื่อ อปท. พร้อมประเภท", "LAO name with its type"),
    laoType: field(z.enum(LAO_TYPES), "ประเภท อปท. (รหัส)", "LAO type (code)"),
    laoTypeTh: field(z.string(), "ประเภท อปท.", "LAO type, in Thai"),
    provinceCode: field(z.string(), "รหัสจังหวัด", "province code"),
    provinceTh: field(z.string(), "จังหวัด", "province, in Thai"),
    provinceEn: field(z.string(), "จังหวัด (อังกฤษ)", "province, in English"),
    districtCode: field(z.string(), "รหัสอำเภอ", "district code"),
    districtTh: field(z.string(), "อำเภอ", "district, in Thai"),
    version: field(z.number().int().min(1), "ฉบับที่ส่ง (ฉบับล่าสุด)", "version submitted (the latest)"),
    receiptNumber: field(z.string(), "เลขที่ใบรับ", "receipt number"),
    receivedAt: field(
      z.string(),
      "เวลาที่เครื่องแม่ข่ายรับข้อมูล (ISO 8601 เวลาประเทศไทย)",
      "when the server received the version (ISO 8601, Thai time)",
    ),
    publicBecause: field(
      z.enum(PUBLIC_REASONS),
      "เหตุที่เผยแพร่: window-closed = พ้นกำหนดส่งแล้ว, published = อปท. เลือกเผยแพร่เอง",
      "why it is public: window-closed = the submission window has closed, published = the LAO published it",
    ),
    indicators: count("จำนวนตัวชี้วัดที่ประเมิน", "indicators assessed"),
    pass: count("ผ่านค่าเป้าหมายขั้นต่ำ", "indicators that met the minimum target"),
    below: count(resultShortLabel("below"), "below the target (for future development)"),
    notDone: count("ไม่ได้ดำเนินการ", "not done"),
    noService: count(
      "ไม่มีบริการสาธารณะ (ไม่นับในร้อยละที่ผ่าน)",
      "no such public service (left out of the pass rate)",
    ),
    incomplete: count("ยังไม่ได้กรอกข้อมูล", "not filled in"),
    invalid: count("ข้อมูลไม่ถูกต้อง", "invalid data"),
    assessed: count(
      "จำนวนที่ประเมินได้ (ผ่าน + การพัฒนาในอนาคต + ไม่ได้ดำเนินการ)",
      "indicators that count (pass + below + not done)",
    ),
    passRate: field(
      z.number().min(0).max(100).nullable(),
      "ร้อยละที่ผ่าน = ผ่าน ÷ ประเมินได้ × 100 (ทศนิยม ๒ ตำแหน่ง; ว่างเมื่อไม่มีตัวชี้วัดที่ประเมินได้)",
      "pass rate = pass ÷ assessed × 100 (2 decimals; empty when nothing is assessed)",
    ),
    complete: field(
      z.boolean(),
      "กรอกครบทุกตัวชี้วัด (true/false)",
      "every indicator filled in and valid (true/false)",
    ),
    pageUrl: field(z.string(), "ที่อยู่หน้าเว็บผลของ อปท. นี้", "address of this LAO's results page"),
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

/** Every field of a row, in column order, with its type and its meaning in Thai and English. */
export function openDataDictionaryEntries(): DictionaryEntry[] {
  return OPEN_DATA_FIELDS.map((name) => {
    const schema = openDataRowSchema.shape[name] as z.ZodType;
    const meta = schema.meta() as unknown as FieldDoc;
    const json = z.toJSONSchema(schema) as { enum?: string[] };
    return {
      name,
      type: fieldType(schema),
      nullable: schema.safeParse(null).success,
      ...(json.enum && { values: json.enum }),
      th: meta.th,
      en: meta.en,
    };
  });
}

/** The machine-readable data dictionary: the fields, the file formats and the JSON Schema of a round's document. */
export function openDataDictionary() {
  return {
    title: "ผลการประเมินมาตรฐานขั้นต่ำการจัดบริการสาธารณะของ อปท. ที่เผยแพร่ / public LAO minimum-standard results",
    version: 1,
    row: "หนึ่งแถวต่อ อปท. ต่อรอบการประเมิน / one row per LAO and round",
    formats: {
      csv: {
        encoding: "UTF-8 with BOM",
        delimiter: ",",
        lineEnd: "CRLF",
        header: [...OPEN_DATA_FIELDS],
        empty: "null",
        formulaGuard:
          "ข้อความที่ขึ้นต้นด้วย = + - @ มีเครื่องหมาย ' นำหน้า / text starting with = + - @ gets a leading apostrophe",
      },
      json: { encoding: "UTF-8", schema: "jsonSchema" },
    },
    fields: openDataDictionaryEntries(),
    jsonSchema: z.toJSONSchema(openDataDocumentSchema),
  };
}
