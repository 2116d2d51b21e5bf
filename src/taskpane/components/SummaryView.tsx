import {
  Button,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  tokens,
} from "@fluentui/react-components";
import { TableAddRegular } from "@fluentui/react-icons";
import { useState } from "react";
import type { LaoHistory } from "../../client";
import type { Summary } from "../../core";
import { useI18n } from "../hooks/useI18n";
import ErrorNotice from "./ErrorNotice";
import MemoSection from "./MemoSection";
import PassRateCard from "./PassRateCard";
import YearOverYearSection, { type ScoredWorkbook } from "./YearOverYearSection";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  note: { color: tokens.colorNeutralForeground3 },
  actions: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
});

type InsertState =
  | { readonly phase: "idle" }
  | { readonly phase: "inserting" }
  | { readonly phase: "done"; readonly sheet: string }
  | { readonly phase: "error"; readonly error: unknown };

/**
 * Counts and pass rate per area and overall, year over year, the button that writes the summary
 * sheet and the draft memo.
 */
export default function SummaryView({
  summary,
  onInsertSummary,
  scored,
  now,
  loadHistory,
}: {
  summary: Summary;
  /** Writes the summary sheet; resolves with the sheet's name. */
  onInsertSummary: () => Promise<string>;
  /** The workbook's scores, for year over year and the memo. */
  scored: ScoredWorkbook;
  /** The memo's date. */
  now: Date;
  /** The LAO's earlier results from the collection server; undefined when the pane is not signed in. */
  loadHistory?: () => Promise<LaoHistory>;
}) {
  const styles = useStyles();
  const { t } = useI18n();
  const [insert, setInsert] = useState<InsertState>({ phase: "idle" });
  const unfinished = summary.overall.counts.incomplete + summary.overall.counts.invalid;

  const run = async (): Promise<void> => {
    setInsert({ phase: "inserting" });
    try {
      setInsert({ phase: "done", sheet: await onInsertSummary() });
    } catch (error) {
      setInsert({ phase: "error", error });
    }
  };

  return (
    <div className={styles.root}>
      <Text>{unfinished > 0 ? t.incompleteWarning(unfinished) : t.completeNote}</Text>
      <PassRateCard id="summary-overall" title={t.overallTitle} part={summary.overall} />
      {summary.areas
        .filter((a) => a.total > 0)
        .map((a) => (
          <PassRateCard key={a.areaId} id={`summary-area-${a.areaId}`} title={a.title} part={a} />
        ))}
      <Caption1 className={styles.note}>{t.passRateExplain}</Caption1>
      <YearOverYearSection scored={scored} loadHistory={loadHistory} />
      <div className={styles.actions}>
        <Button
          appearance="primary"
          icon={insert.phase === "inserting" ? <Spinner size="tiny" /> : <TableAddRegular />}
          disabled={insert.phase === "inserting"}
          onClick={() => void run()}
        >
          {insert.phase === "inserting" ? t.insertingSummary : t.insertSummary}
        </Button>
        <Caption1 className={styles.note}>{t.insertSummaryHint}</Caption1>
      </div>
      {insert.phase === "done" && (
        <MessageBar intent="success">
          <MessageBarBody>{t.summaryInserted(insert.sheet)}</MessageBarBody>
        </MessageBar>
      )}
      {insert.phase === "error" && (
        <ErrorNotice title={t.insertFailed} error={insert.error} onRetry={() => void run()} />
      )}
      <MemoSection source={scored} now={now} />
    </div>
  );
}
