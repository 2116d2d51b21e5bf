import { Link, makeStyles } from "@fluentui/react-components";
import { lazy, Suspense } from "react";
import type { Api } from "../api";
import { paths } from "../paths";
import { useI18n } from "../i18n";
import { go, placeHref, usePlace } from "../route";
import type { Me, RoundListItem } from "../types";
import { useLoad } from "../useLoad";
import NationalView from "./NationalView";
import { Notice } from "./Notice";
import ProvinceView from "./ProvinceView";
import ShellHeader, { defaultRound } from "./ShellHeader";

// The first screens (national, province) come with the page; the others load when opened.
const AdminView = lazy(() => import("./AdminView"));
const CodesView = lazy(() => import("./CodesView"));
const SubmissionView = lazy(() => import("./SubmissionView"));

const useStyles = makeStyles({
  main: { padding: "16px", maxWidth: "1400px", margin: "0 auto", boxSizing: "border-box" },
  nav: {
    display: "flex",
    flexWrap: "wrap",
    gap: "4px 16px",
    padding: "8px 16px 0",
    maxWidth: "1400px",
    margin: "0 auto",
    boxSizing: "border-box",
  },
});

export default function Shell({ me, api, onSignOut }: { me: Me; api: Api; onSignOut: () => void }) {
  const styles = useStyles();
  const { t } = useI18n();
  const place = usePlace();
  const rounds = useLoad("rounds", () => api.get<RoundListItem[]>(paths.rounds));
  const national = me.role !== "province";

  const roundId = place.params.get("round") ?? (rounds.data ? defaultRound(rounds.data) : undefined);
  const setRound = (id: string) => {
    const params = Object.fromEntries(place.params.entries());
    const path =
      window.location.hash.replace(/^#/, "").split("?")[0] ||
      (national ? "/national" : `/province/${me.provinceCode}`);
    go(placeHref(path, { ...params, round: id }));
  };

  const canCodes = me.role === "province" || me.role === "admin";
  let view = null;
  if (place.view === "codes" && canCodes)
    view = (
      <CodesView
        api={api}
        me={me}
        province={me.role === "province" ? me.provinceCode! : place.province}
        key={place.province ?? ""}
      />
    );
  else if (place.view === "admin" && me.role === "admin")
    view = (
      <AdminView
        api={api}
        round={rounds.data?.find((r) => r.id === roundId)}
        onRoundsChanged={rounds.reload}
      />
    );
  else if (rounds.error) view = <Notice error={rounds.error} onRetry={rounds.reload} />;
  else if (!roundId) view = <p>{t.loading}</p>;
  else if (place.view === "lao")
    view = <SubmissionView api={api} me={me} lao={place.lao} roundId={roundId} params={place.params} />;
  else if (place.view === "province" || !national)
    view = (
      <ProvinceView
        api={api}
        me={me}
        province={place.view === "province" ? place.province : me.provinceCode!}
        roundId={roundId}
        params={place.params}
      />
    );
  else view = <NationalView api={api} roundId={roundId} />;

  return (
    <>
      <ShellHeader
        title={t.appTitle}
        rounds={rounds.data ?? []}
        roundId={roundId}
        onRound={setRound}
        who={me.displayName}
        onSignOut={onSignOut}
      />
      <nav aria-label={t.nav} className={styles.nav} data-noprint>
        {national ? (
          <Link
            href={placeHref("/national", { round: roundId })}
            aria-current={place.view === "national" || place.view === "home" ? "page" : undefined}
          >
            {t.navNational}
          </Link>
        ) : (
          <Link
            href={placeHref(`/province/${me.provinceCode}`, { round: roundId })}
            aria-current={place.view === "province" || place.view === "home" ? "page" : undefined}
          >
            {t.navLaos}
          </Link>
        )}
        {canCodes && (
          <Link
            href={placeHref(me.role === "province" ? `/codes/${me.provinceCode}` : "/codes", {})}
            aria-current={place.view === "codes" ? "page" : undefined}
          >
            {t.navCodes}
          </Link>
        )}
        {me.role === "admin" && (
          <Link
            href={placeHref("/admin", { round: roundId })}
            aria-current={place.view === "admin" ? "page" : undefined}
          >
            {t.navAdmin}
          </Link>
        )}
      </nav>
      <main className={styles.main}>
        <Suspense fallback={<p>{t.loading}</p>}>{view}</Suspense>
      </main>
    </>
  );
}
