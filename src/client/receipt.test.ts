import { shippedRound, summarize, type Status } from "../core";
import { receiptLines, receiptSheet, RECEIPT_SHEET_NAME } from "./receipt";
import type { Receipt } from "../api";

const round = shippedRound("2563")!;
const statuses: Status[] = ["pass", "pass", "below", "no-service"];
const summary = summarize(
  statuses.map((status) => ({ status, areaId: round.areas[0]!.id })),
  round.areas,
);

function receipt(version: number, receivedAt: string): Receipt {
  return {
    receiptNumber: `2563-4220102-${version}`,
    id: `id-${version}-aaaaaaaa`,
    replaces: version === 1 ? null : `id-${version - 1}-aaaaaaaa`,
    version,
    round: "2563",
    lao: "4220102",
    receivedAt,
    receivedAtTh: "",
    contentHash: `sha256:${String(version).repeat(64)}`,
    summary: { ...summary, areas: [...summary.areas] },
  };
}

describe("receipt lines", () => {
  it("give the receipt number, version, LAO, round, Thai time, hash and results", () => {
    const lines = receiptLines(receipt(2, "2020-06-01T14:30:00+07:00"), {
      round,
      laoName: "เทศบาลเมืองจันทบุรี",
    });
    const value = Object.fromEntries(lines.map((l) => [l.key, l.value]));
    expect(value).toEqual({
      receiptNumber: "2563-4220102-2",
      version: "ฉบับที่ 2 (แทนฉบับที่ 1)",
      lao: "เทศบาลเมืองจันทบุรี (4220102)",
      round: `2563 — ${round.title}`,
      receivedAt: "๑ มิถุนายน ๒๕๖๓ เวลา ๑๔.๓๐ น.",
      contentHash: `sha256:${"2".repeat(64)}`,
      id: "id-2-aaaaaaaa",
      summary: `${round.passLabel} 2 · การพัฒนาในอนาคต 1 · ไม่มีบริการสาธารณะ 1`,
      passRate: "ร้อยละ 66.67 (ผ่าน 2 จาก 3 ตัวชี้วัดที่ประเมิน)",
    });
    expect(lines.find((l) => l.key === "receivedAt")!.valueEn).toBe("2020-06-01T14:30:00+07:00");
    expect(lines.every((l) => l.label && l.labelEn)).toBe(true);
  });

  it("use Arabic digits when asked, and status codes without a round", () => {
    const lines = receiptLines(receipt(1, "2020-06-01T07:05:00Z"), { digits: "arabic" });
    const value = Object.fromEntries(lines.map((l) => [l.key, l.value]));
    expect(value.receivedAt).toBe("1 มิถุนายน 2563 เวลา 14.05 น.");
    expect(value.version).toBe("ฉบับที่ 1");
    expect(value.summary).toBe("pass 2 · below 1 · no-service 1");
  });
});

describe("the receipt sheet", () => {
  it("shows the newest receipt and every version, newest first", () => {
    const sheet = receiptSheet(
      [
        receipt(1, "2020-06-01T10:00:00+07:00"),
        receipt(3, "2020-06-03T10:00:00+07:00"),
        receipt(2, "2020-06-02T10:00:00+07:00"),
      ],
      { round, laoName: "เทศบาลเมืองจันทบุรี" },
    );
    expect(sheet.name).toBe(RECEIPT_SHEET_NAME);
    expect(sheet.title).toBe("ใบรับการส่งข้อมูล เทศบาลเมืองจันทบุรี รอบ 2563");
    expect(sheet.latest.find((l) => l.key === "receiptNumber")!.value).toBe("2563-4220102-3");
    expect(sheet.history.rows.map((r) => r[0])).toEqual([3, 2, 1]);
    expect(sheet.history.rows[2]).toEqual([
      1,
      "2563-4220102-1",
      "๑ มิถุนายน ๒๕๖๓ เวลา ๑๐.๐๐ น.",
      "ร้อยละ 66.67 (ผ่าน 2 จาก 3 ตัวชี้วัดที่ประเมิน)",
      `sha256:${"1".repeat(64)}`,
      "id-1-aaaaaaaa",
    ]);
    expect(sheet.history.header).toHaveLength(sheet.history.rows[0]!.length);
  });

  it("is empty but named when nothing was submitted", () => {
    expect(receiptSheet([])).toMatchObject({ name: "ใบรับ", latest: [], history: { rows: [] } });
  });
});
