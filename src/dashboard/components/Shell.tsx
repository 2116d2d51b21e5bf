import { Suspense } from "react";
import type { Api } from "../api";
import { paths } from "../paths";
import { useI18n } from "../i18n";
import { go, placeHref, usePlace } from "../route";
import type { Me, RoundListItem } from "../types";
import { useLoad } from "../useLoad";
import { lazyFluent } from "./lazyFluent";
import NationalView from "./NationalView";
import { Notice } from "./Notice";
import ProvinceView from "./ProvinceView";
import ShellHeader, { defaultRound } from "./ShellHeader";

// The first screens (national, province) come with the page, in plain elements; the others,
// built with Fluent UI, load when opened.
const AdminView = lazyFluent("AdminView");
const CodesView = lazyFluent("CodesView");
const SubmissionView = lazyFluent("SubmissionView");

export default function Shell({ me, api, onSignOut }: { me: Me; api: Api; onSignOut: () => void }) {
  const { t } = useI18n();
  const place = usePlace();
  const rounds = useLoad(
    "rounds",
    () => api.get<RoundListItem[]>(paths.rounds),
    true,
    () => api.take<RoundListItem[]>(paths.rounds),
  );
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
      <nav aria-label={t.nav} className="shell-nav" data-noprint>
        {national ? (
          <a
            className="link"
            href={placeHref("/national", { round: roundId })}
            aria-current={place.view === "national" || place.view === "home" ? "page" : undefined}
          >
            {t.navNational}
          </a>
        ) : (
          <a
            className="link"
            href={placeHref(`/province/${me.provinceCode}`, { round: roundId })}
            aria-current={place.view === "province" || place.view === "home" ? "page" : undefined}
          >
            {t.navLaos}
          </a>
        )}
        {canCodes && (
          <a
            className="link"
            href={placeHref(me.role === "province" ? `/codes/${me.provinceCode}` : "/codes", {})}
            aria-current={place.view === "codes" ? "page" : undefined}
          >
            {t.navCodes}
          </a>
        )}
        {me.role === "admin" && (
          <a
            className="link"
            href={placeHref("/admin", { round: roundId })}
            aria-current={place.view === "admin" ? "page" : undefined}
          >
            {t.navAdmin}
          </a>
        )}
      </nav>
      <main className="shell-main">
        <Suspense fallback={<p>{t.loading}</p>}>{view}</Suspense>
      </main>
    </>
  );
}
