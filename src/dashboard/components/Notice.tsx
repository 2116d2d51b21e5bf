import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from "@fluentui/react-components";
import { ApiError } from "../api";
import { useI18n } from "../i18n";

/** A load failure in the officer's language, with a retry. */
export function Notice({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
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
        <MessageBarTitle>{t.errorTitle}</MessageBarTitle>
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
