import { Badge, Caption1, makeStyles, Spinner, Subtitle2, Text, tokens } from "@fluentui/react-components";
import { useEffect, useMemo, useRef, useState } from "react";
import { formatPercent, type IndicatorKind, type Status, type Trend } from "../../core";
import type { LaoHistory } from "../../client";
import { useI18n } from "../hooks/useI18n";
import type { Messages } from "../i18n";
import { formatValue } from "../view/formatRow";
import type { WorkbookReport } from "../view/workbookReport";
import { compareWithHistory, type YearOverYearRow } from "../view/yearOverYear";
import ErrorNotice from "./ErrorNotice";

const useStyles = makeStyles({
  card: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  heading: { margin: 0 },
  list: { listStyle: "none", margin: 0, padding: 0 },
  item: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} 0`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  top: {
    display: "flex",
    justifyContent: "space-between",
    alignItems: "flex-start",
    gap: tokens.spacingHorizontalS,
  },
  id: { fontFamily: tokens.fontFamilyMonospace, color: tokens.colorNeutralForeground3 },
  note: { color: tokens.colorNeutralForeground3 },
});

const TREND_COLOR: Record<Trend, "success" | "danger" | "informative" | "subtle"> = {
  better: "success",
  worse: "danger",
  same: "informative",
  "not-comparable": "subtle",
};

/** The workbook's scores, as WorkbookView has them. */
export type ScoredWorkbook = Extract<WorkbookReport, { ok: true }>;

type HistoryState =
  | { readonly phase: "loading" }
  | { readonly phase: "ready"; readonly history: LaoHistory }
  | { readonly phase: "error"; readonly error: unknown };

/** "ผ่าน 3 โครงการ", "การพัฒนาในอนาคต 70.00%", "ไม่ได้ดำเนินการ": the short labels of core/vocabulary. */
function resultText(
  status: Status,
  value: number | undefined,
  kind: IndicatorKind,
  unit: string,
  t: Messages,
) {
  const label = t.filterLabels[status];
  return value === undefined ? label : `${label} ${formatValue(kind, unit, value, t)}`;
}

/** The change in the indicator's unit, "+10.00" percentage points or "-2"; none for มี/ไม่มี. */
function deltaText(row: YearOverYearRow): string | null {
  const delta = row.change.delta;
  if (delta === undefined || delta === 0 || row.row.kind === "yesno") return null;
  const sign = delta > 0 ? "+" : "−";
  const size = Math.abs(delta);
  return `${sign}${row.row.kind === "count" ? String(size) : formatPercent(size)}`;
}

/**
 * Year over year: the workbook's result now beside the LAO's latest earlier result of the same
 * indicator (from the collection server). Without a signed-in server (`loadHistory` undefined)
 * it says how to get the comparison.
 */
export default function YearOverYearSection({
  scored,
  loadHistory,
}: {
  scored: ScoredWorkbook;
  loadHistory?: () => Promise<LaoHistory>;
}) {
  const styles = useStyles();
  const { t } = useI18n();
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<HistoryState>({ phase: "loading" });

  // The caller may pass a new function on every render (each edit of the workbook renders again):
  // the history is asked for once per sign-in, workbook and retry, not once per function.
  const latestLoad = useRef(loadHistory);
  useEffect(() => {
    latestLoad.current = loadHistory;
  });
  const signedIn = loadHistory !== undefined;
  const { code: laoCode } = scored.lao;
  const roundId = scored.round.id;
  useEffect(() => {
    const load = latestLoad.current;
    if (!signedIn || !load) return;
    let current = true;
    setState({ phase: "loading" });
    load().then(
      (history) => current && setState({ phase: "ready", history }),
      (error: unknown) => current && setState({ phase: "error", error }),
    );
    return () => {
      current = false;
    };
  }, [signedIn, laoCode, roundId, attempt]);

  const history = state.phase === "ready" ? state.history : undefined;
  const forThisWorkbook =
    history !== undefined && history.lao === scored.lao.code && history.round === scored.round.id;
  const comparison = useMemo(
    () =>
      history && forThisWorkbook ? compareWithHistory(scored.groups, scored.compiled, history) : undefined,
    [history, forThisWorkbook, scored],
  );

  let content;
  if (!loadHistory) content = <Caption1>{t.yoySignInHint}</Caption1>;
  else if (state.phase === "loading") content = <Spinner size="tiny" label={t.yoyLoading} />;
  else if (state.phase === "error")
    content = (
      <ErrorNotice title={t.yoyFailed} error={state.error} onRetry={() => setAttempt((n) => n + 1)} />
    );
  else if (!comparison)
    content = <ErrorNotice title={t.yoyOtherWorkbook(state.history.lao, state.history.round)} />;
  else if (comparison.linked === 0) content = <Caption1>{t.yoyNotLinked}</Caption1>;
  else if (comparison.rows.length === 0) content = <Caption1>{t.yoyNoEarlier}</Caption1>;
  else
    content = (
      <>
        <Text weight="semibold" data-yoy-counts>
          {t.yoyCounts(comparison.counts)}
        </Text>
        <ul className={styles.list}>
          {comparison.rows.map((r) => (
            <li key={r.row.id} className={styles.item} data-yoy={r.row.id} data-trend={r.change.trend}>
              <span className={styles.top}>
                <Caption1 className={styles.id}>{r.row.id}</Caption1>
                <Badge appearance="outline" color={TREND_COLOR[r.change.trend]}>
                  {t.trendLabel(r.change.trend, deltaText(r))}
                </Badge>
              </span>
              <Text title={r.row.text}>{r.row.short}</Text>
              <Caption1>
                {t.yoyLine(
                  r.earlier.year,
                  resultText(r.earlier.status, r.earlier.value, r.earlier.kind, r.row.unit, t),
                  resultText(r.row.status, r.row.value, r.row.kind, r.row.unit, t),
                )}
              </Caption1>
            </li>
          ))}
        </ul>
        {comparison.linked > comparison.rows.length && (
          <Caption1>{t.yoyWithoutEarlier(comparison.linked - comparison.rows.length)}</Caption1>
        )}
        <Caption1 className={styles.note}>{t.yoyNote}</Caption1>
      </>
    );

  return (
    <section className={styles.card} aria-labelledby="yoy-title" data-yoy-section>
      <Subtitle2 as="h3" id="yoy-title" className={styles.heading}>
        {t.yoyTitle}
      </Subtitle2>
      {content}
    </section>
  );
}
