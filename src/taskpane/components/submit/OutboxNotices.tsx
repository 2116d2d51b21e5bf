import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import type { OutboxEntry } from "../../../client";
import { documentProblems, TRANSIENT_KINDS } from "../../../client/problems";
import { useI18n } from "../../hooks/useI18n";

const useStyles = makeStyles({
  actions: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    marginTop: tokens.spacingVerticalS,
  },
  list: { margin: `${tokens.spacingVerticalXS} 0`, paddingInlineStart: tokens.spacingHorizontalL },
});

/** Versions kept on this computer: waiting to be sent, or refused and waiting for the officer. */
export default function OutboxNotices({
  waiting,
  held,
  busy,
  onSendNow,
  onRetry,
  onResubmit,
  onDiscard,
}: {
  waiting: readonly OutboxEntry[];
  held: readonly OutboxEntry[];
  busy: boolean;
  onSendNow: () => void;
  onRetry: (id: string) => void;
  onResubmit: (id: string) => void;
  onDiscard: (id: string) => void;
}) {
  const styles = useStyles();
  const { t } = useI18n();
  const [confirming, setConfirming] = useState<string | undefined>();
  const lastProblem = waiting.find((e) => e.problem)?.problem;
  return (
    <>
      {waiting.length > 0 && (
        <MessageBar intent="info" layout="multiline" data-testid="waiting">
          <MessageBarBody>
            <MessageBarTitle>{t.waitingCount(waiting.length)}</MessageBarTitle>
            {/* Network trouble clears by itself; a closed window or a lost sign-in needs someone first. */}
            {(!lastProblem || TRANSIENT_KINDS.has(lastProblem.kind)) && t.queuedBody}
            {lastProblem && <div>{t.pick(lastProblem.message, lastProblem.messageEn)}</div>}
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={onSendNow} disabled={busy}>
              {t.sendNow}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {held.map((entry) => {
        const problem = entry.problem;
        const listed = problem ? documentProblems(problem) : [];
        const canReplace =
          problem?.kind === "newer-version" ||
          problem?.kind === "id-conflict" ||
          problem?.kind === "chain-broken";
        return (
          <MessageBar key={entry.id} intent="error" layout="multiline" data-testid="held">
            <MessageBarBody>
              <MessageBarTitle>{t.heldTitle}</MessageBarTitle>
              <div>{t.heldCreated(entry.createdAt)}</div>
              {problem && <div>{t.pick(problem.message, problem.messageEn)}</div>}
              {listed.length > 0 && (
                <ul className={styles.list}>
                  {listed.slice(0, 8).map((p) => (
                    <li key={p.path}>{t.pick(p.message, p.messageEn)}</li>
                  ))}
                </ul>
              )}
              <div className={styles.actions}>
                {canReplace ? (
                  <Button appearance="primary" disabled={busy} onClick={() => onResubmit(entry.id)}>
                    {t.heldResubmit}
                  </Button>
                ) : (
                  <Button disabled={busy} onClick={() => onRetry(entry.id)}>
                    {t.heldRetry}
                  </Button>
                )}
                {confirming === entry.id ? (
                  <Button disabled={busy} onClick={() => onDiscard(entry.id)}>
                    {t.heldDiscardConfirm}
                  </Button>
                ) : (
                  <Button appearance="subtle" disabled={busy} onClick={() => setConfirming(entry.id)}>
                    {t.heldDiscard}
                  </Button>
                )}
              </div>
            </MessageBarBody>
          </MessageBar>
        );
      })}
    </>
  );
}
