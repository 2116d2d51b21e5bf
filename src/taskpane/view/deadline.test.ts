import { deadlineNotice } from "./deadline";
import { en } from "../i18n/en";
import { th } from "../i18n/th";

// The 2569 round's window as in the example: closes 31 Aug 2026 (๓๑ ส.ค. ๒๕๖๙) at 24:00 Thai time.
const window = { opens: "2026-07-01", closes: "2026-08-31" };
/** An instant given in Thai time (UTC+7). */
const bangkok = (iso: string): Date => new Date(`${iso}+07:00`);

describe("deadlineNotice", () => {
  it.each([
    ["2026-06-30T23:59:59", "not-open", 0],
    ["2026-07-01T00:00:00", "info", 62],
    ["2026-08-16T12:00:00", "info", 16],
    ["2026-08-17T23:00:00", "info", 15],
    ["2026-08-18T00:00:00", "warning", 14],
    ["2026-08-23T09:00:00", "warning", 9],
    ["2026-08-24T09:00:00", "warning", 8],
    ["2026-08-28T23:59:59", "warning", 4],
    ["2026-08-29T00:00:00", "danger", 3],
    ["2026-08-31T23:59:59", "danger", 1],
    ["2026-09-01T00:00:00", "closed", 0],
  ] as const)("at %s Thai time the tone is %s with %d days left", (at, tone, days) => {
    const notice = deadlineNotice(window, bangkok(at));
    expect(notice.tone).toBe(tone);
    expect(notice.daysLeft).toBe(days);
  });

  it("keeps the provisional flag of the window", () => {
    expect(deadlineNotice({ ...window, provisional: true }, bangkok("2026-08-01T00:00:00")).provisional).toBe(
      true,
    );
    expect(deadlineNotice(window, bangkok("2026-08-01T00:00:00")).provisional).toBe(false);
  });
});

describe("deadline texts", () => {
  const text = (at: string, lang = th) => lang.deadlineText(deadlineNotice(window, bangkok(at)));

  it("writes the close in Thai time with the Buddhist Era and Thai digits", () => {
    expect(text("2026-08-24T09:00:00")).toBe("ปิดรับ 31 ส.ค. 2569 เวลา 24.00 น. — เหลืออีก 8 วัน");
  });

  it("says that the last day is the last day, until 24:00", () => {
    expect(text("2026-08-31T00:00:00")).toBe("ปิดรับ 31 ส.ค. 2569 เวลา 24.00 น. — วันนี้เป็นวันสุดท้าย");
    expect(text("2026-08-31T23:59:00")).toBe("ปิดรับ 31 ส.ค. 2569 เวลา 24.00 น. — วันนี้เป็นวันสุดท้าย");
  });

  it("says when it closed once closed, and when it opens before it opens", () => {
    expect(text("2026-09-01T00:00:00")).toBe("ปิดรับไปแล้วเมื่อ 31 ส.ค. 2569 เวลา 24.00 น.");
    expect(text("2026-06-15T10:00:00")).toBe(
      "เปิดรับ 1 ก.ค. 2569 ปิดรับ 31 ส.ค. 2569 เวลา 24.00 น. — กรอกข้อมูลไว้ก่อนได้",
    );
  });

  it("has English texts with both years", () => {
    expect(text("2026-08-24T09:00:00", en)).toBe(
      "Closes 31 Aug 2026 (B.E. 2569) at 24:00 Thai time — 8 days left",
    );
    expect(text("2026-08-31T08:00:00", en)).toBe(
      "Closes 31 Aug 2026 (B.E. 2569) at 24:00 Thai time — today is the last day",
    );
  });
});
