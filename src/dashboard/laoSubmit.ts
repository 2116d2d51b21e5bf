import { ApiClient, Outbox, webStorage, type Receipt } from "../client";
import type { SubmissionDocument } from "../core/rules/submission";

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

/** The server's version the officer saw on the page before pressing Send. */
export interface SeenVersion {
  /** 0: none yet. */
  readonly version: number;
  readonly returned: boolean;
}

/**
 * Sends one version, deciding as the pane and `minstd submit` do (the outbox's protocol): it
 * replaces the version the page showed, and is held if the server has another one by now; a
 * document equal to the server's version is not sent again, unless the province returned it.
 */
export async function submitDocument(
  client: LaoClient,
  document: SubmissionDocument,
  seen: SeenVersion,
): Promise<WebSubmitOutcome> {
  const { outbox } = client;
  const outcome = await outbox.submit(document, {
    basis: "server",
    expectVersion: seen.version,
    allowUnchanged: seen.returned,
  });
  if (outcome.state === "acknowledged")
    return { state: "acknowledged", receipt: outcome.receipt, unchanged: outcome.unchanged };
  // Refused for good (e.g. a newer version arrived meanwhile): the workbook file is the officer's
  // copy, so the browser keeps nothing that would stand in the way of checking and sending it again.
  if (outcome.state === "held") await outbox.discard(outcome.entry.id);
  return { state: outcome.state, message: outcome.problem.message, messageEn: outcome.problem.messageEn };
}
