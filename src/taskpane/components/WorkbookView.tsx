import { Caption1, makeStyles, Spinner, Subtitle1, ToggleButton, tokens } from "@fluentui/react-components";
import { SettingsRegular } from "@fluentui/react-icons";
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { LaoHistory } from "../../client";
import { laoDisplayName, type LaoRegister, type Round } from "../../core";
import { useI18n } from "../hooks/useI18n";
import { useConnection } from "../hooks/useConnection";
import { useLaoRegister } from "../hooks/useLaoRegister";
import { useSubmission, useSubmissionSnapshot } from "../hooks/useSubmission";
import { errorText } from "../view/errorText";
import { submitChecklist } from "../view/submitChecklist";
import { cellForIndicator, workbookReport } from "../view/workbookReport";
import type { CellRef, WorkbookPort, WorkbookState } from "../workbookPort";
import DeadlineBanner from "./DeadlineBanner";
import ErrorNotice from "./ErrorNotice";
import IndicatorsView from "./IndicatorsView";
import StatusAnnouncer from "./StatusAnnouncer";

/** The summary view and the summary sheet's model are loaded when the officer first opens the summary. */
const SummaryView = lazy(() => import(/* webpackChunkName: "summary" */ "./SummaryView"));
/** Submitting and the server's settings: loaded when the officer first opens them. */
const SubmitView = lazy(() => import(/* webpackChunkName: "submit" */ "./submit/SubmitView"));
const SettingsView = lazy(() => import(/* webpackChunkName: "settings" */ "./SettingsView"));

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  heading: { display: "flex", flexDirection: "column" },
  title: { margin: 0 },
  views: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  settings: { marginInlineStart: "auto" },
  round: { color: tokens.colorNeutralForeground3 },
});

type View = "indicators" | "summary" | "submit" | "settings";
const VIEWS = ["indicators", "summary", "submit"] as const;

/** A set-up workbook: every indicator's result, scored live by the core, and the summary. */
export default function WorkbookView({
  state,
  port,
  loadRegister,
  rounds,
  now,
  loadHistory,
  onShown,
}: {
  state: WorkbookState;
  port: WorkbookPort;
  loadRegister: () => Promise<LaoRegister>;
  rounds: readonly Round[];
  now: Date;
  /**
   * The LAO's earlier results; by default ApiClient.history for this workbook's LAO and round from
   * the signed-in server, none when the pane is not signed in.
   */
  loadHistory?: () => Promise<LaoHistory>;
  /** After the indicators (or why they cannot be shown) are drawn: once the register is in. */
  onShown?: () => void;
}) {
  const styles = useStyles();
  const { t } = useI18n();
  const { status } = useConnection();
  const history = useMemo(() => {
    if (loadHistory) return loadHistory;
    if (status.phase !== "ready" || !status.session) return undefined;
    const { connection, server, session } = status;
    return () => connection.client({ server, token: session.token }).history(state.lao, state.round);
  }, [loadHistory, status, state.lao, state.round]);
  const register = useLaoRegister(loadRegister);
  const [view, setView] = useState<View>("indicators");
  const [selectError, setSelectError] = useState<unknown>();
  const heading = useRef<HTMLHeadingElement>(null);
  const shown = register.phase === "ready";
  useEffect(() => {
    if (register.phase !== "loading") onShown?.();
  }, [register.phase, state, onShown]);
  // After "create" the setup view and its focused button are gone: keyboard and screen-reader users
  // continue from the LAO's heading rather than from the top of the page.
  useEffect(() => {
    if (shown && (document.activeElement === null || document.activeElement === document.body))
      heading.current?.focus();
  }, [shown]);
  const report = useMemo(
    () => (register.phase === "ready" ? workbookReport(state, rounds, register.register) : undefined),
    [state, rounds, register],
  );

  const receiptContext = useMemo(
    () =>
      report?.ok
        ? {
            round: report.round,
            laoName: laoDisplayName(report.lao.type, report.lao.name),
            digits: "arabic" as const,
          }
        : { digits: "arabic" as const },
    [report],
  );
  const submission = useSubmission(state, port, receiptContext);
  const snapshot = useSubmissionSnapshot(submission.phase === "ready" ? submission.controller : undefined);
  const cellOf = useCallback((id: string) => cellForIndicator({}, state.cells[id]), [state.cells]);
  const checklist = useMemo(
    () => (report?.ok ? submitChecklist(state, report.report, report.groups, report.compiled) : undefined),
    [state, report],
  );

  const selectCell = useCallback(
    (cell: CellRef) => {
      setSelectError(undefined);
      port.selectCell(cell.sheet, cell.cell).catch(setSelectError);
    },
    [port],
  );

  if (register.phase === "loading") return <Spinner label={t.loadingRegister} />;
  if (register.phase === "error")
    return <ErrorNotice title={errorText(register.error, t.pick)} onRetry={register.retry} />;
  if (!report) return null;
  if (!report.ok) {
    const lao = register.register.get(state.lao);
    const message =
      report.reason === "unknown-round"
        ? t.unknownRound(state.round)
        : report.reason === "unknown-lao" || !lao
          ? t.unknownLao(state.lao)
          : t.typeNotCovered(lao.type, state.round);
    return <ErrorNotice title={message} />;
  }

  const { round, lao, compiled } = report;
  const viewTitle = (v: View): string =>
    ({ indicators: t.tabIndicators, summary: t.tabSummary, submit: t.tabSubmit, settings: t.tabSettings })[v];
  const badge = snapshot?.returned
    ? ("returned" as const)
    : snapshot?.held.length
      ? ("held" as const)
      : snapshot?.waiting.length
        ? ("waiting" as const)
        : undefined;
  const summary = report.report.summary;
  const insertSummary = async (): Promise<string> => {
    const { buildSummarySheet } = await import(
      /* webpackChunkName: "summary-sheet" */ "../../core/reports/summarySheet"
    );
    const model = buildSummarySheet(compiled, lao, state.document, report.report, new Date(now.getTime()));
    return port.insertSummarySheet(model);
  };

  return (
    <div className={styles.root}>
      <div className={styles.heading}>
        <h2 className={styles.title} ref={heading} tabIndex={-1}>
          <Subtitle1>{laoDisplayName(lao.type, lao.name)}</Subtitle1>
        </h2>
        <Caption1 className={styles.round}>
          {lao.code} · {round.title}
        </Caption1>
      </div>
      <DeadlineBanner round={round} now={now} {...(snapshot?.window && { serverWindow: snapshot.window })} />
      <StatusAnnouncer counts={summary.overall.counts} total={summary.overall.total} />
      {selectError !== undefined && <ErrorNotice title={t.selectFailed} error={selectError} />}
      {/* Two toggle buttons rather than Fluent's TabList, whose focus sentinels fail axe (aria-hidden-focus). */}
      <div role="group" aria-label={t.tabsLabel} className={styles.views}>
        {VIEWS.map((v) => (
          <ToggleButton
            key={v}
            checked={view === v}
            appearance={view === v ? "primary" : "secondary"}
            onClick={() => setView(v)}
          >
            {viewTitle(v)}
            {v === "submit" && badge && ` (${t.tabSubmitBadge(badge)})`}
          </ToggleButton>
        ))}
        <ToggleButton
          className={styles.settings}
          checked={view === "settings"}
          appearance={view === "settings" ? "primary" : "subtle"}
          icon={<SettingsRegular />}
          onClick={() => setView("settings")}
        >
          {t.tabSettings}
        </ToggleButton>
      </div>
      <section aria-label={viewTitle(view)}>
        {view === "submit" ? (
          <Suspense fallback={<Spinner />}>
            <SubmitView
              document={state.document}
              laoType={lao.type}
              checklist={checklist!}
              link={submission}
              receiptContext={receiptContext}
              cellOf={cellOf}
              onSelectCell={selectCell}
              onOpenSettings={() => setView("settings")}
            />
          </Suspense>
        ) : view === "settings" ? (
          <Suspense fallback={<Spinner />}>
            <SettingsView />
          </Suspense>
        ) : view === "indicators" ? (
          <IndicatorsView
            round={round}
            groups={report.groups}
            cells={state.cells}
            problems={state.problems}
            onSelectCell={selectCell}
          />
        ) : (
          <Suspense fallback={<Spinner />}>
            <SummaryView
              summary={summary}
              onInsertSummary={insertSummary}
              scored={report}
              now={now}
              loadHistory={history}
            />
          </Suspense>
        )}
      </section>
    </div>
  );
}
