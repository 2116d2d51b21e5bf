import { ApiError } from "../api";
import { useI18n } from "../i18n";

/** What went wrong, in the officer's language: the server's problem, or that the server could not be reached. */
export function useErrorText(error: unknown): string {
  const { t, language } = useI18n();
  return error instanceof ApiError
    ? error.code === "network"
      ? t.networkError
      : error.text(language)
    : String((error as Error)?.message ?? error);
}

/**
 * A failure in the officer's language, with a retry: a load's by default, or an action's under its
 * own title. Plain elements (index.html's styles), as the first screens show it without Fluent.
 */
export function Notice({ error, onRetry, title }: { error: unknown; onRetry?: () => void; title?: string }) {
  const { t } = useI18n();
  const text = useErrorText(error);
  return (
    <div className="notice" role="alert">
      <div>
        <span className="strong">{title ?? t.errorTitle}</span> {text}
      </div>
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          {t.retry}
        </button>
      )}
    </div>
  );
}
