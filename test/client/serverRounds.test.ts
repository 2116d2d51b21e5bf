import { ApiClient, MemoryStorage } from "../../src/client";
import { knownRounds, shippedRound, unregisterRounds } from "../../src/core";
import { followingRound } from "../../src/core/generatedRound";
import { syncServerRounds } from "../../src/taskpane/rounds/serverRounds";
import { ROUND_KEY_PREFIX } from "../../src/taskpane/rounds/storedRounds";
import { FAST_RETRY, nextLao, signedIn, startRig, type Rig } from "./rig";

/**
 * A round loaded on the server after this release reaches the pane: fetched once signed in, kept
 * in the add-in's storage and registered; rounds already known are not fetched again.
 */

let rig: Rig;
beforeAll(async () => {
  rig = await startRig();
});
afterAll(async () => {
  unregisterRounds(["2569"]);
  await rig?.close();
});

it("keeps and registers the rounds the server has and the add-in does not, once", async () => {
  const admin = new ApiClient({ server: rig.h.url, retry: FAST_RETRY });
  const code = await rig.h.send<string>({ cmd: "userCode", role: "admin", name: "ผู้ดูแลระบบทดสอบ" });
  const token = (await admin.signIn(code)).token;
  const round2569 = followingRound(shippedRound("2568")!, "2569");
  const put = await fetch(`${rig.h.url}/api/v1/rounds/2569`, {
    method: "PUT",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify(round2569),
  });
  expect(put.ok).toBe(true);

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
  const kept = await syncServerRounds(counting, storage);
  expect(kept.map((r) => r.id)).toEqual(["2569"]);
  expect(fetched).toEqual(["2569"]); // the shipped rounds are not fetched
  expect(knownRounds().find((r) => r.id === "2569")?.title).toBe(round2569.title);
  expect(await storage.getKeys()).toEqual([`${ROUND_KEY_PREFIX}2569`]);

  expect(await syncServerRounds(counting, storage)).toEqual([]);
  expect(fetched).toEqual(["2569"]);
});
