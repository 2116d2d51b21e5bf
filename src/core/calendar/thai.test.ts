import fc from "fast-check";
import {
  bangkokIsoDate,
  formatThaiDate,
  formatThaiDateTime,
  groupThousands,
  toArabicDigits,
  toBangkokIso,
  toThaiDigits,
} from "./thai";
import { daysLeft, describeClose, windowClosesAt, windowState } from "./submissionWindow";

describe("Thai digits and Buddhist Era dates in Thai time", () => {
  it("converts digits both ways", () => {
    expect(toThaiDigits("31 ส.ค. 2569")).toBe("๓๑ ส.ค. ๒๕๖๙");
    expect(toArabicDigits("๑,๒๓๔.๕")).toBe("1,234.5");
  });

  it("groups a whole number's thousands with commas, as en-US does", () => {
    expect(groupThousands(7849)).toBe("7,849");
    expect(groupThousands(1250000)).toBe("1,250,000");
    expect(groupThousands(999)).toBe("999");
    expect(groupThousands(0)).toBe("0");
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (n) => {
        expect(groupThousands(n)).toBe(n.toLocaleString("en-US"));
      }),
    );
  });

  it("writes a number with up to so many decimals as en-US does", () => {
    expect(groupThousands(1234.5, 2)).toBe("1,234.5");
    expect(groupThousands(85, 2)).toBe("85");
    expect(groupThousands(0.125, 2)).toBe(
      Number(0.125).toLocaleString("en-US", { maximumFractionDigits: 2 }),
    );
    expect(groupThousands(-0.001, 2)).toBe("-0");
    fc.assert(
      fc.property(
        fc.double({ min: -1e12, max: 1e12, noNaN: true }),
        fc.integer({ min: 0, max: 3 }),
        (n, digits) => {
          expect(groupThousands(n, digits)).toBe(
            n.toLocaleString("en-US", { maximumFractionDigits: digits }),
          );
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("shows dates in Thai time with the Buddhist Era year", () => {
    const lateUtc = new Date("2026-08-31T18:30:00Z");
    expect(formatThaiDate(lateUtc)).toBe("๑ กันยายน ๒๕๖๙");
    expect(formatThaiDate(lateUtc, { month: "short", digits: "arabic" })).toBe("1 ก.ย. 2569");
    expect(formatThaiDateTime(new Date("2026-08-31T07:05:00Z"))).toBe("๓๑ สิงหาคม ๒๕๖๙ เวลา ๑๔.๐๕ น.");
    expect(toBangkokIso(new Date("2026-08-31T18:30:00Z"))).toBe("2026-09-01T01:30:00+07:00");
    expect(bangkokIsoDate(lateUtc)).toBe("2026-09-01");
  });
});

describe("the submission window", () => {
  const window = { opens: "2026-07-01", closes: "2026-08-31" };

  it("closes at 24:00 Thai time on the last day", () => {
    expect(windowClosesAt(window).toISOString()).toBe("2026-08-31T17:00:00.000Z");
    expect(windowState(window, new Date("2026-08-31T16:59:59.999Z"))).toBe("open");
    expect(windowState(window, new Date("2026-08-31T17:00:00.000Z"))).toBe("closed");
    expect(windowState(window, new Date("2026-06-30T16:59:59Z"))).toBe("not-open");
    expect(windowState(window, new Date("2026-06-30T17:00:00Z"))).toBe("open");
  });

  it("counts the days left, the last day counting as one", () => {
    expect(daysLeft(window, new Date("2026-08-23T03:00:00Z"))).toBe(9);
    expect(daysLeft(window, new Date("2026-08-31T10:00:00Z"))).toBe(1);
    expect(daysLeft(window, new Date("2026-09-01T10:00:00Z"))).toBe(0);
  });

  it("describes the close in Thai", () => {
    expect(describeClose(window)).toBe("ปิดรับ ๓๑ ส.ค. ๒๕๖๙ เวลา ๒๔.๐๐ น.");
  });
});
