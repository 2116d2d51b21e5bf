import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BACKENDS, documentFor, newId, startHarness, type Harness } from "./harness";

/** A server killed right after answering, then started again on the same data, has lost nothing. */
describe.each(BACKENDS)("a restart on %s", (backend) => {
  let dir: string | undefined;
  let first: Harness;
  let second: Harness | undefined;
  beforeAll(async () => {
    dir = backend === "pglite" ? mkdtempSync(join(tmpdir(), "minstd-restart-")) : undefined;
    first = await startHarness(backend, { ...(dir && { dataDir: dir }) });
  });
  afterAll(async () => {
    await second?.stop();
    await first?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("keeps every version, receipt, token and audit row", async () => {
    const token = await first.signIn("lao", { lao: "4220102" });
    const v1 = { id: newId(), document: documentFor("2563", "4220102", 1) };
    const v2 = { id: newId(), replaces: v1.id, document: documentFor("2563", "4220102", 2) };
    const r1 = await first.api("POST", "/submissions", { token, body: v1 });
    const r2 = await first.api("POST", "/submissions", { token, body: v2 });
    expect([r1.status, r2.status]).toEqual([201, 201]);
    const before = await first.countStored();
    await first.stop("kill"); // no clean shutdown

    second = await startHarness(backend, { ...first.storage, ...(dir && { dataDir: dir }) });
    expect(await second.countStored()).toEqual(before);
    expect((await second.api("GET", "/me", { token })).status).toBe(200);
    const receipts = await second.api("GET", "/me/receipts", { token });
    expect(
      receipts.body.map((r: { receiptNumber: string; contentHash: string }) => [
        r.receiptNumber,
        r.contentHash,
      ]),
    ).toEqual([
      [r2.body.receiptNumber, r2.body.contentHash],
      [r1.body.receiptNumber, r1.body.contentHash],
    ]);
    // A client that never saw the answer retries: same receipt, nothing new.
    const retry = await second.api("POST", "/submissions", { token, body: v2 });
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual(r2.body);
    expect(await second.countStored()).toEqual(before);
  });
});
