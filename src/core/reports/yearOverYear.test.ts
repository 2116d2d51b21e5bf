import { compileRound } from "../rules/compiledRound";
import { followingRound, generatedRound } from "../rules/generatedRound";
import { parseRound, roundJsonSchema, type Round } from "../rules/round";
import { shippedRound, shippedRounds } from "../rules/shippedRounds";
import { compareWithEarlier, indicatorLineage } from "./yearOverYear";

const r2568 = shippedRound("2568")!;
const r2569 = followingRound(r2568, "2569");
const r2570 = followingRound(r2569, "2570");

describe("continues: the same indicator across rounds", () => {
  it("is an optional indicator field of the round schema and its JSON Schema", () => {
    expect(r2569.areas[0]!.missions[0]!.indicators[0]!.continues).toBe("2568-1-01");
    const schema = JSON.stringify(roundJsonSchema());
    expect(schema).toContain('"continues"');
  });

  it("must name an indicator of another round", () => {
    const bad = JSON.parse(JSON.stringify(r2569)) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    bad.areas[0].missions[0].indicators[0].continues = "2569-1-02";
    expect(() => parseRound(bad)).toThrow(/continues/);
    bad.areas[0].missions[0].indicators[0].continues = "not an id";
    expect(() => parseRound(bad)).toThrow(/continues/);
  });

  it("links the basic set 2565 → 2566 → 2567 and nothing else between the shipped rounds", () => {
    const basicSet = ["2565", "2566", "2567"];
    for (const round of shippedRounds()) {
      const linked = compileRound(round).indicators.filter((i) => i.def.continues !== undefined);
      if (round.id === "2566" || round.id === "2567") {
        expect(linked).toHaveLength(compileRound(round).indicators.length);
        for (const ind of linked)
          expect(ind.def.continues).toBe(ind.def.id.replace(round.id, String(Number(round.id) - 1)));
      } else expect(linked).toHaveLength(0);
    }
    const lineage = indicatorLineage(shippedRound("2567")!, shippedRounds());
    expect(lineage.get("2567-1-03")).toEqual([
      { roundId: "2566", indicatorId: "2566-1-03", year: 2566, kind: "ratio" },
      { roundId: "2565", indicatorId: "2565-1-03", year: 2565, kind: "ratio" },
    ]);
    expect(lineage.size).toBe(5);
    // 2568 (เทศบาล: education, economy, environment) has no infrastructure indicator to continue.
    expect(indicatorLineage(r2568, shippedRounds()).size).toBe(0);
    expect(basicSet.every((id) => shippedRound(id) !== undefined)).toBe(true);
  });
});

describe("indicatorLineage", () => {
  it("follows the links back through the rounds known, newest first", () => {
    const lineage = indicatorLineage(r2570, [...shippedRounds(), r2569, r2570]);
    expect(lineage.size).toBe(10);
    expect(lineage.get("2570-2-04")).toEqual([
      { roundId: "2569", indicatorId: "2569-2-04", year: 2569, kind: "ratio" },
      { roundId: "2568", indicatorId: "2568-2-04", year: 2568, kind: "ratio" },
    ]);
  });

  it("stops where a round is not known, is later, or the links loop", () => {
    expect(indicatorLineage(r2570, [r2570, r2568]).size).toBe(0); // 2569 missing: the chain starts there
    const later = { ...r2569, year: 2575 } as Round;
    expect(indicatorLineage(r2570, [later]).size).toBe(0);
    const loopA = followingRound(generatedRound(6, "LA"), "LB");
    const loopB = JSON.parse(JSON.stringify(generatedRound(6, "LA"))) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    loopB.areas[0].missions[0].indicators[0].continues = "LB-1-001";
    const lineage = indicatorLineage(loopA, [parseRound(loopB), loopA]);
    expect(lineage.get("LB-1-001")).toEqual([
      { roundId: "LA", indicatorId: "LA-1-001", year: 2563, kind: "ratio" },
    ]);
  });
});

describe("compareWithEarlier", () => {
  const c = compileRound(r2569);
  const ratio = c.byId.get("2569-2-04")!;
  const count = c.byId.get("2569-1-01")!;

  it("gives the change in the indicator's unit and whether it went towards the target", () => {
    expect(
      compareWithEarlier(ratio, { status: "pass", value: 62.5 }, { status: "below", value: 40 }, "ratio"),
    ).toEqual({
      trend: "better",
      delta: 22.5,
    });
    expect(
      compareWithEarlier(count, { status: "below", value: 1 }, { status: "pass", value: 3 }, "count"),
    ).toEqual({
      trend: "worse",
      delta: -2,
    });
    expect(
      compareWithEarlier(count, { status: "pass", value: 3 }, { status: "pass", value: 3 }, "count"),
    ).toEqual({
      trend: "same",
      delta: 0,
    });
  });

  it("reads a fall as better for an indicator where lower is better", () => {
    const lower = compileRound(
      parseRound({
        ...JSON.parse(JSON.stringify(r2569)),
        areas: [
          {
            ...JSON.parse(JSON.stringify(r2569.areas[0])),
            missions: [
              {
                id: "1",
                title: "ภารกิจ",
                indicators: [{ ...JSON.parse(JSON.stringify(count.def)), comparison: "<=" }],
              },
            ],
          },
        ],
      }),
    ).byId.get("2569-1-01")!;
    expect(
      compareWithEarlier(lower, { status: "pass", value: 1 }, { status: "below", value: 4 }, "count").trend,
    ).toBe("better");
  });

  it("compares result categories when a side has no value or the kinds differ", () => {
    expect(compareWithEarlier(ratio, { status: "pass", value: 90 }, { status: "not-done" }, "ratio")).toEqual(
      {
        trend: "better",
      },
    );
    expect(
      compareWithEarlier(ratio, { status: "below", value: 10 }, { status: "pass", value: 5 }, "count"),
    ).toEqual({
      trend: "worse",
    });
  });

  it("compares nothing with no service or an unfinished result", () => {
    expect(
      compareWithEarlier(ratio, { status: "no-service" }, { status: "pass", value: 90 }, "ratio").trend,
    ).toBe("not-comparable");
    expect(
      compareWithEarlier(ratio, { status: "pass", value: 90 }, { status: "incomplete" }, "ratio").trend,
    ).toBe("not-comparable");
  });
});
