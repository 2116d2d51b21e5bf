import { Button, makeStyles } from "@fluentui/react-components";
import { useEffect, useMemo, useState } from "react";
import type { Api } from "../api";
import { useI18n } from "../i18n";
import { laoClient } from "../laoSubmit";
import { paths } from "../paths";
import { go, placeHref, usePlace } from "../route";
import type { Session } from "../session";
import type { Me, RoundListItem } from "../types";
import { useLoad } from "../useLoad";
import LaoHistoryView from "./LaoHistoryView";
import LaoReceiptView from "./LaoReceiptView";
import LaoUploadView from "./LaoUploadView";
import { Notice } from "./Notice";
import ShellHeader, { defaultRound } from "./ShellHeader";

const useStyles = makeStyles({
  nav: {
    display: "flex",
    gap: "4px",
    flexWrap: "wrap",
    padding: "8px 12px 0",
    maxWidth: "1100px",
    margin: "0 auto",
  },
  main: { padding: "12px", maxWidth: "1100px", margin: "0 auto", boxSizing: "border-box" },
});

/** An LAO officer's own pages: upload and submit the workbook, the receipt, the history. */
export default function LaoShell({
  me,
  api,
  session,
  onSignOut,
}: {
  me: Me;
  api: Api;
  session: Session;
  onSignOut: () => void;
}) {
  const styles = useStyles();
  const { t } = useI18n();
  const place = usePlace();
  const lao = me.lao!;
  const client = useMemo(() => laoClient(session.token, session.shared), [session]);
  const rounds = useLoad("rounds", () => api.get<RoundListItem[]>(paths.rounds));
  const mine = useMemo(
    () => (rounds.data ?? []).filter((r) => r.laoTypes.includes(lao.type)),
    [rounds.data, lao.type],
  );
  // The default: a round open now that assesses the LAO's type, else the latest of its rounds.
  const roundId = place.params.get("round") ?? defaultRound(mine);
  const [drained, setDrained] = useState<string | null>(null);

  // Versions left in this browser by an earlier visit (the network dropped mid-way) go first.
  useEffect(() => {
    let live = true;
    client.outbox.drain().then(
      (report) => {
        if (live && report.acknowledged.length > 0)
          setDrained(report.acknowledged.map((r) => r.receiptNumber).join(", "));
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [client]);

  const page = place.view === "my" ? place.page : "upload";
  const href = (path: string) => placeHref(path, { round: roundId });
  const setRound = (id: string) => go(placeHref("/my", { round: id }));

  let view = null;
  if (rounds.error) view = <Notice error={rounds.error} onRetry={rounds.reload} />;
  else if (rounds.data && mine.length === 0) view = <p>{t.laoNoRound}</p>;
  else if (!roundId) view = <p>{t.loading}</p>;
  else if (place.view === "my" && place.page === "receipt")
    view = <LaoReceiptView api={api} me={me} roundId={roundId} version={place.version} />;
  else if (page === "history") view = <LaoHistoryView api={api} me={me} roundId={roundId} />;
  else
    view = (
      <LaoUploadView
        api={api}
        me={me}
        roundId={roundId}
        client={client}
        drained={drained}
        onSent={(version) => go(placeHref(`/my/receipt/${version}`, { round: roundId, sent: "1" }))}
      />
    );

  return (
    <>
      <ShellHeader
        title={t.laoAppTitle}
        rounds={mine}
        roundId={roundId}
        onRound={setRound}
        who={t.laoName(lao.type, lao.name)}
        onSignOut={onSignOut}
      />
      <nav aria-label={t.laoNav} className={styles.nav} data-noprint>
        <Button
          as="a"
          href={href("/my")}
          appearance={page === "upload" ? "primary" : "secondary"}
          aria-current={page === "upload" ? "page" : undefined}
        >
          {t.laoNavUpload}
        </Button>
        <Button
          as="a"
          href={href("/my/history")}
          appearance={page === "history" ? "primary" : "secondary"}
          aria-current={page === "history" ? "page" : undefined}
        >
          {t.laoNavHistory}
        </Button>
      </nav>
      <main className={styles.main}>{view}</main>
    </>
  );
}
