import {
  Button,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Spinner,
  tokens,
} from "@fluentui/react-components";
import { ArrowSyncRegular, SendRegular } from "@fluentui/react-icons";
import type { ReceiptContext } from "../../../client/receipt";
import type { LaoType, SubmissionDocument } from "../../../core";
import { useI18n } from "../../hooks/useI18n";
import { useSubmissionSnapshot, type SubmissionLink } from "../../hooks/useSubmission";
import type { SubmissionController, SubmissionSnapshot } from "../../server/submissionController";
import type { Checklist } from "../../view/submitChecklist";
import type { CellRef } from "../../workbookPort";
import ErrorNotice from "../ErrorNotice";
import ChangesPreview from "./ChangesPreview";
import OutboxNotices from "./OutboxNotices";
import ReceiptCard from "./ReceiptCard";
import ReturnNotice from "./ReturnNotice";
import SubmitChecklist from "./SubmitChecklist";
import VersionHistory from "./VersionHistory";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  send: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  muted: { color: tokens.colorNeutralForeground3 },
});

export interface SubmitViewProps {
  readonly document: SubmissionDocument;
  /** The workbook's LAO type: it decides what some แบบ 1 fields are called. */
  readonly laoType: LaoType;
  readonly checklist: Checklist;
  readonly link: SubmissionLink;
  readonly receiptContext: ReceiptContext;
  readonly cellOf: (indicatorId: string) => CellRef | undefined;
  readonly onSelectCell: (cell: CellRef) => void;
  readonly onOpenSettings: () => void;
}

/** The submit view: checklist, what changed, ส่งข้อมูล with progress, the receipt, the history and the returns. */
export default function SubmitView(props: SubmitViewProps) {
  const { link, onOpenSettings } = props;
  const { t } = useI18n();
  if (link.phase === "loading") return <Spinner label={t.loadingConnection} />;
  if (link.phase === "error") return <ErrorNotice title={t.offline} error={link.error} />;
  if (link.phase === "signed-out")
    return (
      <MessageBar intent={link.lost ? "warning" : "info"} layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t.needSignIn}</MessageBarTitle>
          {link.lost && <div>{t.sessionLost}</div>}
          {t.needSignInBody}
        </MessageBarBody>
        <MessageBarActions>
          <Button appearance="primary" onClick={onOpenSettings}>
            {t.goToSettings}
          </Button>
        </MessageBarActions>
      </MessageBar>
    );
  if (link.phase === "other-user")
    return (
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          {link.laoCode ? t.otherLao(link.laoCode, props.document.lao) : t.notLaoUser(link.role)}
        </MessageBarBody>
        <MessageBarActions>
          <Button onClick={onOpenSettings}>{t.goToSettings}</Button>
        </MessageBarActions>
      </MessageBar>
    );
  return <SubmitPanel {...props} controller={link.controller} />;
}

function SubmitPanel({
  document,
  laoType,
  checklist,
  receiptContext,
  cellOf,
  onSelectCell,
  controller,
}: SubmitViewProps & { controller: SubmissionController }) {
  const styles = useStyles();
  const { t } = useI18n();
  const snap = useSubmissionSnapshot(controller);
  if (!snap || snap.loading) return <Spinner label={t.progress("sending")} />;
  const busy = snap.progress !== undefined;
  const latest = snap.receipts[0];
  const returned = snap.server?.state === "returned";
  const nextVersion = (snap.server?.version ?? latest?.version ?? 0) + 1 + snap.waiting.length;

  return (
    <div className={styles.root}>
      {snap.returned && <ReturnNotice returned={snap.returned} cellOf={cellOf} onSelectCell={onSelectCell} />}
      <ResultNotice snap={snap} onRewrite={() => void controller.rewriteReceiptSheet()} />
      {snap.problem && snap.waiting.length === 0 && (
        <ErrorNotice title={t.offline} error={snap.problem} onRetry={() => void controller.reload()} />
      )}
      <OutboxNotices
        waiting={snap.waiting}
        held={snap.held}
        busy={busy}
        onSendNow={() => void controller.sendWaiting()}
        onRetry={(id) => void controller.retry(id)}
        onResubmit={(id) => void controller.resubmit(id)}
        onDiscard={(id) => void controller.discard(id)}
      />
      <SubmitChecklist checklist={checklist} onSelectCell={onSelectCell} />
      <ChangesPreview
        document={document}
        laoType={laoType}
        last={snap.lastDocument}
        lastVersion={latest?.version}
      />
      <div className={styles.send}>
        <Button
          appearance="primary"
          size="large"
          icon={busy ? <Spinner size="tiny" /> : <SendRegular />}
          disabled={busy || !checklist.ready}
          onClick={() => void controller.submit(document)}
        >
          {returned ? t.resubmitButton : t.submitButton}
        </Button>
        {!checklist.ready ? (
          <Caption1>{t.notReady}</Caption1>
        ) : (
          <Caption1 className={styles.muted}>{t.submitHint(nextVersion)}</Caption1>
        )}
        <div aria-live="polite" role="status">
          {snap.progress && (
            <>
              <ProgressBar thickness="large" />
              <Caption1>
                {t.progress(snap.progress.step)}
                {snap.progress.attempt !== undefined &&
                  ` ${t.retryIn(snap.progress.attempt, Math.max(1, Math.round((snap.progress.waitMs ?? 0) / 1000)))}`}
              </Caption1>
            </>
          )}
        </div>
      </div>
      {latest && <ReceiptCard receipt={latest} context={receiptContext} />}
      <Button
        appearance="subtle"
        icon={<ArrowSyncRegular />}
        disabled={busy}
        onClick={() => void controller.reload()}
      >
        {t.reload}
      </Button>
      <VersionHistory
        receipts={snap.receipts}
        {...(returned && snap.server && { returnedVersion: snap.server.version })}
      />
    </div>
  );
}

function ResultNotice({ snap, onRewrite }: { snap: SubmissionSnapshot; onRewrite: () => void }) {
  const { t } = useI18n();
  const result = snap.result;
  if (!result) return null;
  if (result.kind === "acknowledged")
    return (
      <MessageBar intent="success" layout="multiline" data-testid="acknowledged">
        <MessageBarBody>
          <MessageBarTitle>
            {result.unchanged ? t.unchangedTitle(result.receipt.version) : t.acknowledgedTitle}
          </MessageBarTitle>
          {t.historyVersion(result.receipt.version)} · {result.receipt.receiptNumber}
          {snap.receiptSheetName && !result.unchanged && <div>{t.receiptWritten(snap.receiptSheetName)}</div>}
          {snap.sheetProblem !== undefined && <div>{t.receiptSheetFailed}</div>}
        </MessageBarBody>
        {snap.sheetProblem !== undefined && (
          <MessageBarActions>
            <Button onClick={onRewrite}>{t.writeReceiptAgain}</Button>
          </MessageBarActions>
        )}
      </MessageBar>
    );
  if (result.kind === "queued") return null; // The waiting notice says it, with the way to send now.
  if (result.kind === "held") return null; // The held notice says it, with the officer's choices.
  return <ErrorNotice title={t.refusedTitle} error={result.problem} />;
}
