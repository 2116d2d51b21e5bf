import { Button, Link, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import { lazy, Suspense } from "react";
import type { Api } from "../api";
import { paths } from "../paths";
import { useI18n } from "../i18n";
import { go, placeHref, usePlace } from "../route";
import type { Me, RoundListItem } from "../types";
import { useLoad } from "../useLoad";
import LanguageSwitch from "./LanguageSwitch";
import NationalView from "./NationalView";
import { Notice } from "./Notice";
import ProvinceView from "./ProvinceView";

// The first screens (national, province) come with the page; the others load when opened.
const AdminView = lazy(() => import("./AdminView"));
const CodesView = lazy(() => import("./CodesView"));
const SubmissionView = lazy(() => import("./SubmissionView"));

const useStyles = makeStyles({
  header: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: "12px",
    padding: "8px 16px",
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
  },
  title: {
    fontWeight: 600,
    fontSize: "16px",
    marginRight: "auto",
    color: tokens.colorNeutralForegroundOnBrand,
  },
  headerControls: {
    display: "flex",
    alignItems: "center",
    gap: "8px",
    flexWrap: "wrap",
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    padding: "4px 8px",
    borderRadius: tokens.borderRadiusMedium,
    maxWidth: "100%",
    boxSizing: "border-box",
  },
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

/** The default round: one open for submissions now, else the latest. */
function defaultRound(rounds: readonly RoundListItem[]): string | undefined {
  const open = rounds.filter((r) => r.window.state === "open").sort((a, b) => b.year - a.year)[0];
  return (open ?? [...rounds].sort((a, b) => b.year - a.year || b.id.localeCompare(a.id))[0])?.id;
}

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
      <header className={styles.header} data-noprint>
        <Text as="span" className={styles.title}>
          {t.appTitle}
        </Text>
        <div className={styles.headerControls}>
          {rounds.data && roundId && (
            <Select
              aria-label={t.roundLabel}
              value={roundId}
              onChange={(_, d) => setRound(d.value)}
              size="small"
              style={{ maxWidth: "min(420px, 100%)", minWidth: 0 }}
            >
              {rounds.data.map((r) => (
                <option key={r.id} value={r.id}>
                  {t.roundOption(r)}
                </option>
              ))}
            </Select>
          )}
          <Text size={200}>{t.signedInAs(me.displayName)}</Text>
          <LanguageSwitch />
          <Button size="small" appearance="subtle" onClick={onSignOut}>
            {t.signOut}
          </Button>
        </div>
      </header>
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
