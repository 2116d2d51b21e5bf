import { z } from "zod";
import { fnv1a, RoundError } from "../../core";
import { knownRound, registeredRounds, unregisterRounds } from "../../addin/roundRegistry";
import { generatedRound } from "../../core/rules/generatedRound";
import { parseRound, roundSchema } from "../../core/rules/round";
import {
  CHECKED_KEY_PREFIX,
  keepRound,
  officeRuntimeStorage,
  registerStoredRounds,
  ROUND_KEY_PREFIX,
  ROUND_READING,
  type RoundStorage,
} from "./storedRounds";

/** OfficeRuntime.storage's contract over a Map (the browser test runs the real page on the Office.js double). */
function memoryStorage(entries: Record<string, string> = {}): RoundStorage & { map: Map<string, string> } {
  const map = new Map(Object.entries(entries));
  return {
    map,
    getKeys: async () => [...map.keys()],
    getItems: async (keys) => Object.fromEntries(keys.map((k) => [k, map.get(k) ?? null])),
    setItem: async (key, value) => void map.set(key, value),
  };
}

afterEach(() => unregisterRounds(registeredRounds().map((r) => r.id)));

describe("rounds kept in OfficeRuntime.storage", () => {
  it("keeps a received round as received and registers it for the pane and the functions", async () => {
    const storage = memoryStorage();
    const data = JSON.parse(JSON.stringify(generatedRound(30, "G30"))) as unknown;
    const round = await keepRound(storage, data);
    expect(round.id).toBe("G30");
    expect(JSON.parse(storage.map.get(`${ROUND_KEY_PREFIX}G30`)!)).toEqual(data);
    expect(knownRound("G30")).toBe(round);
  });

  it("refuses, storing nothing, data that is not a round", async () => {
    const storage = memoryStorage();
    await expect(keepRound(storage, { id: "2570", areas: [] })).rejects.toBeInstanceOf(RoundError);
    expect(storage.map.size).toBe(0);
  });

  it("registers every stored round when the page starts, and reports (but keeps) one that cannot be read", async () => {
    const storage = memoryStorage({
      [`${ROUND_KEY_PREFIX}G30`]: JSON.stringify(generatedRound(30, "G30")),
      [`${ROUND_KEY_PREFIX}BAD`]: '{"id": "BAD"',
      [`${ROUND_KEY_PREFIX}OLD`]: JSON.stringify({ id: "OLD", schemaVersion: 99 }),
      "someone.else": "{}",
    });
    const result = await registerStoredRounds(storage);
    expect(result.registered.map((r) => r.id)).toEqual(["G30"]);
    expect(result.problems.map((p) => p.key)).toEqual([`${ROUND_KEY_PREFIX}BAD`, `${ROUND_KEY_PREFIX}OLD`]);
    expect(result.problems[0]!.th).toContain("อ่านไม่ได้");
    expect(knownRound("G30")?.areas).toHaveLength(6);
    expect([...storage.map.keys()].sort()).toEqual(
      [
        `${CHECKED_KEY_PREFIX}G30`,
        `${ROUND_KEY_PREFIX}BAD`,
        `${ROUND_KEY_PREFIX}G30`,
        `${ROUND_KEY_PREFIX}OLD`,
        "someone.else",
      ].sort(),
    );
  });

  it("registers a round as the schema read it when kept, and reads it again once received anew or read otherwise", async () => {
    const storage = memoryStorage();
    const data = JSON.parse(JSON.stringify(generatedRound(30, "G30"))) as { title: string };
    const kept = await keepRound(storage, data);
    unregisterRounds(["G30"]);
    const checkedKey = `${CHECKED_KEY_PREFIX}G30`;
    const checked = JSON.parse(storage.map.get(checkedKey)!) as { round: { title: string } };
    expect(checked.round).toEqual(JSON.parse(JSON.stringify(kept)));
    // Marked, to see which of the two the page registers.
    checked.round.title = "as checked";
    storage.map.set(checkedKey, JSON.stringify(checked));
    await registerStoredRounds(storage);
    expect(knownRound("G30")?.title).toBe("as checked");

    storage.map.set(`${ROUND_KEY_PREFIX}G30`, JSON.stringify({ ...data, title: "received anew" }));
    await registerStoredRounds(storage);
    expect(knownRound("G30")?.title).toBe("received anew");
    expect(knownRound("G30")).toEqual(parseRound({ ...data, title: "received anew" }));

    const rewritten = JSON.parse(storage.map.get(checkedKey)!) as {
      reading: number;
      round: { title: string };
    };
    expect(rewritten.round.title).toBe("received anew");
    rewritten.round.title = "as checked";
    storage.map.set(checkedKey, JSON.stringify({ ...rewritten, reading: ROUND_READING - 1 }));
    await registerStoredRounds(storage);
    expect(knownRound("G30")?.title).toBe("received anew");
  });

  it("names the reading of the round schema it keeps rounds checked by (bump ROUND_READING with the schema)", () => {
    const schema = fnv1a(
      JSON.stringify(z.toJSONSchema(roundSchema, { io: "output", unrepresentable: "any" })),
    );
    expect({ reading: ROUND_READING, schema }).toEqual({ reading: 1, schema: "8f76fd2b" });
  });

  it("does nothing with an empty storage, and finds none outside Office", async () => {
    await expect(registerStoredRounds(memoryStorage())).resolves.toEqual({ registered: [], problems: [] });
    expect(officeRuntimeStorage()).toBeUndefined();
  });
});
