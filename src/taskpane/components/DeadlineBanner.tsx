import {
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  type MessageBarIntent,
} from "@fluentui/react-components";
import type { Round, SubmissionWindow } from "../../core";
import { useI18n } from "../hooks/useI18n";
import { deadlineNotice, type DeadlineTone } from "../view/deadline";

const INTENT: Record<DeadlineTone, MessageBarIntent> = {
  "not-open": "info",
  info: "info",
  warning: "warning",
  danger: "error",
  closed: "error",
};

/**
 * The round's submission window: when it closes and how many days are left, louder as the end nears.
 * The server's window for this LAO (an extension included) when the pane is signed in, else the round's.
 */
export default function DeadlineBanner({
  round,
  now,
  serverWindow,
}: {
  round: Round;
  now: Date;
  serverWindow?: SubmissionWindow & { readonly extended: boolean };
}) {
  const { t } = useI18n();
  const notice = deadlineNotice(serverWindow ?? round.window, now);
  return (
    <MessageBar intent={INTENT[notice.tone]} layout="multiline" data-tone={notice.tone}>
      <MessageBarBody>
        <MessageBarTitle>{t.deadlineTitle[notice.tone]}</MessageBarTitle>
        {t.deadlineText(notice)}
        {notice.provisional && ` ${t.deadlineProvisional}`}
        {serverWindow?.extended && ` ${t.deadlineExtended}`}
      </MessageBarBody>
    </MessageBar>
  );
}
