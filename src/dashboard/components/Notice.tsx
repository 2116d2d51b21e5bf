import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from "@fluentui/react-components";
import { ApiError } from "../api";
import { useI18n } from "../i18n";

/** A failure in the officer's language, with a retry: a load's by default, or an action's under its own title. */
export function Notice({ error, onRetry, title }: { error: unknown; onRetry?: () => void; title?: string }) {
  const { t, language } = useI18n();
  const text =
    error instanceof ApiError
      ? error.code === "network"
        ? t.networkError
        : error.text(language)
      : String((error as Error)?.message ?? error);
  return (
    <MessageBar intent="error" layout="multiline" style={{ margin: 16 }}>
      <MessageBarBody>
        <MessageBarTitle>{title ?? t.errorTitle}</MessageBarTitle>
        {text}
      </MessageBarBody>
      {onRetry && (
        <MessageBarActions>
          <Button onClick={onRetry}>{t.retry}</Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
