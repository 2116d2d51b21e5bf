import { ApiClient, contentHash, Outbox, webStorage, type Receipt } from "../client";
import type { SubmissionDocument } from "../core/submission";

/**
 * Sending a checked document from the web app with the submission client of the task pane and the
 * CLI: the same client-made id, the version it replaces, retries that never duplicate, and the
 * outbox, kept in this browser's storage (the tab's only, on a shared computer) until a receipt
 * comes back.
 */

export interface LaoClient {
  readonly api: ApiClient;
  readonly outbox: Outbox;
}

export function laoClient(token: string, shared: boolean): LaoClient {
  const api = new ApiClient({ server: window.location.origin, token, retry: { attempts: 3 } });
  const outbox = new Outbox({ storage: webStorage(shared ? sessionStorage : localStorage), api });
  return { api, outbox };
}

export type WebSubmitOutcome =
  | { readonly state: "acknowledged"; readonly receipt: Receipt; readonly unchanged: boolean }
  | { readonly state: "queued" | "held"; readonly message: string; readonly messageEn: string };

/**
 * Sends one version. Like `minstd submit`, it replaces the version the server has now (whether it
 * was sent from here, the pane or the CLI), and a document equal to that version is not sent again,
 * unless the province returned it.
 */
export async function submitDocument(
  client: LaoClient,
  document: SubmissionDocument,
): Promise<WebSubmitOutcome> {
  const { api, outbox } = client;
  const current = (await api.mySubmissions()).find((s) => s.round === document.round);
  if (current && current.state !== "returned") {
    const hash = await contentHash(document);
    const receipt = (await api.myReceipts(document.round)).find((r) => r.id === current.currentId);
    if (receipt?.contentHash === hash) return { state: "acknowledged", receipt, unchanged: true };
  }
  const outcome = await outbox.submit(document, {
    replaces: current?.currentId ?? null,
    allowUnchanged: current?.state === "returned",
  });
  if (outcome.state === "acknowledged")
    return { state: "acknowledged", receipt: outcome.receipt, unchanged: outcome.unchanged };
  // Refused for good (e.g. a newer version arrived meanwhile): the workbook file is the officer's
  // copy, so the browser keeps nothing that would stand in the way of checking and sending it again.
  if (outcome.state === "held") await outbox.discard(outcome.entry.id);
  return { state: outcome.state, message: outcome.problem.message, messageEn: outcome.problem.messageEn };
}
