import { ApiClient, MemoryStorage } from "../../src/client";
import { shippedRound, type Round } from "../../src/core";
import { knownRound, knownRounds, unregisterRounds } from "../../src/addin/roundRegistry";
import { followingRound } from "../../src/core/rules/generatedRound";
import { syncServerRounds } from "../../src/taskpane/rounds/serverRounds";
import { ROUND_KEY_PREFIX } from "../../src/taskpane/rounds/storedRounds";
import { FAST_RETRY, nextLao, signedIn, startRig, type Rig } from "../client/rig";

/**
 * Rounds as the server has them reach the pane: a round loaded after this release, and a shipped
 * round the national office loaded again with a corrected target, are fetched once signed in, kept
 * in the add-in's storage and registered; nothing is fetched again until the server's revision moves.
 */

let rig: Rig;
let adminToken: string;
beforeAll(async () => {
  rig = await startRig();
  const admin = new ApiClient({ server: rig.h.url, retry: FAST_RETRY });
  const code = await rig.h.send<string>({ cmd: "userCode", role: "admin", name: "ผู้ดูแลระบบทดสอบ" });
  adminToken = (await admin.signIn(code)).token;
});
afterAll(async () => {
  unregisterRounds(["2568", "2569"]);
  await rig?.close();
});

async function load(round: Round): Promise<void> {
  const res = await fetch(`${rig.h.url}/api/v1/rounds/${round.id}`, {
    method: "PUT",
    headers: { authorization: `Bearer ${adminToken}`, "content-type": "application/json" },
    body: JSON.stringify(round),
  });
  expect(res.ok).toBe(true);
}

it("keeps a new round and a corrected one, and asks again only when the server's revision moves", async () => {
  const round2569 = followingRound(shippedRound("2568")!, "2569");
  await load(round2569);
  const { api } = await signedIn(rig, nextLao());
  const storage = new MemoryStorage();
  const fetched: string[] = [];
  const counting = {
    rounds: api.rounds.bind(api),
    round: (id: string, options?: Parameters<ApiClient["round"]>[1]) => {
      fetched.push(id);
      return api.round(id, options);
    },
  };
  expect(knownRounds().map((r) => r.id)).not.toContain("2569");

  // First sign-in: every round is looked at once; only what differs from this release is kept.
  const first = await syncServerRounds(counting, storage);
  expect(first.map((r) => r.id)).toEqual(["2569"]);
  expect(fetched.sort()).toEqual(["2563", "2564", "2565", "2566", "2567", "2568", "2569"]);
  expect(knownRound("2569")?.title).toBe(round2569.title);
  expect((await storage.getKeys()).filter((k) => k.startsWith(ROUND_KEY_PREFIX))).toEqual([
    `${ROUND_KEY_PREFIX}2569`,
  ]);

  // Nothing moved on the server: nothing is fetched.
  fetched.length = 0;
  expect(await syncServerRounds(counting, storage)).toEqual([]);
  expect(fetched).toEqual([]);

  // The national office corrects a target of 2568: the pane scores with the corrected round.
  const shipped = shippedRound("2568")!;
  const corrected = structuredClone(shipped) as Round & {
    areas: Array<{ missions: Array<{ indicators: Array<{ targets: Record<string, unknown> }> }> }>;
  };
  const target = { value: 5, provisional: false, source: "หนังสือสำนักงาน ก.ก.ถ. (ทดสอบ)" };
  corrected.areas[0]!.missions[0]!.indicators[0]!.targets = { default: target };
  await load(corrected);
  const again = await syncServerRounds(counting, storage);
  expect(again.map((r) => r.id)).toEqual(["2568"]);
  expect(fetched).toEqual(["2568"]);
  expect(knownRound("2568")!.areas[0]!.missions[0]!.indicators[0]!.targets).toEqual({ default: target });
});
