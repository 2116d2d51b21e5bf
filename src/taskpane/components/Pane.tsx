import { Spinner } from "@fluentui/react-components";
import { lazy, Suspense, useEffect } from "react";
import type { LaoRegister, Round } from "../../core";
import { useI18n } from "../hooks/useI18n";
import { useNow } from "../hooks/useNow";
import { useWorkbookState } from "../hooks/useWorkbookState";
import type { WorkbookPort } from "../workbookPort";
import ErrorNotice from "./ErrorNotice";
import WorkbookView from "./WorkbookView";

/** First run only: loaded when the workbook turns out to be empty, not with the pane. */
const SetupView = lazy(() => import(/* webpackChunkName: "setup" */ "./SetupView"));

/** Inside Excel: set up an empty workbook, or show the collection workbook's results. */
export default function Pane({
  port,
  loadRegister,
  rounds,
  clock,
  onShown,
}: {
  port: WorkbookPort;
  loadRegister: () => Promise<LaoRegister>;
  rounds: readonly Round[];
  clock: () => Date;
  /** After what was read is drawn (the workbook's view tells when its indicators are). */
  onShown?: () => void;
}) {
  const { t } = useI18n();
  const { load, refresh } = useWorkbookState(port);
  const now = useNow(clock);
  const read = load.phase === "loading" ? undefined : load.state;
  useEffect(() => {
    if (load.phase !== "loading" && !read) onShown?.();
  }, [load.phase, read, onShown]);

  if (load.phase === "loading") return <Spinner label={t.loadingWorkbook} />;
  const state = load.state;
  return (
    <>
      {load.phase === "error" && <ErrorNotice title={t.readFailed} error={load.error} onRetry={refresh} />}
      {state === null ? (
        <Suspense fallback={<Spinner label={t.loadingWorkbook} />}>
          <SetupView port={port} loadRegister={loadRegister} rounds={rounds} now={now} onCreated={refresh} />
        </Suspense>
      ) : state !== undefined ? (
        <WorkbookView
          state={state}
          port={port}
          loadRegister={loadRegister}
          rounds={rounds}
          now={now}
          onShown={onShown}
        />
      ) : null}
    </>
  );
}
