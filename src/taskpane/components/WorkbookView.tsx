import { Caption1, makeStyles, Spinner, Subtitle1, ToggleButton, tokens } from "@fluentui/react-components";
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { LaoHistory } from "../../client";
import { laoDisplayName, type LaoRegister, type Round } from "../../core";
import { useI18n } from "../hooks/useI18n";
import { useLaoRegister } from "../hooks/useLaoRegister";
import { errorText } from "../view/errorText";
import { workbookReport } from "../view/workbookReport";
import type { CellRef, WorkbookPort, WorkbookState } from "../workbookPort";
import DeadlineBanner from "./DeadlineBanner";
import ErrorNotice from "./ErrorNotice";
import IndicatorsView from "./IndicatorsView";
import StatusAnnouncer from "./StatusAnnouncer";

/** The summary view and the summary sheet's model are loaded when the officer first opens the summary. */
const SummaryView = lazy(() => import(/* webpackChunkName: "summary" */ "./SummaryView"));

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  heading: { display: "flex", flexDirection: "column" },
  title: { margin: 0 },
  views: { display: "flex", gap: tokens.spacingHorizontalS },
  round: { color: tokens.colorNeutralForeground3 },
});

type View = "indicators" | "summary";

/** A set-up workbook: every indicator's result, scored live by the core, and the summary. */
export default function WorkbookView({
  state,
  port,
  loadRegister,
  rounds,
  now,
  loadHistory,
}: {
  state: WorkbookState;
  port: WorkbookPort;
  loadRegister: () => Promise<LaoRegister>;
  rounds: readonly Round[];
  now: Date;
  /**
   * The LAO's earlier results from the collection server (ApiClient.history for this workbook's LAO
   * and round); undefined when the pane is not signed in. Need not be the same function each render.
   */
  loadHistory?: () => Promise<LaoHistory>;
}) {
  const styles = useStyles();
  const { t } = useI18n();
  const register = useLaoRegister(loadRegister);
  const [view, setView] = useState<View>("indicators");
  const [selectError, setSelectError] = useState<unknown>();
  const heading = useRef<HTMLHeadingElement>(null);
  const shown = register.phase === "ready";
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
  const summary = report.report.summary;
  const insertSummary = async (): Promise<string> => {
    const { buildSummarySheet } = await import(
      /* webpackChunkName: "summary-sheet" */ "../../core/summarySheet"
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
      <DeadlineBanner round={round} now={now} />
      <StatusAnnouncer counts={summary.overall.counts} total={summary.overall.total} />
      {selectError !== undefined && <ErrorNotice title={t.selectFailed} error={selectError} />}
      {/* Two toggle buttons rather than Fluent's TabList, whose focus sentinels fail axe (aria-hidden-focus). */}
      <div role="group" aria-label={t.tabsLabel} className={styles.views}>
        {(["indicators", "summary"] as const).map((v) => (
          <ToggleButton
            key={v}
            checked={view === v}
            appearance={view === v ? "primary" : "secondary"}
            onClick={() => setView(v)}
          >
            {v === "indicators" ? t.tabIndicators : t.tabSummary}
          </ToggleButton>
        ))}
      </div>
      <section aria-label={view === "indicators" ? t.tabIndicators : t.tabSummary}>
        {view === "indicators" ? (
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
              loadHistory={loadHistory}
            />
          </Suspense>
        )}
      </section>
    </div>
  );
}
