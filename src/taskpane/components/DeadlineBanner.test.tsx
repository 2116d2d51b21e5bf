import { round } from "../../../test/taskpane/fixtures";
import { renderInLanguage } from "../../../test/taskpane/render";
import DeadlineBanner from "./DeadlineBanner";

// A round closing on 31 Aug 2026 (๓๑ ส.ค. ๒๕๖๙), with an official (not provisional) window.
const round2569 = {
  ...round("2568"),
  window: { opens: "2026-07-01", closes: "2026-08-31" },
};

function banner(at: string, language: "th" | "en" = "th", r = round2569) {
  const { container, unmount } = renderInLanguage(
    <DeadlineBanner round={r} now={new Date(`${at}+07:00`)} />,
    language,
  );
  const element = container.querySelector<HTMLElement>("[data-tone]")!;
  const result = { tone: element.getAttribute("data-tone"), text: element.textContent };
  unmount();
  return result;
}

describe("the deadline banner", () => {
  it.each([
    [
      "2026-06-20T09:00:00",
      "not-open",
      "ยังไม่เปิดรับข้อมูลเปิดรับ 1 ก.ค. 2569 ปิดรับ 31 ส.ค. 2569 เวลา 24.00 น. — กรอกข้อมูลไว้ก่อนได้",
    ],
    ["2026-07-10T09:00:00", "info", "กำหนดส่งข้อมูลปิดรับ 31 ส.ค. 2569 เวลา 24.00 น. — เหลืออีก 53 วัน"],
    ["2026-08-18T09:00:00", "warning", "ใกล้ถึงกำหนดส่งปิดรับ 31 ส.ค. 2569 เวลา 24.00 น. — เหลืออีก 14 วัน"],
    ["2026-08-24T09:00:00", "warning", "ใกล้ถึงกำหนดส่งปิดรับ 31 ส.ค. 2569 เวลา 24.00 น. — เหลืออีก 8 วัน"],
    ["2026-08-29T08:00:00", "danger", "ใกล้ปิดรับแล้วปิดรับ 31 ส.ค. 2569 เวลา 24.00 น. — เหลืออีก 3 วัน"],
    ["2026-08-31T23:30:00", "danger", "ใกล้ปิดรับแล้วปิดรับ 31 ส.ค. 2569 เวลา 24.00 น. — วันนี้เป็นวันสุดท้าย"],
    ["2026-09-01T00:00:00", "closed", "ปิดรับข้อมูลแล้วปิดรับไปแล้วเมื่อ 31 ส.ค. 2569 เวลา 24.00 น."],
  ])("at %s Thai time it is %s: %s", (at, tone, text) => {
    expect(banner(at)).toEqual({ tone, text });
  });

  it("uses a louder message bar as the deadline nears, with the title in words too", () => {
    const intents = ["2026-07-10T09:00:00", "2026-08-24T09:00:00", "2026-08-31T09:00:00"].map((at) => {
      const { container, unmount } = renderInLanguage(
        <DeadlineBanner round={round2569} now={new Date(`${at}+07:00`)} />,
      );
      const className = container.querySelector("[data-tone]")!.className;
      unmount();
      return className;
    });
    expect(new Set(intents).size).toBe(3);
  });

  it("says when the dates are provisional", () => {
    expect(banner("2025-08-20T09:00:00", "th", round("2568")).text).toBe(
      "ใกล้ถึงกำหนดส่งปิดรับ 31 ส.ค. 2568 เวลา 24.00 น. — เหลืออีก 12 วัน (กำหนดการชั่วคราว ยังไม่มีหนังสือแจ้งอย่างเป็นทางการ)",
    );
  });

  it("speaks English when switched", () => {
    expect(banner("2026-08-24T09:00:00", "en").text).toBe(
      "Deadline approachingCloses 31 Aug 2026 (B.E. 2569) at 24:00 Thai time — 8 days left",
    );
  });
});

describe("the deadline banner when signed in", () => {
  it("follows the server's window for this LAO, and says when the province extended it", () => {
    const { container } = renderInLanguage(
      <DeadlineBanner
        round={round2569}
        now={new Date("2026-09-02T09:00:00+07:00")}
        serverWindow={{ opens: "2026-07-01", closes: "2026-09-07", extended: true }}
      />,
    );
    const element = container.querySelector<HTMLElement>("[data-tone]")!;
    expect(element.getAttribute("data-tone")).toBe("warning");
    expect(element.textContent).toBe(
      "ใกล้ถึงกำหนดส่งปิดรับ 7 ก.ย. 2569 เวลา 24.00 น. — เหลืออีก 6 วัน (จังหวัดขยายเวลาให้ อปท. นี้แล้ว)",
    );
  });
});
