import {
  formatPercent,
  formatThaiDate,
  LAO_TYPE_INFO,
  PASS_RATE_RULE,
  resultLabel,
  trendLabel,
  type LaoType,
  type Round,
  type Status,
  type StatusCounts,
  type Trend,
} from "../../core";
import type { RequirementId } from "../../excel/requirements";
import type { DeadlineNotice, DeadlineTone } from "../view/deadline";
import { submitTh } from "./submitTh";
import { announcedCounts, filterLabels } from "./resultWords";

/** The pane writes Arabic digits, as Excel shows the figures beside it (see docs/en/officers.md, "Digits"). */
const PANE_DATE = { month: "short", digits: "arabic" } as const;

/** The pane's Thai texts: the reference for every other language (see Messages). */
export const th = {
  lang: "th",
  appTitle: "MinStd มาตรฐานขั้นต่ำการจัดบริการสาธารณะ",
  languageButton: "English",
  languageButtonLang: "en",
  languageButtonLabel: "English — เปลี่ยนเป็นภาษาอังกฤษ",

  outsideTitle: "เปิดใน Excel เพื่อใช้งาน",
  outsideBrowser: "หน้านี้เป็นส่วนเสริม (add-in) ของ Microsoft Excel จึงใช้งานในเว็บเบราว์เซอร์โดยตรงไม่ได้",
  outsideOtherHost: (host: string) => `ส่วนเสริมนี้ใช้ได้กับ Excel เท่านั้น แต่ขณะนี้เปิดอยู่ใน ${host}`,
  outsideHowTo:
    "เปิดไฟล์แบบรวบรวมข้อมูลใน Excel (บน Windows, Mac หรือ Excel บนเว็บ) แล้วเลือก MinStd จากแท็บหน้าแรก (Home)",
  lackingTitle: "Excel รุ่นนี้ใช้บานหน้าต่าง MinStd ไม่ได้",
  lackingWhichExcel:
    "บานหน้าต่าง MinStd และสูตร MINSTD.* ต้องใช้ Microsoft 365, Excel 2021 หรือ Excel 2024 หรือ Excel บนเว็บ — Office 2016 และ 2019 แบบซื้อขาด และ Excel บน iPad ใช้ไม่ได้",
  lackingMissingHeading: "สิ่งที่ Excel รุ่นนี้ไม่มี",
  requirementText: {
    sharedRuntime: "การทำงานของบานหน้าต่างร่วมกับสูตร MINSTD.* ตั้งแต่เปิดสมุดงาน",
    customFunctions: "สูตร MINSTD.* ที่คำนวณผลการประเมินในแต่ละเซลล์",
    workbookApi: "การสร้างแบบรวบรวมข้อมูล และการติดตามค่าที่พิมพ์ลงในแผ่นงาน",
    commentsApi: "ความเห็นของจังหวัดเป็นข้อคิดเห็นที่เซลล์",
    notesApi: "ความเห็นของจังหวัดเป็นบันทึกที่เซลล์",
  } satisfies Record<RequirementId, string>,
  requirementSetName: (name: string, version: string) => `(${name} ${version})`,
  lackingOtherWaysHeading: "ยังกรอกและส่งข้อมูลได้อีกสองทาง",
  lackingWorkbookTitle: "กรอกในแบบรวบรวมข้อมูลอย่างเดียว",
  lackingWorkbookBody:
    "แฟ้มแบบรวบรวมข้อมูลคำนวณผลการประเมินตามเกณฑ์ทางการด้วยสูตรธรรมดา จึงกรอกได้ใน Excel 2010 ขึ้นไป, LibreOffice, WPS Office หรือ Google Sheets โดยไม่ต้องใช้ MinStd (ถ้ายังไม่มีแฟ้ม ขอได้จากสำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด)",
  lackingUploadTitle: "ส่งแฟ้มทางหน้าเว็บ",
  lackingUploadBody:
    "เปิดหน้าเว็บ /dashboard/ ของเครื่องแม่ข่ายรับข้อมูล (ที่อยู่เดียวกับที่จังหวัดแจ้งพร้อมรหัสเข้าใช้งาน) เข้าสู่ระบบด้วยรหัสเข้าใช้งานของ อปท. แล้วอัปโหลดแฟ้มที่กรอกแล้ว ระบบตรวจข้อมูลและออกใบรับเหมือนส่งจากบานหน้าต่าง",
  lackingUploadAddress: "หน้าเว็บสำหรับส่งแฟ้ม:",
  lackingCli: "ผู้ดูแลระบบส่งแฟ้มด้วยคำสั่ง minstd submit ได้เช่นกัน",

  loadingWorkbook: "กำลังอ่านแบบรวบรวมข้อมูล…",
  readFailed: "อ่านแบบรวบรวมข้อมูลไม่สำเร็จ",
  retry: "ลองอีกครั้ง",
  errorDetail: (detail: string) => `รายละเอียด: ${detail}`,

  setupTitle: "สร้างแบบรวบรวมข้อมูล",
  setupIntro: "สมุดงานนี้ยังว่างอยู่ เลือก อปท. และรอบการประเมิน แล้วกดสร้าง ระบบจะสร้างชีตสำหรับกรอกข้อมูลให้",
  laoLabel: "อปท. (ค้นหาด้วยชื่อหรือรหัส อปท. 7 หลัก)",
  laoPlaceholder: "เช่น คลองท่อมเหนือ หรือ 6810403",
  laoHint: "พิมพ์ชื่อ อปท. อำเภอ หรือจังหวัด แล้วเลือกจากรายการ",
  loadingRegister: "กำลังโหลดทะเบียน อปท.…",
  noLaoMatch: (query: string) => `ไม่พบ อปท. ที่ตรงกับ “${query}” — ลองพิมพ์ชื่อให้สั้นลง หรือพิมพ์รหัส อปท.`,
  laoMatchCount: (shown: number, limit: number) =>
    shown >= limit ? `แสดง ${shown} รายการแรก — พิมพ์เพิ่มเพื่อให้แคบลง` : `พบ ${shown} รายการ`,
  laoTypeName: (type: LaoType) => LAO_TYPE_INFO[type].full,
  laoCode: "รหัส อปท.",
  laoType: "ประเภท",
  district: "อำเภอ",
  province: "จังหวัด",
  laoSelected: "อปท. ที่เลือก",
  roundLabel: "รอบการประเมิน",
  chooseLaoFirst: "เลือก อปท. ก่อน แล้วจึงเลือกรอบการประเมิน",
  noRoundForType: (type: LaoType) => `ยังไม่มีรอบการประเมินสำหรับ${LAO_TYPE_INFO[type].full}`,
  roundWindow: (opens: Date, closes: Date, provisional: boolean) =>
    `รับข้อมูล ${formatThaiDate(opens, PANE_DATE)} – ${formatThaiDate(closes, PANE_DATE)}${provisional ? " (กำหนดการชั่วคราว)" : ""}`,
  createButton: "สร้างแบบรวบรวมข้อมูล",
  creating: "กำลังสร้างแบบรวบรวมข้อมูล…",
  createFailed: "สร้างแบบรวบรวมข้อมูลไม่สำเร็จ — ข้อมูลในสมุดงานไม่ได้ถูกลบ ลองอีกครั้ง",

  unknownRound: (id: string) =>
    `สมุดงานนี้สร้างสำหรับรอบการประเมิน “${id}” ซึ่ง MinStd รุ่นนี้ไม่รู้จัก — อัปเดตส่วนเสริม แล้วเปิดใหม่`,
  unknownLao: (code: string) => `ไม่พบรหัส อปท. “${code}” ในทะเบียน อปท. — ตรวจสอบรหัส อปท. ในสมุดงาน`,
  typeNotCovered: (type: LaoType, round: string) =>
    `รอบการประเมิน ${round} ไม่ได้ประเมิน${LAO_TYPE_INFO[type].full} — สร้างแบบรวบรวมข้อมูลใหม่ในสมุดงานว่าง`,
  tabsLabel: "มุมมอง",
  tabIndicators: "ตัวชี้วัด",
  tabSummary: "สรุปผล",

  filterGroupLabel: "แสดงตามผลการประเมิน",
  filterLabels: filterLabels("th"),
  searchLabel: "ค้นหาตัวชี้วัด",
  searchPlaceholder: "ข้อความหรือรหัส เช่น 2568-1-01",
  noIndicatorsMatch: "ไม่มีตัวชี้วัดที่ตรงกับตัวกรองหรือคำค้น",
  shownCount: (shown: number, total: number) => `แสดง ${shown} จาก ${total} ตัวชี้วัด`,
  valueLabel: "ผล",
  targetLabel: "เป้าหมาย",
  guidanceLabel: "วิธีกรอก",
  notEntered: "ยังไม่กรอก",
  yes: "มี",
  no: "ไม่มี",
  provisionalMark: "ค่าเป้าหมายชั่วคราว",
  provisionalNote: "* ค่าเป้าหมายชั่วคราว ยังไม่มีแหล่งอ้างอิงอย่างเป็นทางการ ผลที่เทียบกับค่านี้ใช้ดูเบื้องต้นเท่านั้น",
  areaHeading: (form: string, title: string) => `แบบ ${form} ${title}`,
  areaCounts: (pass: number, assessed: number, total: number) =>
    `ผ่าน ${pass} จาก ${assessed} ที่ประเมินได้ · ทั้งหมด ${total} ตัวชี้วัด`,
  goToCell: (sheet: string, cell: string) => `ไปที่เซลล์ ${cell} ในชีต ${sheet}`,
  noCell: "ไม่พบแถวของตัวชี้วัดนี้ในสมุดงาน",
  selectFailed: "เลือกเซลล์ใน Excel ไม่สำเร็จ",
  workbookProblemsTitle: "สิ่งที่ต้องแก้ในสมุดงาน",
  toFillTitle: "ยังกรอกข้อมูลไม่ครบ",
  toFill: (count: number, sheet: string) =>
    `ยังไม่ได้กรอก ${count} ช่องในชีต ${sheet} (ข้อมูลพื้นฐานและผู้จัดเก็บข้อมูล) — กรอกให้ครบก่อนส่งข้อมูล`,
  goToFirstToFill: "ไปที่ช่องแรกที่ยังว่าง",
  statusLabel: (status: Status, round: Round) => resultLabel(status, round),
  pick: (thai: string, _english: string) => thai,

  overallTitle: "ภาพรวม",
  passRate: (rate: number | null) =>
    rate === null ? "ยังไม่มีผลที่ประเมินได้" : `ผ่าน ร้อยละ ${formatPercent(rate * 100)}`,
  passOfAssessed: (pass: number, assessed: number) => `ผ่าน ${pass} จาก ${assessed} ตัวชี้วัดที่ประเมินได้`,
  passRateBarLabel: (title: string) => `ร้อยละที่ผ่าน: ${title}`,
  passRateExplain: PASS_RATE_RULE,
  incompleteWarning: (count: number) => `ยังกรอกไม่ครบหรือมีข้อมูลที่ต้องแก้ ${count} ตัวชี้วัด`,
  completeNote: "กรอกครบทุกตัวชี้วัดแล้ว",
  insertSummary: "แทรกชีตสรุปผล",
  insertSummaryHint: "สร้างชีตตารางสรุปผลแบบเดียวกับที่ระบบทางการพิมพ์ พร้อมแผนภูมิร้อยละที่ผ่านรายด้าน",
  insertingSummary: "กำลังแทรกชีตสรุปผล…",
  summaryInserted: (sheet: string) => `แทรกชีต “${sheet}” แล้ว`,
  insertFailed: "แทรกชีตสรุปผลไม่สำเร็จ",

  deadlineTitle: {
    "not-open": "ยังไม่เปิดรับข้อมูล",
    info: "กำหนดส่งข้อมูล",
    warning: "ใกล้ถึงกำหนดส่ง",
    danger: "ใกล้ปิดรับแล้ว",
    closed: "ปิดรับข้อมูลแล้ว",
  } satisfies Record<DeadlineTone, string>,
  deadlineText: (notice: DeadlineNotice) => {
    const close = `${formatThaiDate(notice.closesDay, PANE_DATE)} เวลา 24.00 น.`;
    switch (notice.tone) {
      case "not-open":
        return `เปิดรับ ${formatThaiDate(notice.opensDay, PANE_DATE)} ปิดรับ ${close} — กรอกข้อมูลไว้ก่อนได้`;
      case "closed":
        return `ปิดรับไปแล้วเมื่อ ${close}`;
      default:
        return notice.daysLeft === 1
          ? `ปิดรับ ${close} — วันนี้เป็นวันสุดท้าย`
          : `ปิดรับ ${close} — เหลืออีก ${notice.daysLeft} วัน`;
    }
  },
  deadlineProvisional: "(กำหนดการชั่วคราว ยังไม่มีหนังสือแจ้งอย่างเป็นทางการ)",

  announce: (counts: StatusCounts, total: number) =>
    `${announcedCounts(counts, "th")} จากทั้งหมด ${total} ตัวชี้วัด`,

  memoTitle: "ร่างบันทึกข้อความรายงานผล (.docx)",
  memoIntro:
    "บันทึกข้อความรายงานผลการประเมินต่อผู้บริหาร ตามแบบที่ อปท. ใช้ จากข้อมูลในสมุดงานนี้ตอนนี้ (ไม่ต้องส่งข้อมูลหรือต่ออินเทอร์เน็ตก่อน) เปิดแก้ไขต่อใน Word แล้วเสนอลงนาม",
  memoDepartment: "ส่วนราชการ",
  memoReference: "ที่ (เลขที่หนังสือ)",
  memoReferenceHint: "เว้นว่างไว้ได้ เพื่อเขียนเลขที่ด้วยมือ",
  memoTo: "เรียน",
  memoSignerName: "ชื่อผู้ลงนาม",
  memoSignerNameHint: "เว้นว่างไว้ได้ จะเว้นบรรทัดไว้ให้เขียนชื่อด้วยมือ",
  memoSignerPosition: "ตำแหน่งผู้ลงนาม",
  memoDefaultNote: "ช่องที่ลบจนว่างจะใช้ข้อความตั้งต้นของบันทึก",
  memoDate: (date: Date) => `ลงวันที่ ${formatThaiDate(date, { digits: "arabic" })} (วันนี้) แก้ไขได้ใน Word`,
  memoDownload: "ดาวน์โหลดร่างบันทึกข้อความ",
  memoDownloading: "กำลังสร้างร่างบันทึกข้อความ…",
  memoDownloaded: (file: string) => `สร้างไฟล์ “${file}” แล้ว — ดูในโฟลเดอร์ดาวน์โหลด (Downloads) ของเครื่อง`,
  memoFailed: "สร้างร่างบันทึกข้อความไม่สำเร็จ — กดลองอีกครั้ง ถ้ายังไม่ได้ ให้ปิดแล้วเปิดบานหน้าต่าง MinStd ใหม่",
  memoHostHint:
    "ดาวน์โหลดได้ใน Excel บน Windows และ Excel บนเว็บ ส่วน Excel บน Mac และ iPad ไม่ให้ส่วนเสริมดาวน์โหลดไฟล์",
  memoBlockedTitle: "Excel บน Mac และ iPad ไม่ให้ส่วนเสริมดาวน์โหลดไฟล์",
  memoBlockedBody:
    "เปิดสมุดงานนี้ใน Excel บนเว็บ แล้วดาวน์โหลดจากบานหน้าต่างนี้ หรือส่งข้อมูลแล้วดาวน์โหลดร่างบันทึกข้อความจากแดชบอร์ด",

  yoyTitle: "เทียบกับปีก่อน",
  yoySignInHint: "ลงชื่อเข้าใช้เครื่องแม่ข่ายที่ ตั้งค่า เพื่อดูผลของตัวชี้วัดเดียวกันในรอบก่อน เทียบกับผลในสมุดงานนี้",
  yoyLoading: "กำลังโหลดผลปีก่อนจากเครื่องแม่ข่าย…",
  yoyFailed: "โหลดผลปีก่อนไม่สำเร็จ — ตรวจการเชื่อมต่ออินเทอร์เน็ตแล้วกดลองอีกครั้ง",
  yoyOtherWorkbook: (lao: string, round: string) =>
    `ผลปีก่อนที่ได้เป็นของ อปท. ${lao} รอบ ${round} ไม่ใช่ของสมุดงานนี้ — ลงชื่อเข้าใช้ด้วยรหัสเข้าใช้งานของ อปท. ในสมุดงานนี้`,
  yoyNotLinked: "ตัวชี้วัดของรอบนี้ไม่ได้ต่อจากตัวชี้วัดของรอบก่อน จึงยังไม่มีผลปีก่อนให้เทียบ",
  yoyNoEarlier: "อปท. นี้ยังไม่มีผลของตัวชี้วัดเดียวกันในรอบก่อน",
  yoyCounts: (counts: Readonly<Record<Trend, number>>) =>
    `ดีขึ้น ${counts.better} · ลดลง ${counts.worse} · เท่าเดิม ${counts.same} · เทียบไม่ได้ ${counts["not-comparable"]}`,
  yoyLine: (year: number, before: string, now: string) => `ปีก่อน (พ.ศ. ${year}): ${before} → ตอนนี้: ${now}`,
  yoyWithoutEarlier: (count: number) => `อีก ${count} ตัวชี้วัดยังไม่มีผลในรอบก่อน`,
  trendLabel: (trend: Trend, delta: string | null) => trendLabel(trend, delta),
  yoyNote: "เทียบผลที่กรอกในสมุดงานตอนนี้กับผลล่าสุดที่ อปท. ส่งในรอบก่อน เฉพาะตัวชี้วัดที่รอบการประเมินระบุว่าต่อจากตัวชี้วัดของรอบก่อน",
  ...submitTh,
};

/** Every language has exactly these keys, with the same argument types (enforced by the type checker). */
export type Messages = { readonly [K in keyof typeof th]: (typeof th)[K] };
