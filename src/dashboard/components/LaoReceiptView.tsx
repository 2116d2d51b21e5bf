import {
  Badge,
  Button,
  MessageBar,
  MessageBarBody,
  Text,
  Title2,
  Title3,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { PrintRegular } from "@fluentui/react-icons";
import { useMemo } from "react";
import {
  compileRound,
  indicatorText,
  indicatorsFor,
  type CompiledIndicator,
} from "../../core/rules/compiledRound";
import { laoDisplayName } from "../../core/rules/laoTypes";
import { formatPercent } from "../../core/rules/scoring";
import { evaluateSubmission, type IndicatorResult } from "../../core/rules/submission";
import type { Api } from "../api";
import { useI18n, type Messages } from "../i18n";
import { paths } from "../paths";
import { usePlace } from "../route";
import type { Me, RoundDefinition, SubmissionResponse } from "../types";
import { useLoad } from "../useLoad";
import LaoPublishPanel from "./LaoPublishPanel";
import { Notice } from "./Notice";
import { STATUS_COLOR } from "./statusColor";
import { TABLE as table } from "./tableStyles";

const useStyles = makeStyles({
  facts: {
    display: "grid",
    gridTemplateColumns: "max-content 1fr",
    gap: "4px 16px",
    margin: "12px 0",
    "& dt": { color: tokens.colorNeutralForeground2 },
    "& dd": { margin: 0, overflowWrap: "anywhere" },
    // A phone: each label above its value.
    "@media (max-width: 599px)": {
      gridTemplateColumns: "1fr",
      gap: "0",
      "& dd": { margin: "0 0 8px", fontWeight: tokens.fontWeightSemibold },
    },
  },
  no: { fontWeight: tokens.fontWeightSemibold, marginRight: "4px" },
  result: { width: "34%", minWidth: "7.5em" },
  value: { display: "block", fontVariantNumeric: "tabular-nums", marginBottom: "2px" },
  hash: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  area: { backgroundColor: tokens.colorNeutralBackground3, fontWeight: tokens.fontWeightSemibold },
  text: { overflowWrap: "anywhere" },
  actions: { margin: "12px 0" },
  badge: { whiteSpace: "normal", height: "auto", minHeight: "20px", textAlign: "left" },
});

/** What an indicator measured, as the official printout shows it. */
function measured(t: Messages, ind: CompiledIndicator, r: IndicatorResult): string {
  if (r.percent !== undefined) return t.digits(`${formatPercent(r.percent)}%`);
  if (r.value === undefined) return "-";
  if (ind.kind === "yesno") return r.value === 1 ? "มี" : "ไม่มี";
  return t.digits(`${r.value} ${ind.def.unit}`);
}

/**
 * The receipt of one version: its number, the time the server received it (พ.ศ., Bangkok time), the
 * content hash, and the result of every indicator with the official labels, ready to print or save
 * as PDF (the page's print styles leave out the menus and buttons).
 */
export default function LaoReceiptView({
  api,
  me,
  roundId,
  version,
}: {
  api: Api;
  me: Me;
  roundId: string;
  version: number;
}) {
  const styles = useStyles();
  const { t } = useI18n();
  const place = usePlace();
  const lao = me.lao!;
  const submission = useLoad(`submission:${roundId}:receipt:${version}`, () =>
    api.get<SubmissionResponse>(paths.submission(lao.code, roundId)),
  );
  const definition = useLoad(`round:${roundId}`, () => api.get<RoundDefinition>(paths.round(roundId)));
  const view = useMemo(() => {
    if (!submission.data || !definition.data) return undefined;
    const compiled = compileRound(definition.data.round);
    const row = submission.data.versions.find((v) => v.version === version);
    if (!row) return { compiled, row: undefined, results: new Map<string, IndicatorResult>() };
    const report = evaluateSubmission(row.document, compiled, lao);
    return { compiled, row, results: new Map(report.results.map((r) => [r.id, r])) };
  }, [submission.data, definition.data, version, lao]);

  const error = submission.error ?? definition.error;
  if (error) return <Notice error={error} onRetry={() => window.location.reload()} />;
  if (!view) return <p>{t.loading}</p>;
  const { compiled, row, results } = view;
  if (!row)
    return (
      <MessageBar intent="warning">
        <MessageBarBody>{t.receiptMissing(version)}</MessageBarBody>
      </MessageBar>
    );
  const indicators = indicatorsFor(compiled, lao.type);

  return (
    <article aria-labelledby="receipt-title">
      {place.params.get("sent") === "1" && (
        <MessageBar intent="success" data-noprint role="status">
          <MessageBarBody>{t.receiptDone}</MessageBarBody>
        </MessageBar>
      )}
      <Title2 as="h1" block id="receipt-title">
        {t.receiptTitle}
      </Title2>
      <dl className={styles.facts}>
        <dt>{t.receiptNumber}</dt>
        <dd data-receipt-number>{row.receiptNumber}</dd>
        <dt>{t.receiptVersion}</dt>
        <dd>{t.digits(row.version)}</dd>
        <dt>{t.receiptReceivedAt}</dt>
        <dd data-received-at>{t.dateTime(new Date(row.receivedAt))}</dd>
        <dt>{t.receiptLao}</dt>
        <dd>
          {laoDisplayName(lao.type, lao.name)} ({t.digits(lao.code)})
        </dd>
        <dt>{t.receiptRound}</dt>
        <dd>{t.digits(compiled.round.title)}</dd>
        <dt>{t.receiptPassRate}</dt>
        <dd>{t.percent(row.summary.overall.passRate)}</dd>
        <dt>{t.receiptHash}</dt>
        <dd className={styles.hash} data-content-hash>
          {row.contentHash}
        </dd>
      </dl>
      <div className={styles.actions} data-noprint>
        <Button icon={<PrintRegular />} onClick={() => window.print()}>
          {t.printButton}
        </Button>
      </div>
      <Title3 as="h2" block id="results-title">
        {t.receiptResults}
      </Title3>
      <table className={table.table} aria-labelledby="results-title">
        <thead>
          <tr>
            <th scope="col">{t.colCriterion}</th>
            <th scope="col" className={styles.result}>
              {t.colResult}
            </th>
          </tr>
        </thead>
        <tbody>
          {compiled.round.areas.map((area) => {
            const own = indicators.filter((i) => i.area.id === area.id);
            if (own.length === 0) return null;
            return [
              <tr key={`area-${area.id}`} className={styles.area}>
                <td colSpan={2}>{t.digits(t.areaHeading(area.form, area.title))}</td>
              </tr>,
              ...own.map((ind) => {
                const r = results.get(ind.def.id)!;
                return (
                  <tr key={ind.def.id} data-indicator={ind.def.id}>
                    <td className={styles.text}>
                      <span className={styles.no}>{t.digits(`${t.colNo} ${ind.def.no}`)}</span>
                      {t.digits(indicatorText(ind.def, lao.type))}
                    </td>
                    <td>
                      <span className={styles.value}>{measured(t, ind, r)}</span>
                      <Badge
                        appearance="tint"
                        color={STATUS_COLOR[r.status]}
                        shape="rounded"
                        className={styles.badge}
                        data-result
                      >
                        {t.digits(t.statusLabel(r.status, compiled.round))}
                      </Badge>
                    </td>
                  </tr>
                );
              }),
            ];
          })}
        </tbody>
      </table>
      <Text as="p" block size={200}>
        {t.provisionalNote}
      </Text>
      <LaoPublishPanel api={api} lao={lao.code} roundId={roundId} />
    </article>
  );
}
