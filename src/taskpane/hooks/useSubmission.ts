import { useEffect, useState, useSyncExternalStore } from "react";
import { useLatest } from "./useLatest";
import type { ReceiptContext } from "../../client/receipt";
import type { SubmissionController, SubmissionSnapshot } from "../server/submissionController";
import type { CellRef, WorkbookPort, WorkbookState } from "../workbookPort";
import { cellForIndicator } from "../view/workbookReport";
import { useConnection } from "./useConnection";

export type SubmissionLink =
  | { readonly phase: "loading" }
  /** `lost`: the server stopped accepting this device's sign-in during this session. */
  | { readonly phase: "signed-out"; readonly lost: boolean }
  /** Signed in as another LAO (or as staff): this workbook cannot be sent with that sign-in. */
  | { readonly phase: "other-user"; readonly laoCode: string | null; readonly role: string }
  | { readonly phase: "error"; readonly error: unknown }
  | { readonly phase: "ready"; readonly controller: SubmissionController };

/**
 * The submission of the open workbook, for as long as the pane shows it and this device is signed
 * in as its LAO: on open it sends whatever waits from an earlier session and shows the province's
 * returns as notes on the cells, whichever view the officer is in.
 */
export function useSubmission(
  state: WorkbookState,
  port: WorkbookPort,
  receiptContext: ReceiptContext,
): SubmissionLink {
  const { status, signedOutByServer } = useConnection();
  const [link, setLink] = useState<SubmissionLink>({ phase: "loading" });
  // Read when used, so a controller always sees the pane's latest cells, context and sign-out.
  const cellOf = useLatest((id: string): CellRef | undefined => cellForIndicator({}, state.cells[id]));
  const currentReceiptContext = useLatest(() => receiptContext);
  const onSignedOut = useLatest(() => signedOutByServer());

  const session = status.phase === "ready" ? status.session : null;
  const connection = status.phase === "ready" ? status.connection : undefined;
  const server = status.phase === "ready" ? status.server : "";
  const { round, lao } = state;
  // What the connection says before there can be a controller for this workbook.
  const before: SubmissionLink | undefined =
    status.phase === "loading"
      ? { phase: "loading" }
      : status.phase === "error"
        ? { phase: "error", error: status.error }
        : !session || !connection
          ? { phase: "signed-out", lost: status.phase === "ready" && status.lostSession === true }
          : session.user.laoCode !== lao
            ? { phase: "other-user", laoCode: session.user.laoCode, role: session.user.role }
            : undefined;
  const token = before ? undefined : session?.token;

  useEffect(() => {
    if (!token || !connection) return;
    let controller: SubmissionController | undefined;
    let live = true;
    import(/* webpackChunkName: "submission" */ "../server/submissionController")
      .then(({ SubmissionController }) => {
        if (!live) return;
        controller = new SubmissionController({
          api: (onAttempt) => connection.client({ server, token, onAttempt }),
          storage: connection.keyValueStorage,
          round,
          lao,
          port,
          cellOf: (id) => cellOf(id),
          receiptContext: currentReceiptContext(),
          onSignedOut: () => onSignedOut(),
        });
        setLink({ phase: "ready", controller });
        void controller.start();
      })
      .catch((error: unknown) => live && setLink({ phase: "error", error }));
    return () => {
      live = false;
      controller?.stop();
      setLink({ phase: "loading" });
    };
    // The session's token identifies the sign-in; a new token means a new controller.
  }, [token, connection, server, round, lao, port, cellOf, currentReceiptContext, onSignedOut]);

  return before ?? link;
}

const NONE = (): (() => void) => () => undefined;
const NO_SNAPSHOT = (): undefined => undefined;

/** The controller's current snapshot (undefined without one), re-rendering on every change. */
export function useSubmissionSnapshot(
  controller: SubmissionController | undefined,
): SubmissionSnapshot | undefined {
  return useSyncExternalStore(controller?.subscribe ?? NONE, controller?.getSnapshot ?? NO_SNAPSHOT);
}
