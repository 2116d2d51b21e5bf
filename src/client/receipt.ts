import {
  formatPercent,
  formatThaiDateTime,
  STATUSES,
  type BilingualText,
  type Round,
  type ThaiDateOptions,
} from "../core";
import type { Receipt } from "../api";
import { resultText } from "../i18n";

/**
 * A receipt as officers read it: labelled lines for the receipt sheet the pane writes into the
 * workbook, for the pane's view and for the CLI, and the history of versions as a table. Pure
 * data: the Office.js writing and the printing live with their hosts.
 */

/** What a receipt's labels need of the round (its result labels name the round's fiscal year). */
export type ReceiptRound = Pick<Round, "id" | "title" | "passLabel" | "fiscalYear">;

export interface ReceiptContext {
  readonly round?: ReceiptRound;
  /** The LAO's name as officers write it, e.g. "เทศบาลเมืองจันทบุรี". */
  readonly laoName?: string;
  /** Thai digits (default, as in official letters) or Arabic digits in dates. */
  readonly digits?: ThaiDateOptions["digits"];
}

export interface ReceiptLine {
  readonly key:
    | "receiptNumber"
    | "version"
    | "lao"
    | "round"
    | "receivedAt"
    | "contentHash"
    | "id"
    | "summary"
    | "passRate";
  readonly label: string;
  readonly labelEn: string;
  readonly value: string;
  readonly valueEn: string;
}

/** "๓๑ สิงหาคม ๒๕๖๙ เวลา ๑๔.๓๐ น." from the receipt's ISO time (the server's clock, Thai time). */
export function receiptTimeTh(
  receipt: Pick<Receipt, "receivedAt">,
  digits?: ThaiDateOptions["digits"],
): string {
  const at = new Date(receipt.receivedAt);
  return Number.isNaN(at.getTime()) ? receipt.receivedAt : formatThaiDateTime(at, digits ? { digits } : {});
}

/** "ผ่านค่าเป้าหมายขั้นต่ำ 10 · การพัฒนาในอนาคต 2 · …": the counts that are not zero. */
export function summaryText(receipt: Pick<Receipt, "summary">, round?: ReceiptRound): BilingualText {
  const counts = receipt.summary.overall.counts;
  const shown = STATUSES.filter((s) => (counts[s] ?? 0) > 0);
  return {
    th: shown.map((s) => `${round ? resultText(s, round).th : s} ${counts[s]}`).join(" · ") || "-",
    en: shown.map((s) => `${round ? resultText(s, round).en : s} ${counts[s]}`).join(" · ") || "-",
  };
}

export function passRateText(receipt: Pick<Receipt, "summary">): BilingualText {
  const { passRate, assessed, counts } = receipt.summary.overall;
  if (passRate === null) return { th: "ยังไม่มีตัวชี้วัดที่ประเมินได้", en: "no indicator assessed" };
  const percent = formatPercent(passRate * 100);
  return {
    th: `ร้อยละ ${percent} (ผ่าน ${counts.pass} จาก ${assessed} ตัวชี้วัดที่ประเมิน)`,
    en: `${percent}% (${counts.pass} of ${assessed} assessed indicators met the target)`,
  };
}

export function receiptLines(receipt: Receipt, context: ReceiptContext = {}): ReceiptLine[] {
  const { round, laoName, digits } = context;
  const summary = summaryText(receipt, round);
  const rate = passRateText(receipt);
  const version =
    receipt.version === 1
      ? { th: "ฉบับที่ 1", en: "version 1" }
      : {
          th: `ฉบับที่ ${receipt.version} (แทนฉบับที่ ${receipt.version - 1})`,
          en: `version ${receipt.version} (replaces version ${receipt.version - 1})`,
        };
  const lao = laoName ? `${laoName} (${receipt.lao})` : receipt.lao;
  const roundText = round ? `${receipt.round} — ${round.title}` : receipt.round;
  return [
    line("receiptNumber", "เลขที่ใบรับ", "Receipt number", receipt.receiptNumber),
    line("version", "ฉบับ", "Version", version.th, version.en),
    line("lao", "อปท.", "LAO", lao),
    line("round", "รอบการประเมิน", "Round", roundText),
    line(
      "receivedAt",
      "วันเวลาที่เครื่องแม่ข่ายรับ",
      "Received (server time)",
      receiptTimeTh(receipt, digits),
      receipt.receivedAt,
    ),
    line("contentHash", "ค่าแฮชของข้อมูล (SHA-256)", "Content hash (SHA-256)", receipt.contentHash),
    line("id", "รหัสการส่ง", "Submission id", receipt.id),
    line("summary", "สรุปผลการประเมิน", "Results", summary.th, summary.en),
    line("passRate", "ผ่านค่าเป้าหมาย", "Pass rate", rate.th, rate.en),
  ];
}

function line(
  key: ReceiptLine["key"],
  label: string,
  labelEn: string,
  value: string,
  valueEn = value,
): ReceiptLine {
  return { key, label, labelEn, value, valueEn };
}

export interface ReceiptSheet {
  /** The sheet's name in the workbook. */
  readonly name: string;
  readonly title: string;
  readonly titleEn: string;
  /** The newest version's receipt. */
  readonly latest: readonly ReceiptLine[];
  /** Every version, newest first: one row each under the header. */
  readonly history: {
    readonly header: readonly string[];
    readonly headerEn: readonly string[];
    readonly rows: ReadonlyArray<readonly (string | number)[]>;
  };
}

export const RECEIPT_SHEET_NAME = "ใบรับ";

/** The receipt sheet: the latest receipt, then the history of versions. `receipts` in any order. */
export function receiptSheet(receipts: readonly Receipt[], context: ReceiptContext = {}): ReceiptSheet {
  const sorted = [...receipts].sort((a, b) => b.version - a.version);
  const latest = sorted[0];
  const who = context.laoName ?? latest?.lao ?? "";
  return {
    name: RECEIPT_SHEET_NAME,
    title: `ใบรับการส่งข้อมูล ${who}${latest ? ` รอบ ${latest.round}` : ""}`.trim(),
    titleEn: `Submission receipt ${who}${latest ? ` round ${latest.round}` : ""}`.trim(),
    latest: latest ? receiptLines(latest, context) : [],
    history: {
      header: ["ฉบับที่", "เลขที่ใบรับ", "วันเวลาที่รับ", "ผ่านค่าเป้าหมาย", "ค่าแฮชของข้อมูล", "รหัสการส่ง"],
      headerEn: ["Version", "Receipt number", "Received", "Pass rate", "Content hash", "Submission id"],
      rows: sorted.map((r) => [
        r.version,
        r.receiptNumber,
        receiptTimeTh(r, context.digits),
        passRateText(r).th,
        r.contentHash,
        r.id,
      ]),
    },
  };
}
