import { shippedRound, STATUSES, TRENDS } from "../../core";
import { deadlineNotice } from "../view/deadline";
import { INDICATOR_FILTERS } from "../view/indicatorFilter";
import { MESSAGES, type Messages } from ".";

/** Calls a message with sample arguments of the right kinds, so every text can be checked. */
function render(key: keyof Messages, value: unknown): string[] {
  const round = shippedRound("2568")!;
  const notice = deadlineNotice(round.window, new Date("2025-08-20T00:00:00+07:00"));
  const samples: Record<string, unknown[][]> = {
    statusLabel: STATUSES.map((s) => [s, round]),
    deadlineText: [[notice]],
    roundWindow: [[new Date(), new Date(), true]],
    announce: [[{ pass: 1, below: 2, "no-service": 3, "not-done": 4, incomplete: 5, invalid: 6 }, 21]],
    laoTypeName: [["sao"]],
    noRoundForType: [["pao"]],
    typeNotCovered: [["sao", "2568"]],
    passRate: [[null], [0.5]],
    pick: [["ไทย", "English"]],
    memoDate: [[new Date("2025-08-23T10:00:00+07:00")]],
    yoyCounts: [[{ better: 1, worse: 2, same: 3, "not-comparable": 4 }]],
    checklistItem: [["indicators"], ["invalid"], ["basic"], ["preparer"]],
    tabSubmitBadge: [["returned"], ["waiting"], ["held"]],
    progress: [["saving"], ["sending"], ["waiting"], ["writing-receipt"]],
    fieldName: [["form1"], ["base"], ["served"], ["value"], ["population"], ["preparer.phone"], ["other"]],
    signedInSince: [["2026-08-31T14:30:00+07:00"]],
    heldCreated: [["2026-08-31T14:30:00+07:00"]],
    returnedBy: [["สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดจันทบุรี", "๓๑ ส.ค. ๒๕๖๙ ๑๔:๓๐ น."]],
    trendLabel: TRENDS.flatMap((trend) => [
      [trend, "+1.50"],
      [trend, null],
    ]),
  };
  if (typeof value === "string") return [value];
  if (typeof value === "function") {
    const args = samples[key] ?? [[7, 21, 30]];
    return args.map((a) => String((value as (...x: unknown[]) => unknown)(...a)));
  }
  return Object.values(value as Record<string, string>);
}

describe("pane texts", () => {
  const keys = Object.keys(MESSAGES.th).sort();

  it("every language has every key, and no other", () => {
    for (const messages of Object.values(MESSAGES)) expect(Object.keys(messages).sort()).toEqual(keys);
  });

  it("every text is non-empty and no argument is left as 'undefined'", () => {
    for (const [lang, messages] of Object.entries(MESSAGES)) {
      for (const key of keys) {
        for (const text of render(key as keyof Messages, messages[key as keyof Messages])) {
          expect(`${lang}.${key}: ${text}`).not.toMatch(/: $|undefined|NaN|\[object/);
        }
      }
    }
  });

  it("the grouped texts cover every filter and every deadline tone", () => {
    for (const messages of Object.values(MESSAGES)) {
      expect(Object.keys(messages.filterLabels).sort()).toEqual([...INDICATOR_FILTERS].sort());
      expect(Object.keys(messages.deadlineTitle).sort()).toEqual(
        ["closed", "danger", "info", "not-open", "warning"].sort(),
      );
    }
  });

  it("the English texts are in English and the Thai texts in Thai", () => {
    const thaiLetters = /[\u0e01-\u0e4f]/;
    expect(MESSAGES.th.tabIndicators).toMatch(thaiLetters);
    expect(MESSAGES.en.tabIndicators).not.toMatch(thaiLetters);
    expect(MESSAGES.en.statusLabel("pass", shippedRound("2568")!)).toBe("Met the minimum target");
    expect(MESSAGES.th.statusLabel("pass", shippedRound("2568")!)).toBe("ผ่านค่าเป้าหมายขั้นต่ำ");
  });
});
