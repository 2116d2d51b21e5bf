import { generatedRound } from "../core/rules/generatedRound";
import { RoundError } from "../core/rules/round";
import {
  knownRound,
  knownRoundIds,
  knownRounds,
  onRoundsChanged,
  registerRoundData,
  registerRounds,
  registeredRounds,
  roundsVersion,
  unregisterRounds,
} from "./roundRegistry";
import { SHIPPED_ROUND_IDS, shippedRound } from "../core/rules/shippedRounds";

afterEach(() => unregisterRounds(registeredRounds().map((r) => r.id)));

describe("the round registry", () => {
  it("knows the shipped rounds before anything is registered", () => {
    expect(knownRoundIds()).toEqual(SHIPPED_ROUND_IDS);
    expect(knownRound("2563")).toBe(shippedRound("2563"));
    expect(knownRound("G214")).toBeUndefined();
  });

  it("adds a registered round after the shipped ones and finds it by id", () => {
    const round = generatedRound();
    registerRounds([round]);
    expect(knownRoundIds()).toEqual([...SHIPPED_ROUND_IDS, "G214"]);
    expect(knownRound("G214")).toBe(round);
  });

  it("lets a registered round replace the shipped round of its id, in place, until it is unregistered", () => {
    const replacement = { ...shippedRound("2564")!, title: "รอบ 2564 ฉบับจริง" };
    registerRounds([replacement]);
    expect(knownRounds().map((r) => r.title)).toContain("รอบ 2564 ฉบับจริง");
    expect(knownRoundIds()).toEqual(SHIPPED_ROUND_IDS);
    unregisterRounds(["2564"]);
    expect(knownRound("2564")).toBe(shippedRound("2564"));
  });

  it("checks round data with the schema before registering it", () => {
    expect(() => registerRoundData({ id: "2570" })).toThrow(RoundError);
    expect(knownRound("2570")).toBeUndefined();
    const data = JSON.parse(JSON.stringify(generatedRound(12, "G12"))) as unknown;
    expect(registerRoundData(data).areas.flatMap((a) => a.missions)).toHaveLength(6);
    expect(knownRound("G12")).toBeDefined();
  });

  it("tells listeners of every change and bumps the version", () => {
    const heard = jest.fn();
    const stop = onRoundsChanged(heard);
    const before = roundsVersion();
    registerRounds([generatedRound(12, "G12")]);
    registerRounds([]);
    unregisterRounds(["nothing"]);
    expect(heard).toHaveBeenCalledTimes(1);
    expect(roundsVersion()).toBe(before + 1);
    stop();
    unregisterRounds(["G12"]);
    expect(heard).toHaveBeenCalledTimes(1);
  });

  it("is one registry for every copy of the module loaded in the page (the pane's and the functions' bundles)", () => {
    let other: typeof import("./roundRegistry") | undefined;
    jest.isolateModules(() => {
      other = jest.requireActual<typeof import("./roundRegistry")>("./roundRegistry");
    });
    expect(other!.knownRound).not.toBe(knownRound);
    registerRounds([generatedRound(12, "G12")]);
    expect(other!.knownRound("G12")?.id).toBe("G12");
    other!.registerRounds([generatedRound(18, "G18")]);
    expect(knownRound("G18")?.id).toBe("G18");
  });
});
