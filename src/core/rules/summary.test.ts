import fc from "fast-check";
import { STATUSES } from "./scoring";
import { summarize } from "./summary";

const areas = [
  { id: "1", title: "ด้านที่ 1" },
  { id: "2", title: "ด้านที่ 2" },
];

describe("summaries of results", () => {
  it("leaves ไม่มีบริการสาธารณะ out of the pass rate and counts ไม่ได้ดำเนินการ as not met", () => {
    const s = summarize(
      [
        { status: "pass", areaId: "1" },
        { status: "pass", areaId: "1" },
        { status: "no-service", areaId: "1" },
        { status: "not-done", areaId: "2" },
        { status: "below", areaId: "2" },
      ],
      areas,
    );
    expect(s.overall.passRate).toBeCloseTo(2 / 4);
    expect(s.areas[0]).toMatchObject({ areaId: "1", assessed: 2, passRate: 1, total: 3 });
    expect(s.areas[1]).toMatchObject({ areaId: "2", assessed: 2, passRate: 0 });
    expect(s.overall.complete).toBe(true);
  });

  it("has no pass rate when nothing is assessed, and is incomplete with anything left", () => {
    const s = summarize(
      [
        { status: "no-service", areaId: "1" },
        { status: "incomplete", areaId: "2" },
      ],
      areas,
    );
    expect(s.overall.passRate).toBeNull();
    expect(s.overall.complete).toBe(false);
  });

  it("counts add up: per area to the round, per category to the total", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ status: fc.constantFrom(...STATUSES), areaId: fc.constantFrom("1", "2") }), {
          maxLength: 300,
        }),
        (results) => {
          const s = summarize(results, areas);
          expect(s.overall.total).toBe(results.length);
          for (const status of STATUSES) {
            expect(s.areas.reduce((sum, a) => sum + a.counts[status], 0)).toBe(s.overall.counts[status]);
          }
          expect(s.areas.reduce((sum, a) => sum + a.total, 0)).toBe(s.overall.total);
          if (s.overall.passRate !== null) {
            expect(s.overall.passRate).toBeGreaterThanOrEqual(0);
            expect(s.overall.passRate).toBeLessThanOrEqual(1);
          }
        },
      ),
    );
  });
});
