import { Suspense } from "react";
import type { Api } from "../api";
import { paths } from "../paths";
import { useI18n } from "../i18n";
import { go, placeHref, usePlace } from "../route";
import type { Me, RoundListItem } from "../types";
import { useLoad } from "../useLoad";
import LanguageSwitch from "./LanguageSwitch";
import { lazyFluent } from "./lazyFluent";
import NationalView from "./NationalView";
import { Notice } from "./Notice";
import ProvinceView from "./ProvinceView";

// The first screens (national, province) come with the page, in plain elements; the others,
// built with Fluent UI, load when opened.
const AdminView = lazyFluent(() => import("./AdminView"));
const CodesView = lazyFluent(() => import("./CodesView"));
const SubmissionView = lazyFluent(() => import("./SubmissionView"));

/** The default round: one open for submissions now, else the latest. */
function defaultRound(rounds: readonly RoundListItem[]): string | undefined {
  const open = rounds.filter((r) => r.window.state === "open").sort((a, b) => b.year - a.year)[0];
  return (open ?? [...rounds].sort((a, b) => b.year - a.year || b.id.localeCompare(a.id))[0])?.id;
}

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
      <header className="shell-header" data-noprint>
        <span className="shell-title">{t.appTitle}</span>
        <div className="shell-controls">
          {rounds.data && roundId && (
            <select
              className="select small"
              aria-label={t.roundLabel}
              value={roundId}
              onChange={(e) => setRound(e.target.value)}
              style={{ maxWidth: "min(420px, 100%)" }}
            >
              {rounds.data.map((r) => (
                <option key={r.id} value={r.id}>
                  {t.roundOption(r)}
                </option>
              ))}
            </select>
          )}
          <span className="small">{t.signedInAs(me.displayName)}</span>
          <LanguageSwitch />
          <button type="button" className="button small subtle" onClick={onSignOut}>
            {t.signOut}
          </button>
        </div>
      </header>
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
