import ExcelJS from "exceljs";
import { checkUnpack, XLSX_LIMITS } from "./zipSize";
import {
  columnLetter,
  formatIssuePath,
  INDICATOR_KINDS,
  LAO_TYPE_INFO,
  LAO_TYPES,
  parseLaoType,
  PASS_LABELS,
  readNumber,
  roundSchema,
  thaiIssues,
  toArabicDigits,
  type IndicatorKind,
  type LaoType,
  type Round,
  type RoundInput,
} from "../core";
import { problemIssueMessage } from "../i18n/issues";
import { cellPlainValue, cellText } from "./cells";

/**
 * The round workbook: how the national office writes a round's indicators and targets in Excel
 * and loads them without a code change. `exportRoundWorkbook` writes a shipped round in this
 * format, so the format documents itself; `importRoundWorkbook` reads it back and reports every
 * problem with its sheet, row and column, in Thai.
 */

export const ROUND_SHEET = "รอบการประเมิน";
export const AREA_SHEET = "ด้าน";
export const INDICATOR_SHEET = "ตัวชี้วัด";
export const HELP_SHEET = "คำอธิบาย";

export interface WorkbookProblem {
  readonly sheet: string;
  readonly row?: number;
  readonly column?: string;
  readonly message: string;
}

export type RoundImport =
  | { readonly ok: true; readonly round: Round }
  | { readonly ok: false; readonly problems: readonly WorkbookProblem[] };

interface Field {
  readonly key: string;
  readonly th: string;
  readonly help: string;
}

const ROUND_FIELDS: readonly Field[] = [
  { key: "id", th: "รหัสรอบ", help: "ปี พ.ศ. ของรอบ เช่น 2569 ใช้เป็นคำขึ้นต้นของรหัสตัวชี้วัดทุกตัว" },
  { key: "year", th: "ปีที่ประเมิน (พ.ศ.)", help: "เช่น 2569" },
  { key: "fiscalYear", th: "ปีงบประมาณของข้อมูล (พ.ศ.)", help: "ปีงบประมาณที่ประเมินผลการดำเนินงาน เช่น 2568" },
  { key: "title", th: "ชื่อรอบการประเมิน", help: "ชื่อเต็มตามหนังสือแจ้ง" },
  {
    key: "laoTypes",
    th: "ประเภท อปท. ที่ประเมิน",
    help: "คั่นด้วยจุลภาค เช่น อบจ., เทศบาลนคร, เทศบาลเมือง, เทศบาลตำบล, อบต., เมืองพัทยา หรือ ทุกประเภท",
  },
  { key: "opens", th: "วันเปิดรับข้อมูล", help: "วันที่ในเซลล์วันที่ หรือพิมพ์ วว/ดด/ปปปป (พ.ศ.) เช่น 1/7/2569" },
  { key: "closes", th: "วันปิดรับข้อมูล", help: "ปิดเวลา 24.00 น. ของวันนี้ (เวลาประเทศไทย)" },
  { key: "windowProvisional", th: "ช่วงเวลาเป็นค่าชั่วคราว", help: "ใช่ ถ้ายังไม่มีหนังสือแจ้งช่วงเวลา" },
  { key: "windowSource", th: "แหล่งที่มาของช่วงเวลา", help: "เลขที่และวันที่ของหนังสือแจ้ง" },
  { key: "passLabel", th: "ข้อความผลเมื่อผ่าน", help: `${PASS_LABELS.join(" หรือ ")}` },
  {
    key: "percentDecimals",
    th: "ทศนิยมของร้อยละในรายงาน",
    help: "จำนวนตำแหน่งทศนิยมที่รายงานของรอบนี้พิมพ์ร้อยละ เช่น 2 (ว่าง = 2)",
  },
  { key: "trailingZeros", th: "ตัดศูนย์ท้ายทศนิยม", help: "ใช่ = พิมพ์ 100 แทน 100.00 (ว่าง = ใช่)" },
  {
    key: "dash",
    th: "ช่องร้อยละที่ไม่มีค่า",
    help: "สิ่งที่รายงานพิมพ์ในช่องร้อยละเมื่อไม่มีบริการสาธารณะหรือไม่ได้ดำเนินการ (ว่าง = -)",
  },
  { key: "source", th: "แหล่งที่มาของตัวชี้วัด", help: "" },
  { key: "notes", th: "หมายเหตุ", help: "" },
];

const AREA_COLUMNS: readonly Field[] = [
  { key: "id", th: "รหัสด้าน", help: "สั้น ๆ เช่น 1, 2, S" },
  { key: "title", th: "ชื่อด้าน", help: "เช่น ด้านการศึกษา" },
  { key: "form", th: "แบบ", help: "เลขแบบของด้านนี้ เช่น 2-1 (แบบ อบต. 2-1) หรือ 3" },
];

const KIND_TH: Readonly<Record<IndicatorKind, string>> = {
  ratio: "ร้อยละ",
  count: "จำนวน",
  yesno: "มี/ไม่มี",
  satisfaction: "ความพึงพอใจ",
};

const TARGET_KEYS = ["default", ...LAO_TYPES] as const;
type TargetKey = (typeof TARGET_KEYS)[number];
const targetName = (k: TargetKey): string => (k === "default" ? "ค่าเริ่มต้น" : LAO_TYPE_INFO[k].th);

const INDICATOR_COLUMNS: readonly Field[] = [
  {
    key: "id",
    th: "รหัสตัวชี้วัด",
    help: "ไม่ซ้ำกัน ขึ้นต้นด้วยรหัสรอบ เช่น 2569-1-01 ใช้ในสูตร =MINSTD.CHECK(...) ห้ามเปลี่ยนหลังประกาศ",
  },
  { key: "area", th: "รหัสด้าน", help: "ตามแผ่นงาน ด้าน" },
  { key: "mission", th: "รหัสภารกิจ", help: "เช่น 1" },
  { key: "missionTitle", th: "ชื่อภารกิจ", help: "เช่น ภารกิจที่ 1 ถนนและการระบายน้ำ (ภารกิจเดียวกันใช้ชื่อเดียวกัน)" },
  { key: "no", th: "ลำดับ", help: "เลขข้อที่พิมพ์ในแบบ เช่น 1 หรือ 1.2" },
  { key: "text", th: "ตัวชี้วัด", help: "ข้อความตัวชี้วัด ใส่ {lao_type} ตรงที่ต้องการชื่อประเภท อปท. (อบต./เทศบาล/อบจ.)" },
  { key: "short", th: "ข้อความย่อ", help: "ไม่บังคับ ใช้ในรายการของบานหน้าต่าง" },
  { key: "kind", th: "ชนิด", help: `${Object.values(KIND_TH).join(" / ")}` },
  { key: "unit", th: "หน่วยของผล", help: "ร้อยละ สำหรับร้อยละและความพึงพอใจ หรือ ครั้ง โครงการ แห่ง ฯลฯ" },
  { key: "comparison", th: "การเทียบค่าเป้าหมาย", help: ">= (ยิ่งมากยิ่งดี ค่าเริ่มต้น) หรือ <= (ยิ่งน้อยยิ่งดี)" },
  { key: "integer", th: "จำนวนเต็มเท่านั้น", help: "ชนิดจำนวน: ใช่ (ค่าเริ่มต้น) หรือ ไม่ใช่ เช่น พื้นที่ ตร.ม." },
  { key: "base", th: "(1) กรอบการประเมิน", help: "ร้อยละ/ความพึงพอใจ: ข้อมูลที่กรอกในช่อง (1)" },
  { key: "served", th: "(2) การจัดบริการสาธารณะ", help: "ร้อยละ/ความพึงพอใจ: ข้อมูลที่กรอกในช่อง (2)" },
  { key: "inputUnit", th: "หน่วยของ (1) และ (2)", help: "เช่น กม. ตร.ม. คน บาท" },
  { key: "laoTypes", th: "ใช้กับประเภท อปท.", help: "ว่าง = ทุกประเภทของรอบ หรือคั่นด้วยจุลภาค" },
  ...TARGET_KEYS.flatMap((k) => [
    {
      key: `target.${k}`,
      th: `ค่าเป้าหมาย ${targetName(k)}`,
      help:
        k === "default" ? "ใช้กับประเภทที่ไม่ได้กำหนดค่าเป้าหมายของตัวเอง" : `ค่าเป้าหมายขั้นต่ำของ ${LAO_TYPE_INFO[k].th}`,
    },
    {
      key: `provisional.${k}`,
      th: `ชั่วคราว ${targetName(k)}`,
      help: "ใช่ ถ้าค่าเป้าหมายยังไม่มีแหล่งอ้างอิง (ว่างแหล่งที่มา = ชั่วคราว)",
    },
    { key: `source.${k}`, th: `แหล่งที่มา ${targetName(k)}`, help: "หนังสือหรือเอกสารที่กำหนดค่าเป้าหมายนี้" },
  ]),
  { key: "guidance", th: "คำแนะนำการกรอก", help: "ไม่บังคับ แสดงเป็นข้อความช่วยเหลือในแบบรวบรวมข้อมูล" },
  {
    key: "continues",
    th: "ต่อจากตัวชี้วัดของรอบก่อน",
    help: "ไม่บังคับ รหัสของตัวชี้วัดเดียวกันในรอบก่อน เช่น 2568-1-01 เพื่อแสดงผลเทียบกับปีก่อน เว้นว่างถ้าเป็นตัวชี้วัดใหม่หรือวัดต่างจากเดิม",
  },
];

const YES = new Set(["ใช่", "yes", "y", "true", "1", "✓"]);
const NO = new Set(["ไม่ใช่", "no", "n", "false", "0", ""]);

function yesNo(text: string): boolean | undefined {
  const key = text.trim().toLowerCase();
  if (YES.has(key)) return true;
  if (NO.has(key)) return false;
  return undefined;
}

function parseTypes(text: string, onBad: (word: string) => void): LaoType[] | undefined {
  const t = text.trim();
  if (t === "" || t === "ทุกประเภท" || t.toLowerCase() === "all") return undefined;
  const types: LaoType[] = [];
  for (const word of t
    .split(/[,、;]+/)
    .map((w) => w.trim())
    .filter(Boolean)) {
    const type = parseLaoType(word);
    if (type) types.push(type);
    else onBad(word);
  }
  return types;
}

function parseKind(text: string): IndicatorKind | undefined {
  const t = text.trim().toLowerCase();
  if ((INDICATOR_KINDS as readonly string[]).includes(t)) return t as IndicatorKind;
  const entry = Object.entries(KIND_TH).find(([, th]) => th.replace(/\s/g, "") === t.replace(/\s/g, ""));
  return entry?.[0] as IndicatorKind | undefined;
}

/** A window day from a date cell or text: ISO (ค.ศ.) "2026-08-31", or วว/ดด/ปปปป with a B.E. or C.E. year. */
function parseDay(value: unknown): string | undefined {
  const pad = (n: number): string => String(n).padStart(2, "0");
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  // A date cell whose date format was lost reads as Excel's day number (1900 date system).
  if (typeof value === "number" && value > 20000 && value < 80000) {
    return new Date(Date.UTC(1899, 11, 30) + Math.round(value) * 86_400_000).toISOString().slice(0, 10);
  }
  if (typeof value !== "string") return undefined;
  const text = toArabicDigits(value.trim());
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return text;
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (!m) return undefined;
  const year = Number(m[3]) > 2400 ? Number(m[3]) - 543 : Number(m[3]);
  const iso = `${year}-${pad(Number(m[2]))}-${pad(Number(m[1]))}`;
  return Number.isNaN(Date.parse(`${iso}T00:00:00Z`)) ? undefined : iso;
}

function formatDayBE(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  return `${d}/${m}/${y! + 543}`;
}

/** Where each value of the round came from, to point problems found by the schema at their cells. */
interface Origin {
  readonly sheet: string;
  readonly row?: number;
  readonly columns?: ReadonlyMap<string, number>;
  readonly column?: number;
}

function headerIndex(
  sheet: ExcelJS.Worksheet,
  fields: readonly Field[],
  problems: WorkbookProblem[],
): Map<string, number> {
  const byKey = new Map<string, number>();
  const keyRow = sheet.getRow(1);
  const thRow = sheet.getRow(2);
  for (let c = 1; c <= Math.max(keyRow.cellCount, thRow.cellCount); c++) {
    const key = cellText(keyRow.getCell(c));
    const th = cellText(thRow.getCell(c));
    const field = fields.find((f) => f.key === key) ?? fields.find((f) => f.th === th);
    if (field) byKey.set(field.key, c);
  }
  for (const f of fields) {
    const required = ["id", "area", "mission", "missionTitle", "no", "text", "kind", "unit", "title", "form"];
    if (!byKey.has(f.key) && required.includes(f.key)) {
      problems.push({
        sheet: sheet.name,
        row: 1,
        message: `ไม่พบคอลัมน์ “${f.th}” (${f.key}) — แถว 1 ต้องมีชื่อคอลัมน์ตามแบบที่ส่งออกจาก minstd round export`,
      });
    }
  }
  return byKey;
}

function isBlankRow(row: ExcelJS.Row): boolean {
  let blank = true;
  row.eachCell((cell) => {
    if (cellText(cell) !== "") blank = false;
  });
  return blank;
}

/** Reads a round workbook. Every problem is reported at once, each with its sheet, row and column. */
export async function importRoundWorkbook(data: Buffer | ArrayBuffer): Promise<RoundImport> {
  const unpack = checkUnpack(Buffer.isBuffer(data) ? data : Buffer.from(data));
  if (!unpack.ok && unpack.reason === "too-large") {
    const mb = XLSX_LIMITS.maxUnpackedBytes / 1024 / 1024;
    return {
      ok: false,
      problems: [
        {
          sheet: "(ไฟล์)",
          message: `ไฟล์นี้ขยายออกมาใหญ่เกิน ${mb} MB — แฟ้มรอบการประเมินไม่เคยใหญ่ขนาดนี้ ตรวจสอบว่าเป็นแฟ้มที่ถูกต้อง`,
        },
      ],
    };
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as ArrayBuffer);
  } catch {
    return {
      ok: false,
      problems: [
        { sheet: "(ไฟล์)", message: "เปิดไฟล์ไม่ได้ — ไฟล์ต้องเป็น Excel (.xlsx) ถ้าเป็น .xls ให้บันทึกเป็น .xlsx ก่อน" },
      ],
    };
  }
  const problems: WorkbookProblem[] = [];
  const sheets = [ROUND_SHEET, AREA_SHEET, INDICATOR_SHEET].map((name) => {
    const sheet = wb.getWorksheet(name);
    if (!sheet)
      problems.push({
        sheet: name,
        message: `ไม่พบแผ่นงาน “${name}” — ใช้ไฟล์ที่ส่งออกจาก minstd round export เป็นต้นแบบ`,
      });
    return sheet;
  });
  const [roundSheet, areaSheet, indicatorSheet] = sheets;
  if (!roundSheet || !areaSheet || !indicatorSheet) return { ok: false, problems };

  const origins = new Map<string, Origin>();
  const at = (path: string, origin: Origin): void => void origins.set(path, origin);

  // The round sheet: one field per row, the field key in column A and its value in column C.
  const meta: Record<string, unknown> = {};
  const metaRow: Record<string, number> = {};
  roundSheet.eachRow((row, r) => {
    const key = cellText(row.getCell(1));
    const field =
      ROUND_FIELDS.find((f) => f.key === key) ?? ROUND_FIELDS.find((f) => f.th === cellText(row.getCell(2)));
    if (field) {
      meta[field.key] = cellPlainValue(row.getCell(3));
      metaRow[field.key] = r;
    }
  });
  const metaCell = (key: string): Origin => ({ sheet: ROUND_SHEET, row: metaRow[key], column: 3 });
  const metaText = (key: string): string =>
    meta[key] === null || meta[key] === undefined ? "" : String(meta[key]).trim();
  const metaNumber = (key: string): number | undefined => {
    const r = readNumber(meta[key], { integer: true });
    if (r.kind === "value") return r.value;
    problems.push({
      ...cellRef(metaCell(key)),
      message: `${ROUND_FIELDS.find((f) => f.key === key)!.th}: ต้องเป็นตัวเลขปี พ.ศ. เช่น 2569`,
    });
    return undefined;
  };
  for (const f of ROUND_FIELDS.slice(0, 7)) {
    if (metaRow[f.key] === undefined)
      problems.push({ sheet: ROUND_SHEET, message: `ไม่พบแถว “${f.th}” (${f.key})` });
  }
  const roundTypes = parseTypes(metaText("laoTypes"), (w) =>
    problems.push({
      ...cellRef(metaCell("laoTypes")),
      message: `ไม่รู้จักประเภท อปท. “${w}” — ใช้ อบจ., เทศบาลนคร, เทศบาลเมือง, เทศบาลตำบล, อบต. หรือ เมืองพัทยา`,
    }),
  ) ?? [...LAO_TYPES];
  const opens = parseDay(meta.opens);
  const closes = parseDay(meta.closes);
  for (const [key, day] of [
    ["opens", opens],
    ["closes", closes],
  ] as const) {
    if (metaRow[key] !== undefined && day === undefined) {
      problems.push({
        ...cellRef(metaCell(key)),
        message: `อ่านวันที่ไม่ได้ — ใส่เป็นเซลล์วันที่ หรือพิมพ์ วว/ดด/ปปปป (พ.ศ.) เช่น 31/8/2569`,
      });
    }
  }
  const windowProvisional = yesNo(metaText("windowProvisional"));
  const printout: Record<string, unknown> = {};
  if (metaText("percentDecimals") !== "") {
    const decimals = readNumber(meta.percentDecimals, { integer: true });
    if (decimals.kind === "value") printout.percentDecimals = decimals.value;
    else
      problems.push({
        ...cellRef(metaCell("percentDecimals")),
        message: "ทศนิยมของร้อยละในรายงาน: ต้องเป็นจำนวนเต็ม 0–10 เช่น 2",
      });
  }
  const dropZeros = metaText("trailingZeros") === "" ? undefined : yesNo(metaText("trailingZeros"));
  if (dropZeros !== undefined) printout.trailingZeros = dropZeros ? "drop" : "keep";
  if (metaText("dash") !== "") printout.dash = metaText("dash");
  const round: Record<string, unknown> = {
    schemaVersion: 1,
    id: metaText("id"),
    year: metaNumber("year"),
    fiscalYear: metaNumber("fiscalYear"),
    title: metaText("title"),
    laoTypes: roundTypes,
    window: {
      opens,
      closes,
      ...(windowProvisional && { provisional: true }),
      ...(metaText("windowSource") && { source: metaText("windowSource") }),
    },
    ...(metaText("passLabel") && { passLabel: metaText("passLabel") }),
    ...(Object.keys(printout).length > 0 && { printout }),
    ...(metaText("source") && { source: metaText("source") }),
    ...(metaText("notes") && { notes: metaText("notes") }),
    areas: [],
  };
  const PRINTOUT_KEYS = ["percentDecimals", "trailingZeros", "dash"];
  for (const f of ROUND_FIELDS)
    at(
      f.key === "opens" || f.key === "closes"
        ? `window.${f.key}`
        : PRINTOUT_KEYS.includes(f.key)
          ? `printout.${f.key}`
          : f.key,
      metaCell(f.key),
    );
  at("window", metaCell("closes"));

  // Areas.
  const areaCols = headerIndex(areaSheet, AREA_COLUMNS, problems);
  const areas: Array<{
    id: string;
    title: string;
    form: string;
    missions: Array<{ id: string; title: string; indicators: unknown[] }>;
  }> = [];
  areaSheet.eachRow((row, r) => {
    if (r <= 2 || isBlankRow(row)) return;
    const get = (k: string): string => (areaCols.has(k) ? cellText(row.getCell(areaCols.get(k)!)) : "");
    at(`areas[${areas.length}]`, { sheet: AREA_SHEET, row: r, columns: areaCols });
    areas.push({ id: get("id"), title: get("title"), form: get("form"), missions: [] });
  });
  round.areas = areas;

  // Indicators, grouped into their areas and missions in sheet order.
  const cols = headerIndex(indicatorSheet, INDICATOR_COLUMNS, problems);
  indicatorSheet.eachRow((row, r) => {
    if (r <= 2 || isBlankRow(row)) return;
    const raw = (k: string): unknown => (cols.has(k) ? cellPlainValue(row.getCell(cols.get(k)!)) : null);
    const get = (k: string): string => (cols.has(k) ? cellText(row.getCell(cols.get(k)!)) : "");
    const cell = (k: string): Omit<WorkbookProblem, "message"> => ({
      sheet: INDICATOR_SHEET,
      row: r,
      column: columnRef(cols, k),
    });
    const areaIndex = areas.findIndex((a) => a.id === get("area"));
    if (areaIndex < 0) {
      problems.push({ ...cell("area"), message: `ไม่มีด้านรหัส “${get("area")}” ในแผ่นงาน ${AREA_SHEET}` });
      return;
    }
    const area = areas[areaIndex]!;
    let missionIndex = area.missions.findIndex((m) => m.id === get("mission"));
    if (missionIndex < 0) {
      area.missions.push({ id: get("mission"), title: get("missionTitle"), indicators: [] });
      missionIndex = area.missions.length - 1;
      at(`areas[${areaIndex}].missions[${missionIndex}]`, { sheet: INDICATOR_SHEET, row: r, columns: cols });
    } else if (get("missionTitle") && area.missions[missionIndex]!.title !== get("missionTitle")) {
      problems.push({
        ...cell("missionTitle"),
        message: `ภารกิจ ${get("mission")} ของด้าน ${area.id} ใช้ชื่อไม่ตรงกับแถวก่อนหน้า (“${area.missions[missionIndex]!.title}”)`,
      });
    }
    const mission = area.missions[missionIndex]!;
    const kind = parseKind(get("kind"));
    if (!kind)
      problems.push({
        ...cell("kind"),
        message: `ชนิด “${get("kind")}” ไม่ถูกต้อง — ใช้ ${Object.values(KIND_TH).join(" / ")}`,
      });
    const targets: Record<string, unknown> = {};
    for (const k of TARGET_KEYS) {
      const value = raw(`target.${k}`);
      if (value === null || value === "") continue;
      const reading = readNumber(value);
      if (reading.kind !== "value") {
        problems.push({
          ...cell(`target.${k}`),
          message: `ค่าเป้าหมาย ${targetName(k)} ต้องเป็นตัวเลข 0 ขึ้นไป เช่น 80`,
        });
        continue;
      }
      const source = get(`source.${k}`);
      const marked = yesNo(get(`provisional.${k}`));
      if (marked === undefined) problems.push({ ...cell(`provisional.${k}`), message: "พิมพ์ ใช่ หรือเว้นว่าง" });
      targets[k] = {
        value: reading.value,
        provisional: marked === true || source === "",
        ...(source && { source }),
      };
    }
    const integer = yesNo(get("integer"));
    const types = parseTypes(get("laoTypes"), (w) =>
      problems.push({ ...cell("laoTypes"), message: `ไม่รู้จักประเภท อปท. “${w}”` }),
    );
    const indicator: Record<string, unknown> = {
      id: get("id"),
      no: get("no"),
      text: get("text"),
      ...(get("short") && { short: get("short") }),
      kind: kind ?? get("kind"),
      unit: get("unit"),
      ...(get("comparison") && { comparison: get("comparison").replace("≥", ">=").replace("≤", "<=") }),
      ...(get("integer") && integer !== undefined && { integer }),
      ...((get("base") || get("served")) && {
        inputs: {
          base: get("base"),
          served: get("served"),
          ...(get("inputUnit") && { unit: get("inputUnit") }),
        },
      }),
      targets,
      ...(types && { laoTypes: types }),
      ...(get("guidance") && { guidance: get("guidance") }),
      ...(get("continues") && { continues: get("continues") }),
    };
    at(`areas[${areaIndex}].missions[${missionIndex}].indicators[${mission.indicators.length}]`, {
      sheet: INDICATOR_SHEET,
      row: r,
      columns: cols,
    });
    mission.indicators.push(indicator);
  });

  const seenIds = new Map<string, number>();
  indicatorSheet.eachRow((row, r) => {
    if (r <= 2 || !cols.has("id")) return;
    const id = cellText(row.getCell(cols.get("id")!));
    if (!id) return;
    const first = seenIds.get(id);
    if (first !== undefined) {
      problems.push({
        sheet: INDICATOR_SHEET,
        row: r,
        column: columnRef(cols, "id"),
        message: `รหัสตัวชี้วัด ${id} ซ้ำกับแถว ${first} — รหัสต้องไม่ซ้ำกัน`,
      });
    } else seenIds.set(id, r);
  });

  const parsed = roundSchema.safeParse(round);
  if (!parsed.success) {
    // A cell already reported above is not reported again in the schema's words.
    const reported = new Set(problems.map((p) => `${p.sheet}|${p.row}|${p.column?.split(" ")[0]}`));
    for (const issue of thaiIssues(roundSchema, round)) {
      const p = locate(issue.path, problemIssueMessage(issue) ?? issue.message, origins);
      if (!reported.has(`${p.sheet}|${p.row}|${p.column?.split(" ")[0]}`)) problems.push(p);
    }
  }
  if (problems.length > 0 || !parsed.success) return { ok: false, problems: dedupe(problems) };
  return { ok: true, round: parsed.data };
}

function columnRef(cols: ReadonlyMap<string, number>, key: string): string | undefined {
  const c = cols.get(key);
  if (c === undefined) return undefined;
  const field = INDICATOR_COLUMNS.find((f) => f.key === key) ?? AREA_COLUMNS.find((f) => f.key === key);
  return `${columnLetter(c)} (${field?.th ?? key})`;
}

function cellRef(origin: Origin): Omit<WorkbookProblem, "message"> {
  return {
    sheet: origin.sheet,
    ...(origin.row !== undefined && { row: origin.row }),
    ...(origin.column !== undefined && { column: columnLetter(origin.column) }),
  };
}

/** Maps a schema issue such as areas[1].missions[1].indicators[3].targets to its row and column. */
function locate(
  path: ReadonlyArray<PropertyKey>,
  message: string,
  origins: ReadonlyMap<string, Origin>,
): WorkbookProblem {
  for (let n = path.length; n >= 0; n--) {
    const prefix = formatIssuePath(path.slice(0, n)).replace(/\[(\d+)\]/g, (_, i) => `[${Number(i) - 1}]`);
    const origin = origins.get(prefix);
    if (!origin) continue;
    const field = String(path[n] ?? "");
    const colKey = field === "targets" ? "target.default" : field === "inputs" ? "base" : field;
    const column = origin.columns ? columnRef(origin.columns, colKey) : undefined;
    return { ...cellRef(origin), ...(column && { column }), message: `${message}` };
  }
  return { sheet: "(รอบ)", message: `${formatIssuePath(path)}: ${message}` };
}

function dedupe(problems: readonly WorkbookProblem[]): WorkbookProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.sheet}|${p.row}|${p.column}|${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** "แผ่นงาน ตัวชี้วัด แถว 5 คอลัมน์ H (ชนิด): …" */
export function describeWorkbookProblem(p: WorkbookProblem): string {
  const where = [
    `แผ่นงาน ${p.sheet}`,
    p.row !== undefined ? `แถว ${p.row}` : "",
    p.column ? `คอลัมน์ ${p.column}` : "",
  ]
    .filter(Boolean)
    .join(" ");
  return `${where}: ${p.message}`;
}

const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDE7F3" } };
const KEY_FONT: Partial<ExcelJS.Font> = { color: { argb: "FF7F7F7F" }, size: 9 };

function writeHeader(sheet: ExcelJS.Worksheet, fields: readonly Field[]): void {
  sheet.addRow(fields.map((f) => f.key)).font = KEY_FONT;
  const th = sheet.addRow(fields.map((f) => f.th));
  th.font = { bold: true };
  th.eachCell((c, i) => {
    c.fill = HEADER_FILL;
    c.note = fields[i - 1]!.help || fields[i - 1]!.th;
  });
  sheet.views = [{ state: "frozen", ySplit: 2 }];
}

/** Writes a round in the round-workbook format. */
export async function exportRoundWorkbook(round: Round): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "MinStd";
  const help = wb.addWorksheet(HELP_SHEET);
  help.columns = [{ width: 28 }, { width: 30 }, { width: 90 }];
  help.addRow(["แบบรอบการประเมิน (round workbook)"]).font = { bold: true, size: 14 };
  help.addRow([
    "แก้ไขแผ่นงาน รอบการประเมิน ด้าน และ ตัวชี้วัด แล้วนำเข้าด้วย: minstd round import ไฟล์.xlsx -o รอบ.json  แถวที่ 1 ของแต่ละแผ่นงานเป็นชื่อช่องสำหรับโปรแกรม ห้ามแก้",
  ]);
  help.addRow([]);
  help.addRow(["แผ่นงาน", "ช่อง", "คำอธิบาย"]).font = { bold: true };
  for (const [sheet, fields] of [
    [ROUND_SHEET, ROUND_FIELDS],
    [AREA_SHEET, AREA_COLUMNS],
    [INDICATOR_SHEET, INDICATOR_COLUMNS],
  ] as const) {
    for (const f of fields) help.addRow([sheet, `${f.th} (${f.key})`, f.help]);
  }

  const rs = wb.addWorksheet(ROUND_SHEET);
  rs.columns = [{ width: 18 }, { width: 32 }, { width: 80 }, { width: 60 }];
  rs.addRow(["key", "ช่อง", "ค่า", "คำอธิบาย"]).font = { bold: true };
  const metaValues: Record<string, unknown> = {
    id: round.id,
    year: round.year,
    fiscalYear: round.fiscalYear,
    title: round.title,
    laoTypes: round.laoTypes.map((t) => LAO_TYPE_INFO[t].th).join(", "),
    opens: formatDayBE(round.window.opens),
    closes: formatDayBE(round.window.closes),
    windowProvisional: round.window.provisional ? "ใช่" : "",
    windowSource: round.window.source ?? "",
    passLabel: round.passLabel,
    percentDecimals: round.printout.percentDecimals,
    trailingZeros: round.printout.trailingZeros === "drop" ? "ใช่" : "ไม่ใช่",
    dash: round.printout.dash,
    source: round.source ?? "",
    notes: round.notes ?? "",
  };
  for (const f of ROUND_FIELDS) {
    const row = rs.addRow([f.key, f.th, metaValues[f.key], f.help]);
    row.getCell(1).font = KEY_FONT;
    row.getCell(3).alignment = { wrapText: true, vertical: "top" };
  }

  const as = wb.addWorksheet(AREA_SHEET);
  as.columns = [{ width: 10 }, { width: 60 }, { width: 10 }];
  writeHeader(as, AREA_COLUMNS);
  for (const a of round.areas) as.addRow([a.id, a.title, a.form]);

  const is = wb.addWorksheet(INDICATOR_SHEET);
  writeHeader(is, INDICATOR_COLUMNS);
  is.columns = INDICATOR_COLUMNS.map((f) => ({
    width: f.key === "text" ? 70 : f.key.startsWith("source.") ? 30 : 14,
  }));
  for (const area of round.areas) {
    for (const mission of area.missions) {
      for (const ind of mission.indicators) {
        const values: Record<string, unknown> = {
          id: ind.id,
          area: area.id,
          mission: mission.id,
          missionTitle: mission.title,
          no: ind.no,
          text: ind.text,
          short: ind.short ?? "",
          kind: KIND_TH[ind.kind],
          unit: ind.unit,
          comparison: ind.comparison,
          integer: ind.integer === undefined ? "" : ind.integer ? "ใช่" : "ไม่ใช่",
          base: ind.inputs?.base ?? "",
          served: ind.inputs?.served ?? "",
          inputUnit: ind.inputs?.unit ?? "",
          laoTypes: ind.laoTypes ? ind.laoTypes.map((t) => LAO_TYPE_INFO[t].th).join(", ") : "",
          guidance: ind.guidance ?? "",
          continues: ind.continues ?? "",
        };
        for (const k of TARGET_KEYS) {
          const t = ind.targets[k];
          if (!t) continue;
          values[`target.${k}`] = t.value;
          values[`provisional.${k}`] = t.provisional ? "ใช่" : "";
          values[`source.${k}`] = t.source ?? "";
        }
        const row = is.addRow(INDICATOR_COLUMNS.map((f) => values[f.key] ?? ""));
        row.alignment = { vertical: "top", wrapText: true };
      }
    }
  }
  for (const sheet of wb.worksheets) {
    sheet.pageSetup = {
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    };
  }
  help.getColumn(3).alignment = { wrapText: true, vertical: "top" };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export type { RoundInput };
