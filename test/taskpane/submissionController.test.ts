import { ApiClient, MemoryStorage, type ReturnComments } from "../../src/client";
import {
  SubmissionController,
  type SubmissionSnapshot,
} from "../../src/taskpane/server/submissionController";
import type { CellNote, CellRef, ReceiptSheet } from "../../src/taskpane/workbookPort";
import { documentFor } from "../server/harness";
import { FAST_RETRY, nextLao, serverVersions, signedIn, startRig, type Rig } from "../client/rig";

/**
 * The pane's submission controller against a real server through the fault proxy: the receipt
 * sheet follows every acknowledged version, the province's return becomes notes on the cells and
 * goes with the next version, a version sent offline waits and is sent by the next drain, and a
 * revoked sign-in is reported once.
 */

let rig: Rig;
beforeAll(async () => {
  rig = await startRig();
});
afterAll(() => rig?.close());
beforeEach(() => rig.proxy.choose(() => "pass"));

/** What the controller writes into the workbook, recorded. */
class RecordingWorkbook {
  readonly receiptSheets: ReceiptSheet[] = [];
  notes: readonly CellNote[] = [];
  noteCalls = 0;
  async writeReceiptSheet(sheet: ReceiptSheet): Promise<string> {
    this.receiptSheets.push(sheet);
    return sheet.name;
  }
  async showReturnNotes(notes: readonly CellNote[]): Promise<void> {
    this.noteCalls += 1;
    this.notes = notes;
  }
}

const cellOf = (id: string): CellRef => ({ sheet: "แบบ 2", cell: `F${10 + Number(id.split("-").pop())}` });

async function controllerFor(lao: string, options: { retryAttempts?: number } = {}) {
  const { token } = await signedIn(rig, lao);
  const workbook = new RecordingWorkbook();
  const storage = new MemoryStorage();
  let signedOut = 0;
  const make = () =>
    new SubmissionController({
      api: (onAttempt) =>
        new ApiClient({
          server: rig.proxy.url,
          token,
          retry: { ...FAST_RETRY, ...(options.retryAttempts && { attempts: options.retryAttempts }) },
          onAttempt,
        }),
      storage,
      round: "2563",
      lao,
      port: workbook,
      cellOf,
      receiptContext: { laoName: `อปท. ${lao}` },
      onSignedOut: () => (signedOut += 1),
      retryEveryMs: 0,
    });
  return { controller: make(), make, workbook, storage, token, signedOut: () => signedOut };
}

const snap = (c: SubmissionController): SubmissionSnapshot => c.getSnapshot();

describe("submitting from the pane", () => {
  it("writes the receipt sheet with every version after each acknowledged submission", async () => {
    const lao = nextLao();
    const { controller, workbook } = await controllerFor(lao);
    await controller.start();
    expect(snap(controller)).toMatchObject({
      loading: false,
      server: null,
      receipts: [],
      lastDocument: null,
    });

    const first = await controller.submit(documentFor("2563", lao, 1));
    expect(first).toMatchObject({ kind: "acknowledged", unchanged: false });
    expect(workbook.receiptSheets).toHaveLength(1);
    expect(workbook.receiptSheets[0]!.latest.find((l) => l.label === "เลขที่ใบรับ")!.value).toBe(
      first.kind === "acknowledged" ? first.receipt.receiptNumber : "",
    );
    expect(snap(controller)).toMatchObject({
      server: { state: "submitted", version: 1 },
      receiptSheetName: "ใบรับ",
    });
    expect(snap(controller).lastDocument).toMatchObject({ lao, round: "2563" });

    // The same content again is not a new version and does not rewrite the sheet.
    const same = await controller.submit(documentFor("2563", lao, 1));
    expect(same).toMatchObject({ kind: "acknowledged", unchanged: true });
    expect(workbook.receiptSheets).toHaveLength(1);

    await controller.submit(documentFor("2563", lao, 2));
    expect(workbook.receiptSheets).toHaveLength(2);
    expect(workbook.receiptSheets[1]!.history.rows.map((r) => r[0])).toEqual([2, 1]);
    expect((await serverVersions(rig.h, lao)).map((v) => v.version)).toEqual([1, 2]);
    controller.stop();
  });

  it("shows the province's return as notes on the cells, and clears them when the next version is accepted", async () => {
    const lao = nextLao();
    const { controller, workbook } = await controllerFor(lao);
    await controller.start();
    await controller.submit(documentFor("2563", lao, 3));
    const province = new ApiClient({ server: rig.h.url, retry: FAST_RETRY });
    const code = await rig.h.send<string>({
      cmd: "userCode",
      role: "province",
      name: "สถจ.ทดสอบ",
      province: "22",
    });
    const staff = province.withToken((await province.signIn(code)).token);
    const res = await fetch(`${rig.h.url}/api/v1/laos/${lao}/submissions/2563/returns`, {
      method: "POST",
      headers: { authorization: `Bearer ${staff.token}`, "content-type": "application/json" },
      body: JSON.stringify({
        version: 1,
        comments: { "2563-1-02": "ตัวเลขไม่ตรงกับทะเบียน" },
        note: "แก้แล้วส่งใหม่",
      }),
    });
    expect(res.status).toBe(201);

    await controller.reload();
    const returned = snap(controller).returned as ReturnComments;
    expect(returned).toMatchObject({ version: 1, comments: { "2563-1-02": "ตัวเลขไม่ตรงกับทะเบียน" } });
    expect(snap(controller).server).toMatchObject({ state: "returned", version: 1 });
    expect(workbook.notes).toEqual([{ ...cellOf("2563-1-02"), text: "2563-1-02: ตัวเลขไม่ตรงกับทะเบียน" }]);

    // Confirming the returned data unchanged is allowed: it becomes version 2.
    const resent = await controller.submit(documentFor("2563", lao, 3));
    expect(resent).toMatchObject({ kind: "acknowledged", unchanged: false, receipt: { version: 2 } });
    expect(snap(controller).returned).toBeUndefined();
    expect(workbook.notes).toEqual([]);
    controller.stop();
  });

  it("keeps a version sent offline, says so, and sends it with the next drain — the next open", async () => {
    const lao = nextLao();
    const { controller, make, workbook } = await controllerFor(lao, { retryAttempts: 2 });
    await controller.start();
    rig.proxy.choose(() => "drop");
    const offline = await controller.submit(documentFor("2563", lao, 4));
    expect(offline).toMatchObject({ kind: "queued", problem: { kind: "unreachable" } });
    expect(snap(controller).waiting).toHaveLength(1);
    expect(workbook.receiptSheets).toHaveLength(0);
    controller.stop();

    rig.proxy.choose(() => "pass");
    const reopened = make();
    await reopened.start();
    expect(snap(reopened).waiting).toEqual([]);
    expect(snap(reopened).server).toMatchObject({ version: 1 });
    expect(workbook.receiptSheets).toHaveLength(1);
    expect((await serverVersions(rig.h, lao)).map((v) => v.version)).toEqual([1]);
    reopened.stop();
  });

  it("reports a revoked sign-in once and keeps what is not sent", async () => {
    const lao = nextLao();
    const { controller, token, signedOut } = await controllerFor(lao);
    await controller.start();
    await new ApiClient({ server: rig.h.url, token }).signOut();
    const outcome = await controller.submit(documentFor("2563", lao, 5));
    expect(outcome.kind).toBe("queued");
    expect(outcome.kind !== "acknowledged" && outcome.problem.kind).toBe("signed-out");
    expect(signedOut()).toBeGreaterThanOrEqual(1);
    expect(snap(controller).waiting).toHaveLength(1);
    controller.stop();
  });
});
