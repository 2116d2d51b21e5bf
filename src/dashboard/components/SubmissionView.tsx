import {
  Badge,
  Button,
  Card,
  Field,
  Input,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Textarea,
  Title2,
  Title3,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ArrowDownloadRegular } from "@fluentui/react-icons";
import { useMemo, useRef, useState } from "react";
import { compileRound, indicatorsFor } from "../../core/rules/compiledRound";
import { laoDisplayName } from "../../core/rules/laoTypes";
import { formatPercent, printedPercent } from "../../core/rules/scoring";
import type { IndicatorKind } from "../../core/rules/round";
import { evaluateSubmission } from "../../core/rules/submission";
import { type Trend } from "../../core/reports/yearOverYear";
import { buildSummarySheet, type SheetCell } from "../../core/reports/summarySheet";
import { ApiError, type Api } from "../api";
import { paths } from "../paths";
import { placeHref } from "../route";
import { useI18n } from "../i18n";
import type { HistoryResponse, Me, RoundDefinition, SubmissionResponse } from "../types";
import { useLoad } from "../useLoad";
import { Notice } from "./Notice";
import { STATUS_COLOR } from "./statusColor";
import { BasicDataCard, VersionDiff } from "./SubmissionDetails";

/** The province list's filters, carried to a submission and back. */
const LIST_FILTERS = ["status", "type", "district", "q"] as const;

const useStyles = makeStyles({
  table: { backgroundColor: tokens.colorNeutralBackground1, tableLayout: "auto" },
  criterion: { minWidth: "300px" },
  nowrap: { whiteSpace: "nowrap" },
  previous: { minWidth: "190px" },
  area: { backgroundColor: tokens.colorNeutralBackground3, fontWeight: tokens.fontWeightSemibold },
  num: { textAlign: "right", fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
  actions: { display: "flex", gap: "8px", flexWrap: "wrap", margin: "12px 0" },
  small: { color: tokens.colorNeutralForeground3 },
  card: { padding: "12px 16px", margin: "16px 0" },
  comment: { width: "160px" },
});

const TREND_COLOR: Record<Trend, "success" | "danger" | "informative" | "subtle"> = {
  better: "success",
  worse: "danger",
  same: "informative",
  "not-comparable": "subtle",
};

/** A measured value as shown: percentages to 2 decimals, counts as they are. */
function amount(kind: IndicatorKind, value: number): string {
  return kind === "ratio" || kind === "satisfaction" ? formatPercent(value) : String(value);
}

/** One LAO's submission as the official printout shows it, year over year, its report files, and the return form. */
export default function SubmissionView({
  api,
  me,
  lao,
  roundId,
  params,
}: {
  api: Api;
  me: Me;
  lao: string;
  roundId: string;
  /** The place's parameters: the list's filters to go back to. */
  params?: URLSearchParams;
}) {
  const styles = useStyles();
  const { t, language } = useI18n();
  const submission = useLoad(`submission:${lao}:${roundId}`, () =>
    api.get<SubmissionResponse>(paths.submission(lao, roundId)),
  );
  const definition = useLoad(`round:${roundId}`, () => api.get<RoundDefinition>(paths.round(roundId)));
  const history = useLoad(`history:${lao}:${roundId}`, () =>
    api.get<HistoryResponse>(paths.history(lao, roundId)),
  );
  const [comments, setComments] = useState<Record<string, string>>({});
  const [note, setNote] = useState("");
  const [sending, setSending] = useState(false);
  const [sendError, setSendError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const [emptyReturn, setEmptyReturn] = useState(false);
  const noteRef = useRef<HTMLTextAreaElement>(null);

  const view = useMemo(() => {
    if (!submission.data || !definition.data) return undefined;
    const compiled = compileRound(definition.data.round);
    const current = submission.data.versions[0]!;
    const laoRow = submission.data.lao;
    const report = evaluateSubmission(current.document, compiled, laoRow);
    const sheet = buildSummarySheet(compiled, laoRow, current.document, report, new Date(current.receivedAt));
    // The sheet's indicator rows follow the LAO's indicators area by area, in form order.
    const order = compiled.round.areas.flatMap((a) =>
      indicatorsFor(compiled, laoRow.type).filter((i) => i.area.id === a.id),
    );
    let n = 0;
    const rows = sheet.results.rows.map((row) =>
      row.kind === "area" ? { row, indicator: undefined } : { row, indicator: order[n++] },
    );
    return { compiled, current, report, sheet, rows, laoRow };
  }, [submission.data, definition.data]);

  if (submission.error instanceof ApiError && submission.error.status === 404)
    return (
      <MessageBar intent="info">
        <MessageBarBody>{t.notSubmitted}</MessageBarBody>
      </MessageBar>
    );
  const error = submission.error ?? definition.error;
  if (error) return <Notice error={error} onRetry={() => window.location.reload()} />;
  if (!view || !submission.data) return <p>{t.loading}</p>;

  const { compiled, current, rows, laoRow } = view;
  const name = laoDisplayName(laoRow.type, laoRow.name);
  const indicatorRef = (id: string) => {
    const ind = compiled.byId.get(id);
    return ind ? t.digits(t.indicatorRef(ind.area.form, ind.def.no)) : id;
  };
  const canReturn = me.role === "province" && submission.data.state === "submitted" && !done;
  const yoy = new Map((history.data?.indicators ?? []).map((i) => [i.id, i]));
  const showYoy = yoy.size > 0;
  const cell = (c: SheetCell, percent = false) =>
    c === null
      ? ""
      : typeof c === "number"
        ? t.digits(
            percent
              ? printedPercent(c, compiled.round)
              : c.toLocaleString("en-US", { maximumFractionDigits: 2 }),
          )
        : t.digits(c);

  async function sendReturn() {
    const filled = Object.fromEntries(Object.entries(comments).filter(([, v]) => v.trim() !== ""));
    if (Object.keys(filled).length === 0 && note.trim() === "") {
      setEmptyReturn(true);
      noteRef.current?.focus();
      return;
    }
    setEmptyReturn(false);
    setSending(true);
    setSendError(null);
    try {
      await api.send("POST", `/laos/${lao}/submissions/${roundId}/returns`, {
        version: current.version,
        comments: filled,
        ...(note.trim() && { note: note.trim() }),
      });
      setDone(true);
      submission.reload();
    } catch (e) {
      setSendError(e);
    } finally {
      setSending(false);
    }
  }

  const backHref = placeHref(`/province/${laoRow.provinceCode}`, {
    round: roundId,
    ...Object.fromEntries(LIST_FILTERS.map((k) => [k, params?.get(k) ?? undefined])),
  });
  return (
    <section aria-labelledby="submission-title">
      <nav aria-label={t.back} style={{ marginBottom: 8 }}>
        <Link href={backHref} data-back>
          ← {t.backToList(laoRow.provinceTh)}
        </Link>
      </nav>
      <Title2 as="h1" block id="submission-title">
        {t.submissionTitle(name)}
      </Title2>
      <Text as="p" block>
        {t.digits(laoRow.code)} · {laoRow.districtTh} · {laoRow.provinceTh} · {t.digits(compiled.round.title)}
      </Text>
      <Text as="p" block>
        {t.submissionMeta(current.version, t.dateTime(new Date(current.receivedAt)), current.receiptNumber)}
      </Text>
      {(submission.data.state === "returned" || done) && (
        <MessageBar intent="warning">
          <MessageBarBody>{done ? t.returnDone : t.stateReturned}</MessageBarBody>
        </MessageBar>
      )}
      <BasicDataCard basic={current.document.basic} laoType={laoRow.type} />
      <div className={styles.actions}>
        <Button
          icon={<ArrowDownloadRegular />}
          onClick={() => api.download(`/laos/${lao}/submissions/${roundId}/summary.xlsx`).catch(setSendError)}
        >
          {t.downloadSummary}
        </Button>
        <Button
          icon={<ArrowDownloadRegular />}
          onClick={() => api.download(`/laos/${lao}/submissions/${roundId}/memo.docx`).catch(setSendError)}
        >
          {t.downloadMemo}
        </Button>
      </div>
      <Table className={styles.table} size="small" aria-labelledby="submission-title">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t.colMission}</TableHeaderCell>
            <TableHeaderCell className={styles.criterion}>{t.colCriterion}</TableHeaderCell>
            <TableHeaderCell>{t.colTarget}</TableHeaderCell>
            <TableHeaderCell>{t.colBase}</TableHeaderCell>
            <TableHeaderCell>{t.colServed}</TableHeaderCell>
            <TableHeaderCell>{t.colPercent}</TableHeaderCell>
            <TableHeaderCell>{t.colResult}</TableHeaderCell>
            {showYoy && <TableHeaderCell>{t.colPrevious}</TableHeaderCell>}
            {canReturn && <TableHeaderCell>{t.comment}</TableHeaderCell>}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map(({ row, indicator }, i) => {
            if (!indicator)
              return (
                <TableRow key={`area-${i}`} className={styles.area}>
                  <TableCell colSpan={7 + (showYoy ? 1 : 0) + (canReturn ? 1 : 0)}>
                    {t.digits(String(row.cells[0]))}
                  </TableCell>
                </TableRow>
              );
            const id = indicator.def.id;
            const status = row.status!;
            const past = yoy.get(id);
            const earlier = past?.earlier[0];
            return (
              <TableRow key={id} data-indicator={id}>
                <TableCell>{cell(row.cells[0]!)}</TableCell>
                <TableCell>{cell(row.cells[1]!)}</TableCell>
                <TableCell className={styles.num}>{cell(row.cells[2]!)}</TableCell>
                <TableCell className={styles.num}>{cell(row.cells[3]!)}</TableCell>
                <TableCell className={styles.num}>{cell(row.cells[4]!)}</TableCell>
                <TableCell className={styles.num}>{cell(row.cells[5]!, true)}</TableCell>
                <TableCell className={styles.nowrap}>
                  <Badge appearance="tint" color={STATUS_COLOR[status]} shape="rounded">
                    {t.digits(t.statusLabel(status, compiled.round))}
                  </Badge>
                </TableCell>
                {showYoy && (
                  <TableCell className={styles.previous}>
                    {earlier ? (
                      <>
                        <Text size={200}>
                          {t.previous(
                            earlier.year,
                            language === "th" ? earlier.label : t.statusLabel(earlier.status, compiled.round),
                            earlier.value === undefined
                              ? null
                              : t.digits(amount(earlier.kind, earlier.value)),
                          )}
                        </Text>{" "}
                        {past?.change && (
                          <Badge
                            appearance="outline"
                            color={TREND_COLOR[past.change.trend]}
                            data-trend={past.change.trend}
                          >
                            {t.trend(
                              past.change.trend,
                              past.change.delta === undefined || past.change.delta === 0
                                ? null
                                : t.digits(
                                    `${past.change.delta > 0 ? "+" : ""}${amount(indicator.kind, past.change.delta)}`,
                                  ),
                            )}
                          </Badge>
                        )}
                      </>
                    ) : past ? (
                      <Text size={200} className={styles.small}>
                        {t.noPrevious}
                      </Text>
                    ) : null}
                  </TableCell>
                )}
                {canReturn && (
                  <TableCell>
                    <Input
                      className={styles.comment}
                      aria-label={t.commentFor(indicator.area.form, indicator.def.no)}
                      value={comments[id] ?? ""}
                      onChange={(_, d) => setComments((c) => ({ ...c, [id]: d.value }))}
                    />
                  </TableCell>
                )}
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      <Text as="p" block size={200} className={styles.small}>
        {t.provisionalNote}
        {showYoy && <> · {t.yoyNote}</>}
      </Text>
      <VersionDiff versions={submission.data.versions} laoType={laoRow.type} indicatorRef={indicatorRef} />

      {canReturn && (
        <Card className={styles.card}>
          <Title3 as="h2" block>
            {t.returnTitle}
          </Title3>
          <Text>{t.returnIntro}</Text>
          <Field label={t.noteLabel}>
            <Textarea
              ref={noteRef}
              value={note}
              onChange={(_, d) => {
                setNote(d.value);
                setEmptyReturn(false);
              }}
              resize="vertical"
            />
          </Field>
          {emptyReturn && (
            <MessageBar intent="warning" layout="multiline" role="alert" style={{ margin: "8px 0" }}>
              <MessageBarBody>
                <MessageBarTitle>{t.returnRefusedTitle}</MessageBarTitle>
                {t.returnNeedsComment}
              </MessageBarBody>
            </MessageBar>
          )}
          <div>
            <Button appearance="primary" onClick={sendReturn} disabled={sending}>
              {t.returnButton}
            </Button>
          </div>
        </Card>
      )}
      {sendError !== null && <Notice error={sendError} title={t.actionFailed} />}

      {submission.data.returns.length > 0 && (
        <Card className={styles.card}>
          <Title3 as="h2" block>
            {t.returnsTitle}
          </Title3>
          {submission.data.returns.map((r) => (
            <div key={r.version} data-return={r.version}>
              <Text weight="semibold">{t.returnedBy(r.returnedBy, r.returnedAtTh, r.version)}</Text>
              <ul>
                {Object.entries(r.comments).map(([id, text]) => (
                  <li key={id}>
                    {indicatorRef(id)}: {text}
                  </li>
                ))}
                {r.note && <li>{r.note}</li>}
              </ul>
            </div>
          ))}
        </Card>
      )}
    </section>
  );
}
