import {
  Button,
  Card,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Subtitle1,
  Text,
  Title2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { DocumentArrowUpRegular } from "@fluentui/react-icons";
import { useId, useMemo, useRef, useState, type ChangeEvent } from "react";
import { compileRound } from "../../core/rules/compiledRound";
import { laoDisplayName } from "../../core/rules/laoTypes";
import { STATUSES } from "../../core/rules/scoring";
import { evaluateSubmission } from "../../core/rules/submission";
import { workbookCheckSchema, type WorkbookCheck } from "../../api/workbooks";
import { WORKBOOK_UPLOAD_MAX_BYTES, XLSX_MEDIA_TYPE } from "../../core/workbook/workbookCheck";
import { ApiError, type Api } from "../api";
import { useI18n } from "../i18n";
import { submitDocument, type LaoClient, type SeenVersion } from "../laoSubmit";
import { loadMySubmission } from "../mySubmission";
import { paths } from "../paths";
import { placeHref } from "../route";
import type { Me, RoundDefinition } from "../types";
import { useLoad } from "../useLoad";
import LaoReturns from "./LaoReturns";
import { Notice, useErrorText } from "./Notice";
import { TABLE as table } from "./tableStyles";

const useStyles = makeStyles({
  card: { padding: "12px 16px", margin: "12px 0" },
  // The browser's own file control speaks the browser's language: a button in the page's stands in for it.
  file: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clipPath: "inset(50%)",
    whiteSpace: "nowrap",
  },
  picker: { display: "flex", gap: "8px", flexWrap: "wrap", alignItems: "center", margin: "8px 0 4px" },
  label: { fontWeight: tokens.fontWeightSemibold, display: "block", marginTop: "8px" },
  heading: { margin: "0 0 8px" },
  hint: { color: tokens.colorNeutralForeground3 },
  where: { whiteSpace: "nowrap" },
  cell: { whiteSpace: "nowrap", fontFamily: tokens.fontFamilyMonospace },
  problem: { overflowWrap: "anywhere" },
  kind: { display: "block", fontWeight: tokens.fontWeightSemibold },
  actions: { display: "flex", gap: "8px", flexWrap: "wrap", alignItems: "center", marginTop: "8px" },
});

type Sending =
  | { state: "idle" }
  | { state: "sending" }
  | { state: "done"; intent: "success" | "warning" | "error"; text: string; receipt?: number };

/** Upload the filled workbook, see its problems at their cells, and send it once it passes. */
export default function LaoUploadView({
  api,
  me,
  roundId,
  client,
  drained,
  onSent,
}: {
  api: Api;
  me: Me;
  roundId: string;
  client: LaoClient;
  drained: string | null;
  onSent: (version: number) => void;
}) {
  const styles = useStyles();
  const { t, language } = useI18n();
  const lao = me.lao!;
  const inputId = useId();
  const hintId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [reload, setReload] = useState(0);
  const submission = useLoad(`submission:${roundId}:${reload}`, () =>
    loadMySubmission(api, lao.code, roundId),
  );
  const definition = useLoad(`round:${roundId}`, () => api.get<RoundDefinition>(paths.round(roundId)));
  const compiled = useMemo(
    () => (definition.data ? compileRound(definition.data.round) : undefined),
    [definition.data],
  );
  const [checking, setChecking] = useState(false);
  const [checked, setChecked] = useState<{ file: string; check: WorkbookCheck } | null>(null);
  const [fileError, setFileError] = useState<unknown>(null);
  const [sending, setSending] = useState<Sending>({ state: "idle" });

  async function checkFile(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    // Cleared, so choosing the same file again after fixing it checks it again.
    e.target.value = "";
    if (!file) return;
    setChecked(null);
    setSending({ state: "idle" });
    setFileError(null);
    const kb = Math.round(WORKBOOK_UPLOAD_MAX_BYTES / 1024);
    if (!/\.xlsx$/i.test(file.name)) {
      setFileError(new ApiError(0, "not-xlsx", t.fileNotXlsx, t.fileNotXlsx));
      return;
    }
    if (file.size > WORKBOOK_UPLOAD_MAX_BYTES) {
      setFileError(new ApiError(0, "too-large", t.fileTooLarge(kb), t.fileTooLarge(kb)));
      return;
    }
    setChecking(true);
    try {
      const answer = await api.upload<unknown>("/me/workbooks/check", file, XLSX_MEDIA_TYPE);
      setChecked({ file: file.name, check: workbookCheckSchema.parse(answer) });
    } catch (err) {
      setFileError(err);
    } finally {
      setChecking(false);
    }
  }

  async function send(check: WorkbookCheck, seen: SeenVersion) {
    setSending({ state: "sending" });
    try {
      const outcome = await submitDocument(client, check.document!, seen);
      if (outcome.state === "acknowledged" && !outcome.unchanged) {
        onSent(outcome.receipt.version);
        return;
      }
      if (outcome.state === "acknowledged")
        setSending({
          state: "done",
          intent: "success",
          text: t.unchanged(outcome.receipt.version),
          receipt: outcome.receipt.version,
        });
      else {
        const text = language === "th" ? outcome.message : outcome.messageEn;
        setSending({
          state: "done",
          intent: outcome.state === "queued" ? "warning" : "error",
          text: outcome.state === "queued" ? t.queued(text) : t.held(text),
        });
      }
      setReload((n) => n + 1);
    } catch (err) {
      const e = err as { message?: string; messageEn?: string };
      setSending({
        state: "done",
        intent: "error",
        text: t.held((language === "th" ? e.message : e.messageEn) ?? String(err)),
      });
    }
  }

  const error = submission.error ?? definition.error;
  if (error) return <Notice error={error} onRetry={() => window.location.reload()} />;
  if (submission.loading || !compiled) return <p>{t.loading}</p>;

  const current = submission.data ?? null;
  const latest = current?.versions[0];
  const check = checked?.check;
  const ready = check && check.readable && check.complete && check.document !== null;
  const counts =
    ready && compiled ? evaluateSubmission(check.document!, compiled, lao).summary.overall.counts : undefined;

  return (
    <section aria-labelledby="upload-title">
      <Title2 as="h1" block id="upload-title">
        {laoDisplayName(lao.type, lao.name)}
      </Title2>
      <Text as="p" block>
        {t.laoIdentity(lao.code, lao.districtTh, lao.provinceTh)}
      </Text>
      <Text as="p" block>
        {t.digits(compiled.round.title)}
      </Text>
      {definition.data && (
        <Text as="p" block weight="semibold">
          {definition.data.window.state === "closed"
            ? `${t.closed} (${definition.data.window.closesTh})`
            : definition.data.window.state === "not-open"
              ? t.notOpenYet(t.thaiDate(new Date(definition.data.window.opensAt)))
              : `${t.deadlineTitle} ${definition.data.window.closesTh}`}
        </Text>
      )}
      {drained && (
        <MessageBar intent="success">
          <MessageBarBody>{t.sentWaiting(drained)}</MessageBarBody>
        </MessageBar>
      )}
      <MessageBar intent={current?.state === "returned" ? "warning" : current ? "success" : "info"}>
        <MessageBarBody>
          {!current || !latest
            ? t.laoStateNone
            : current.state === "returned"
              ? t.laoStateReturned(current.version)
              : t.laoStateSubmitted(
                  latest.version,
                  t.dateTime(new Date(latest.receivedAt)),
                  latest.receiptNumber,
                )}
        </MessageBarBody>
      </MessageBar>
      {current && <LaoReturns compiled={compiled} returns={current.returns} />}

      <Card className={styles.card}>
        <Subtitle1 as="h2" block className={styles.heading}>
          {t.uploadTitle}
        </Subtitle1>
        <Text as="p" block>
          {t.uploadIntro}
        </Text>
        <label htmlFor={inputId} className={styles.label}>
          {t.fileLabel}
        </label>
        <input
          id={inputId}
          ref={input}
          type="file"
          tabIndex={-1}
          accept={`.xlsx,${XLSX_MEDIA_TYPE}`}
          className={styles.file}
          onChange={checkFile}
          disabled={checking || sending.state === "sending"}
        />
        <div className={styles.picker}>
          <Button
            appearance="primary"
            icon={<DocumentArrowUpRegular />}
            aria-describedby={hintId}
            onClick={() => input.current?.click()}
            disabled={checking || sending.state === "sending"}
          >
            {checking ? t.checking : t.chooseFile}
          </Button>
          <Text>{checked ? checked.file : t.noFileChosen}</Text>
        </div>
        <Text as="p" block size={200} id={hintId} className={styles.hint}>
          {t.fileHint(Math.round(WORKBOOK_UPLOAD_MAX_BYTES / 1024))}
        </Text>
        {checking && (
          <Text as="p" block role="status">
            {t.checking}
          </Text>
        )}
        {fileError !== null && <FileProblem error={fileError} />}
      </Card>

      {check && checked && !ready && (
        <section aria-labelledby="problems-title">
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle id="problems-title">{t.problemsTitle(check.problems.length)}</MessageBarTitle>
              {t.problemsIntro} {t.checkedFile(checked.file)}
            </MessageBarBody>
          </MessageBar>
          <table className={table.table} aria-labelledby="problems-title" data-problems>
            <thead>
              <tr>
                <th scope="col">{t.colSheet}</th>
                <th scope="col">{t.colCell}</th>
                <th scope="col">{t.colProblem}</th>
              </tr>
            </thead>
            <tbody>
              {check.problems.map((p, i) => (
                <tr key={i} data-sheet={p.sheet ?? ""} data-cell={p.cell ?? ""} data-severity={p.severity}>
                  <td className={styles.where}>{p.sheet ?? t.wholeFile}</td>
                  <td className={styles.cell}>{p.cell ?? "—"}</td>
                  <td className={styles.problem}>
                    <span className={styles.kind}>{t.severity(p.severity)}</span>
                    {language === "th" ? p.message : p.messageEn}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}

      {ready && checked && (
        <Card className={styles.card} aria-labelledby="ready-title">
          <Subtitle1 as="h2" block id="ready-title" className={styles.heading}>
            {t.readyTitle}
          </Subtitle1>
          <Text as="p" block>
            {t.checkedFile(checked.file)}
          </Text>
          {counts && (
            <Text as="p" block>
              {t.resultCounts(
                STATUSES.filter((s) => counts[s] > 0)
                  .map((s) => t.count(t.statusLabel(s, compiled.round), counts[s]))
                  .join(" · "),
              )}
            </Text>
          )}
          {latest && current && (
            <Text as="p" block>
              {t.replacesNote(current.version, latest.receiptNumber)}
            </Text>
          )}
          <div className={styles.actions}>
            <Button
              appearance="primary"
              size="large"
              onClick={() =>
                send(check, { version: latest?.version ?? 0, returned: current?.state === "returned" })
              }
              disabled={sending.state === "sending"}
            >
              {sending.state === "sending" ? t.submitting : t.submitButton}
            </Button>
          </div>
        </Card>
      )}
      {sending.state === "done" && (
        <MessageBar intent={sending.intent} layout="multiline" role="status">
          <MessageBarBody>
            {sending.text}{" "}
            {sending.receipt !== undefined && (
              <Link href={placeHref(`/my/receipt/${sending.receipt}`, { round: roundId })}>
                {t.openReceipt(sending.receipt)}
              </Link>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}

/** Why a file could not be checked (not an .xlsx, too large, another LAO's), in the officer's language. */
function FileProblem({ error }: { error: unknown }) {
  const text = useErrorText(error);
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>{text}</MessageBarBody>
    </MessageBar>
  );
}
