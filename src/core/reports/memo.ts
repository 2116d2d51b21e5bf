import { indicatorText, indicatorsFor, type CompiledRound } from "../rules/compiledRound";
import { laoDisplayName } from "../rules/laoTypes";
import { memoDefaults, memoTypeWords } from "./memoDefaults";
import { PROGRESS_TH } from "./progress";
import type { Lao } from "../rules/register";
import type { Round } from "../rules/round";
import { formatPercent, printedPercent, statusLabel } from "../rules/scoring";
import { resultShortLabel } from "../rules/vocabulary";
import type { CheckReport } from "../rules/submission";
import type { SummaryPart } from "../rules/summary";
import { formatThaiDate, formatThaiDateTime, toThaiDigits } from "../calendar/thai";

/**
 * The memo (บันทึกข้อความ) an LAO's office writes to its executives after the assessment, in the form
 * of the memos LAOs publish (seed 004): ส่วนราชการ, ที่, วันที่, เรื่อง, เรียน, the body, the results
 * per area, the indicators "for future development" (การพัฒนาในอนาคต and ไม่ได้ดำเนินการ), and a
 * signature block left for the head of office. Pure texts from the results: a writer (e.g. the .docx
 * writer in src/docx) only lays them out. Official letters write numbers in Thai digits.
 */

export interface MemoOptions {
  /** The day written after วันที่. */
  readonly date: Date;
  /** ส่วนราชการ: the office writing the memo. Default: the LAO type's สำนักปลัด and the LAO's name. */
  readonly department?: string;
  /** ที่: the memo's reference number; empty leaves a line to fill in by hand. */
  readonly reference?: string;
  /** เรียน: default the permanent secretary and the mayor or chief executive of the LAO type. */
  readonly to?: string;
  /** Who signs: the name is usually written by hand, the position defaults to หัวหน้าสำนักปลัด. */
  readonly signer?: { readonly name?: string; readonly position?: string };
  /** The receipt of the version reported, when it was submitted to the collection server. */
  readonly receipt?: { readonly number: string; readonly receivedAt: Date };
  /** When the province office returned the version reported for correction. */
  readonly returnedAt?: Date;
}

/**
 * What the memo can say of the data: complete (every indicator entered and valid), incomplete, or
 * returned for correction by the province office. Only complete data is reported as final.
 */
export type MemoState = "complete" | "incomplete" | "returned";

export interface MemoAreaRow {
  readonly title: string;
  /** Thai-digit texts, as printed in the memo's table. */
  readonly indicators: string;
  readonly passed: string;
  readonly below: string;
  readonly notDone: string;
  readonly noService: string;
  readonly passRate: string;
}

export interface MemoDevelopmentItem {
  /** "๑", "๒", … */
  readonly no: string;
  readonly text: string;
  readonly area: string;
  /** การพัฒนาในอนาคต, or ไม่ได้ดำเนินการในปีงบประมาณ พ.ศ. … */
  readonly label: string;
  /** "ผล ๗๐.๐๐ ค่าเป้าหมาย ๘๐" when there is a measured value. */
  readonly detail?: string;
}

export interface MemoModel {
  readonly heading: "บันทึกข้อความ";
  readonly state: MemoState;
  readonly department: string;
  readonly reference: string;
  readonly date: string;
  readonly subject: string;
  readonly to: string;
  /** The body before the table, one string per paragraph. */
  readonly opening: readonly string[];
  readonly areaTable: {
    readonly columns: readonly string[];
    readonly rows: readonly MemoAreaRow[];
    readonly total: MemoAreaRow;
  };
  readonly developmentHeading: string;
  /** Empty when every assessed indicator met its target. */
  readonly development: readonly MemoDevelopmentItem[];
  /** Said instead of the list when it is empty. */
  readonly noDevelopment: string;
  readonly closing: string;
  readonly signature: { readonly name: string; readonly position: string };
  /** Footnotes: provisional targets, results not final. */
  readonly notes: readonly string[];
}

/** "ร้อยละ ๘๐.๐๐" or "-" when nothing was assessed. */
function rateText(part: SummaryPart): string {
  return part.passRate === null ? "-" : toThaiDigits(formatPercent(part.passRate * 100));
}

function areaRow(title: string, part: SummaryPart): MemoAreaRow {
  const n = (x: number) => toThaiDigits(x);
  return {
    title,
    indicators: n(part.total),
    passed: n(part.counts.pass),
    below: n(part.counts.below),
    notDone: n(part.counts["not-done"]),
    noService: n(part.counts["no-service"]),
    passRate: rateText(part),
  };
}

/** "ผล ๖๖.๖๗ ค่าเป้าหมาย ๘๐": the percentage as the round's printout writes it. */
function measured(
  value: number | undefined,
  percent: number | undefined,
  target: number | undefined,
  round: Pick<Round, "printout">,
): string {
  const shown = percent !== undefined ? printedPercent(percent, round) : value;
  if (shown === undefined || target === undefined) return "";
  return toThaiDigits(`ผล ${shown} ค่าเป้าหมาย ${target}`);
}

/** The memo's texts for one LAO's results in a round. */
export function buildMemo(
  compiled: CompiledRound,
  lao: Lao,
  report: CheckReport,
  options: MemoOptions,
): MemoModel {
  const round = compiled.round;
  const words = memoTypeWords(lao.type);
  const defaults = memoDefaults(lao);
  const name = laoDisplayName(lao.type, lao.name);
  const department = options.department?.trim() || defaults.department;
  const year = toThaiDigits(round.year);
  const results = new Map(report.results.map((r) => [r.id, r]));
  const overall = report.summary.overall;
  const areas = report.summary.areas.filter((a) => a.total > 0);

  const development: MemoDevelopmentItem[] = [];
  for (const ind of indicatorsFor(compiled, lao.type)) {
    const r = results.get(ind.def.id);
    if (!r || (r.status !== "below" && r.status !== "not-done")) continue;
    const detail = measured(r.value, r.percent, r.target, round);
    development.push({
      no: toThaiDigits(development.length + 1),
      text: toThaiDigits(indicatorText(ind.def, lao.type)),
      area: ind.area.title,
      label: toThaiDigits(statusLabel(r.status, round)),
      ...(detail && { detail }),
    });
  }

  const submitted = options.receipt
    ? ` และส่งข้อมูลเข้าระบบแล้วเมื่อวันที่ ${formatThaiDateTime(options.receipt.receivedAt)} ใบรับเลขที่ ${toThaiDigits(options.receipt.number)}`
    : "";
  const unfinished = overall.counts.incomplete + overall.counts.invalid;
  const state: MemoState =
    options.returnedAt !== undefined ? "returned" : overall.complete ? "complete" : "incomplete";
  const office = department.split(" ")[0];
  // What was done with the data, as it stands: only complete data is reported as done and final.
  const collected = {
    complete: `${office} ได้รวบรวมข้อมูลและบันทึกข้อมูลตามแบบรวบรวมข้อมูลเรียบร้อยแล้ว${submitted} ผลการประเมิน`,
    incomplete: `${office} ได้รวบรวมข้อมูลและบันทึกข้อมูลตามแบบรวบรวมข้อมูลแล้วบางส่วน ยังกรอกข้อมูลไม่ครบหรือมีข้อมูลที่ต้องแก้ไข ${toThaiDigits(unfinished)} ตัวชี้วัด${submitted} ผลการประเมินเบื้องต้นซึ่งยังไม่ใช่ผลสุดท้าย`,
    returned: `${office} ได้รวบรวมข้อมูลและบันทึกข้อมูลตามแบบรวบรวมข้อมูล${submitted} ต่อมาข้อมูลฉบับนี้ถูก${PROGRESS_TH.returned}เมื่อวันที่ ${formatThaiDate(options.returnedAt ?? options.date)} และอยู่ระหว่างการแก้ไข ผลการประเมินตามข้อมูลที่ส่งไว้ซึ่งยังไม่ใช่ผลสุดท้าย`,
  }[state];
  const opening = [
    `ตามที่ สำนักงานปลัดสำนักนายกรัฐมนตรี โดยสำนักงานคณะกรรมการการกระจายอำนาจให้แก่องค์กรปกครองส่วนท้องถิ่น (สำนักงาน ก.ก.ถ.) ได้ขอความร่วมมือองค์กรปกครองส่วนท้องถิ่นดำเนินการประเมินตนเองและบันทึกข้อมูลตามแบบรวบรวมข้อมูลการจัดบริการสาธารณะขององค์กรปกครองส่วนท้องถิ่น ${toThaiDigits(round.title)} เพื่อนำผลการประเมินเสนอคณะกรรมการการกระจายอำนาจให้แก่องค์กรปกครองส่วนท้องถิ่น ใช้เป็นข้อมูลในการพัฒนาคุณภาพการจัดบริการสาธารณะขององค์กรปกครองส่วนท้องถิ่นต่อไป นั้น`,
    `${collected}การจัดบริการสาธารณะของ${name} จำนวน ${toThaiDigits(areas.length)} ด้าน ${toThaiDigits(overall.total)} ตัวชี้วัด ผ่านค่าเป้าหมายขั้นต่ำ ${toThaiDigits(overall.counts.pass)} ตัวชี้วัด จากตัวชี้วัดที่ประเมินได้ ${toThaiDigits(overall.assessed)} ตัวชี้วัด${overall.passRate === null ? "" : ` คิดเป็นร้อยละ ${rateText(overall)}`} รายละเอียดรายด้านดังนี้`,
  ];

  const notes: string[] = [];
  if (report.results.some((r) => r.provisional))
    notes.push("ค่าเป้าหมายบางตัวชี้วัดเป็นค่าชั่วคราว ยังไม่มีแหล่งอ้างอิงอย่างเป็นทางการ");
  if (state === "returned") notes.push(`ข้อมูลฉบับนี้ถูก${PROGRESS_TH.returned} ผลนี้ยังไม่ใช่ผลสุดท้าย`);
  else if (state === "incomplete")
    notes.push(
      `ยังกรอกข้อมูลไม่ครบหรือมีข้อมูลที่ต้องแก้ ${toThaiDigits(overall.counts.incomplete + overall.counts.invalid)} ตัวชี้วัด ผลนี้ยังไม่ใช่ผลสุดท้าย`,
    );
  notes.push(`ผ่าน หมายถึง ${round.passLabel} ร้อยละที่ผ่าน คิดจากตัวชี้วัดที่ประเมินได้ ไม่นับตัวชี้วัดที่ไม่มีบริการสาธารณะ`);

  const closing =
    state === "complete"
      ? `จึงเรียนมาเพื่อโปรดทราบ และเห็นควรแจ้งผลการประเมินและภารกิจที่ต้องพัฒนาในอนาคตให้งานที่เกี่ยวข้องทราบ รวมทั้งรายงานที่ประชุม${words.council}ทราบ และประชาสัมพันธ์ให้ประชาชนได้รับทราบทางเว็บไซต์ของหน่วยงาน`
      : `จึงเรียนมาเพื่อโปรดทราบ และจะรายงานผลการประเมินฉบับสมบูรณ์ให้ทราบเมื่อ${state === "returned" ? "แก้ไขข้อมูลตามที่ส่งกลับ" : "กรอกข้อมูลครบถ้วน"}แล้ว เพื่อแจ้งงานที่เกี่ยวข้อง รายงานที่ประชุม${words.council} และประชาสัมพันธ์ให้ประชาชนได้รับทราบต่อไป`;

  // What the officer typed (office, reference, addressee, signer) stays as typed; every text MinStd
  // writes has Thai digits.
  const typed = {
    department,
    reference: options.reference?.trim() ?? "",
    to: options.to?.trim() || defaults.to,
    signature: {
      name: options.signer?.name?.trim()
        ? `(${options.signer.name.trim()})`
        : "(..................................................)",
      position: options.signer?.position?.trim() || defaults.signerPosition,
    },
  };
  const written = inThaiDigits({
    heading: "บันทึกข้อความ" as const,
    state,
    date: formatThaiDate(options.date),
    subject: `รายงานผลการประเมินการจัดบริการสาธารณะ ประจำปี พ.ศ. ${year}`,
    opening,
    areaTable: {
      // Short headings so the table's head stays on two lines; the note below names "ผ่าน" in full.
      columns: [
        "ด้าน",
        "ตัวชี้วัด",
        ...(["pass", "below", "not-done", "no-service"] as const).map((s) => resultShortLabel(s)),
        "ร้อยละที่ผ่าน",
      ],
      rows: areas.map((a) => areaRow(a.title, a)),
      total: areaRow("รวม", overall),
    },
    developmentHeading: "ภารกิจที่ต้องมีการพัฒนาในอนาคต ได้แก่",
    development,
    noDevelopment: "ตัวชี้วัดที่ประเมินได้ทุกตัวผ่านค่าเป้าหมายขั้นต่ำ ไม่มีภารกิจที่ต้องพัฒนาในอนาคต",
    closing,
    notes,
  });
  return { ...written, ...typed };
}

/** Every text of the memo with Thai digits, as official letters write numbers. */
function inThaiDigits<T>(value: T): T {
  if (typeof value === "string") return toThaiDigits(value) as T;
  if (Array.isArray(value)) return value.map(inThaiDigits) as T;
  if (value !== null && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, inThaiDigits(v)])) as T;
  return value;
}

/** The memo as plain text, in reading order: for a preview, a test, or a plain-text e-mail. */
export function memoText(memo: MemoModel): string {
  const table = [memo.areaTable.columns, ...[...memo.areaTable.rows, memo.areaTable.total].map(rowCells)];
  const list =
    memo.development.length === 0
      ? [memo.noDevelopment]
      : memo.development.map((d) => `${d.no}. ${d.text} (${d.label}${d.detail ? ` ${d.detail}` : ""})`);
  return [
    memo.heading,
    `ส่วนราชการ ${memo.department}`,
    `ที่ ${memo.reference || "...................."} วันที่ ${memo.date}`,
    `เรื่อง ${memo.subject}`,
    `เรียน ${memo.to}`,
    ...memo.opening,
    ...table.map((r) => r.join(" | ")),
    memo.developmentHeading,
    ...list,
    memo.closing,
    memo.signature.name,
    memo.signature.position,
    ...memo.notes.map((n) => `หมายเหตุ: ${n}`),
  ].join("\n");
}

function rowCells(r: MemoAreaRow): string[] {
  return [r.title, r.indicators, r.passed, r.below, r.notDone, r.noService, r.passRate];
}
