import {
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  type MessageBarIntent,
} from "@fluentui/react-components";
import type { Round } from "../../core";
import { useI18n } from "../hooks/useI18n";
import { deadlineNotice, type DeadlineTone } from "../view/deadline";

const INTENT: Record<DeadlineTone, MessageBarIntent> = {
  "not-open": "info",
  info: "info",
  warning: "warning",
  danger: "error",
  closed: "error",
};

/** The round's submission window: when it closes and how many days are left, louder as the end nears. */
export default function DeadlineBanner({ round, now }: { round: Round; now: Date }) {
  const { t } = useI18n();
  const notice = deadlineNotice(round.window, now);
  return (
    <MessageBar intent={INTENT[notice.tone]} layout="multiline" data-tone={notice.tone}>
      <MessageBarBody>
        <MessageBarTitle>{t.deadlineTitle[notice.tone]}</MessageBarTitle>
        {t.deadlineText(notice)}
        {notice.provisional && ` ${t.deadlineProvisional}`}
      </MessageBarBody>
    </MessageBar>
  );
}
