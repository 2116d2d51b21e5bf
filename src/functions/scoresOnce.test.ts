import * as core from "../core";
import { check, pass } from "./functions";
import { installCustomFunctionsStandIn } from "./testing/customFunctionsStub";

// Counts the full scorings the custom functions ask the core for: a result cell recalculates on
// every keystroke, so each call may score its indicator once at most.
jest.mock("../core", () => {
  const actual = jest.requireActual<typeof core>("../core");
  return {
    ...actual,
    scoreIndicator: jest.fn(actual.scoreIndicator),
    // Scores whatever is not plain figures of a ratio: a call to it counts as a scoring too.
    classifyIndicator: jest.fn(actual.classifyIndicator),
  };
});

installCustomFunctionsStandIn();
const scorings = [core.scoreIndicator, core.classifyIndicator] as jest.Mock[];

const round = core.compileRound(core.shippedRound("2568")!);
const type = round.round.laoTypes[0]!;
const typeName = core.LAO_TYPE_INFO[type].th;
const ratio = round.indicators.find((i) => i.kind === "ratio" && i.targets[type])!.def.id;
const count = round.indicators.find((i) => i.kind === "count" && i.targets[type])!.def.id;

const calls = (run: () => unknown): number => {
  for (const f of scorings) f.mockClear();
  try {
    run();
  } catch {
    // #VALUE! and #N/A are thrown; only the count matters here.
  }
  return scorings.reduce((n, f) => n + f.mock.calls.length, 0);
};

describe("MINSTD.CHECK and MINSTD.PASS score once per call", () => {
  it.each([
    ["plain figures of a ratio", ratio, 50, 100],
    ["a half-entered ratio", ratio, null, 100],
    ["an invalid figure", ratio, "12 กม.", 100],
    ["nothing entered", ratio, null, null],
    ["a count", count, 3, null],
    ["a dash", count, "-", null],
  ])("%s", (_, id, value, base) => {
    expect(calls(() => check(id, value, base, typeName))).toBeLessThanOrEqual(1);
    expect(calls(() => pass(id, value, base, typeName))).toBeLessThanOrEqual(1);
  });

  it("does not score plain figures of a ratio at all", () => {
    expect(calls(() => check(ratio, 50, 100, typeName))).toBe(0);
  });
});
