import { useEffect, useRef, useState, useSyncExternalStore } from "react";
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
  const cells = useRef(state.cells);
  cells.current = state.cells;
  const context = useRef(receiptContext);
  context.current = receiptContext;
  const onSignedOut = useRef(signedOutByServer);
  onSignedOut.current = signedOutByServer;

  const session = status.phase === "ready" ? status.session : null;
  const connection = status.phase === "ready" ? status.connection : undefined;
  const server = status.phase === "ready" ? status.server : "";
  const { round, lao } = state;

  useEffect(() => {
    if (status.phase === "loading") return setLink({ phase: "loading" });
    if (status.phase === "error") return setLink({ phase: "error", error: status.error });
    if (!session || !connection)
      return setLink({ phase: "signed-out", lost: status.phase === "ready" && status.lostSession === true });
    if (session.user.laoCode !== lao)
      return setLink({ phase: "other-user", laoCode: session.user.laoCode, role: session.user.role });
    let controller: SubmissionController | undefined;
    let live = true;
    setLink({ phase: "loading" });
    import(/* webpackChunkName: "submission" */ "../server/submissionController")
      .then(({ SubmissionController }) => {
        if (!live) return;
        controller = new SubmissionController({
          api: (onAttempt) => connection.client({ server, token: session.token, onAttempt }),
          storage: connection.keyValueStorage,
          round,
          lao,
          port,
          cellOf: (id): CellRef | undefined => cellForIndicator({}, cells.current[id]),
          receiptContext: context.current,
          onSignedOut: () => onSignedOut.current(),
        });
        setLink({ phase: "ready", controller });
        void controller.start();
      })
      .catch((error: unknown) => live && setLink({ phase: "error", error }));
    return () => {
      live = false;
      controller?.stop();
    };
    // The session's token identifies the sign-in; a new token means a new controller.
  }, [status.phase, session?.token, connection, server, round, lao, port]);

  return link;
}

const NONE = (): (() => void) => () => undefined;
const NO_SNAPSHOT = (): undefined => undefined;

/** The controller's current snapshot (undefined without one), re-rendering on every change. */
export function useSubmissionSnapshot(
  controller: SubmissionController | undefined,
): SubmissionSnapshot | undefined {
  return useSyncExternalStore(controller?.subscribe ?? NONE, controller?.getSnapshot ?? NO_SNAPSHOT);
}
