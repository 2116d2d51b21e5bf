import { Button, Link, MessageBar, MessageBarBody, Title3 } from "@fluentui/react-components";
import { useState } from "react";
import type { Api } from "../api";
import { useI18n } from "../i18n";
import { paths } from "../paths";
import type { PublicationView } from "../types";
import { useLoad } from "../useLoad";
import { Notice } from "./Notice";

/** Whether the LAO's results for the round are public, a button to publish early or take it back, and the public page. */
export default function LaoPublishPanel({ api, lao, roundId }: { api: Api; lao: string; roundId: string }) {
  const { t } = useI18n();
  const path = paths.publication(lao, roundId);
  const loaded = useLoad(`publication:${lao}:${roundId}`, () => api.get<PublicationView>(path));
  const [changed, setChanged] = useState<PublicationView | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const view = changed?.round === roundId ? changed : loaded.data;
  if (loaded.error) return <Notice error={loaded.error} onRetry={loaded.reload} />;
  if (!view) return null;
  const act = (method: "PUT" | "DELETE") => {
    setBusy(true);
    setFailure(null);
    api.send<PublicationView>(method, path).then(
      (v) => (setChanged(v), setBusy(false)),
      (e: unknown) => (setFailure(e), setBusy(false)),
    );
  };
  const text = view.public
    ? view.reason === "window-closed"
      ? t.publishPublicClosed
      : t.publishPublicEarly(view.publishedAtTh ?? "")
    : view.submission === "submitted"
      ? t.publishNotYet(view.closesTh)
      : t.publishNeedsSubmission;
  return (
    <section
      aria-labelledby="publish-title"
      data-noprint
      data-publication={view.public ? "public" : "private"}
    >
      <Title3 as="h2" block id="publish-title">
        {t.publishTitle}
      </Title3>
      <MessageBar intent={view.public ? "success" : "info"} role="status">
        <MessageBarBody>{text}</MessageBarBody>
      </MessageBar>
      <p>
        {!view.public && view.submission === "submitted" && (
          <Button appearance="primary" disabled={busy} onClick={() => act("PUT")}>
            {t.publishButton}
          </Button>
        )}
        {view.public && view.reason === "published" && (
          <Button disabled={busy} onClick={() => act("DELETE")}>
            {t.unpublishButton}
          </Button>
        )}{" "}
        {view.public && (
          <Link href={view.urls.page} target="_blank" rel="noopener">
            {t.publishOpenPage}
          </Link>
        )}
      </p>
      {failure !== null && <Notice error={failure} />}
    </section>
  );
}
