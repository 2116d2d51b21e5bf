import { Suspense, useCallback, useEffect, useMemo, useState } from "react";
import { ApiError, createApi } from "../api";
import { cameWithFirstScreen, earlyReadPaths } from "../earlyReads";
import { I18nContext, MESSAGES, type Language } from "../i18n";
import { paths, pathsFor } from "../paths";
import { parsePlace } from "../route";
import { clearSession, loadLanguage, loadSession, saveLanguage, saveSession, type Session } from "../session";
import type { Me } from "../types";
import { lazyFluent } from "./lazyFluent";
import Shell from "./Shell";
import { Notice } from "./Notice";

// The offices' first screens (Shell) draw without Fluent UI. Signing in and an LAO officer's pages
// (upload, receipt, history), built with it, are chunks of their own: offices signed in never load them.
const SignIn = lazyFluent("SignIn");
const LaoShell = lazyFluent("LaoShell");

/** The web app: sign in with a one-time code, then an LAO's own pages, or the province or national views. */
export default function App() {
  const [language, setLanguageState] = useState<Language>(loadLanguage);
  const [session, setSession] = useState<Session | null>(loadSession);
  const [me, setMe] = useState<Me | null>(null);
  const [expired, setExpired] = useState(false);
  const [problem, setProblem] = useState<unknown>(null);

  const setLanguage = useCallback((l: Language) => {
    saveLanguage(l);
    setLanguageState(l);
  }, []);
  useEffect(() => {
    document.documentElement.lang = language;
    document.title = MESSAGES[language].appTitle;
  }, [language]);

  const signedOut = useCallback(() => {
    clearSession();
    setSession(null);
    setMe(null);
    setExpired(true);
  }, []);
  const api = useMemo(() => {
    const created = createApi(session?.token ?? null, signedOut);
    // Ask for the first view's data with the sign-in check, not after it; take all the page came with.
    if (session) created.prefetch([...pathsFor(parsePlace(window.location.hash)), ...earlyReadPaths()]);
    return created;
  }, [session, signedOut]);

  // The sign-in check: in this very render when the page's early read has brought it already (the
  // first view then draws in the same render, with its own early answers), else when it arrives.
  if (session && !me && !problem) {
    const arrived = api.take<Me>(paths.me);
    if (arrived) setMe(arrived);
  }
  useEffect(() => {
    if (!session || me) return;
    let live = true;
    api.get<Me>(paths.me).then(
      (m) => live && setMe(m),
      (e: unknown) => live && !(e instanceof ApiError && e.status === 401) && setProblem(e),
    );
    return () => {
      live = false;
    };
  }, [api, session, me]);

  // Staff on their own computer: let the next page come with its first screen (src/api/firstScreen.ts).
  const staff = me?.role === "national" || me?.role === "province";
  useEffect(() => {
    if (staff && session && !session.shared && !cameWithFirstScreen())
      api.send("PUT", paths.pageCookie).catch(() => undefined); // without it the page only draws later
  }, [api, session, staff]);

  const signOut = useCallback(async () => {
    await api.send("DELETE", "/sessions/current").catch(() => undefined);
    clearSession();
    setSession(null);
    setMe(null);
  }, [api]);

  const i18n = useMemo(() => ({ language, t: MESSAGES[language], setLanguage }), [language, setLanguage]);
  const t = i18n.t;

  const loading = <p style={{ padding: 24 }}>{t.loading}</p>;
  let content;
  if (!session) {
    content = (
      <SignIn
        expired={expired}
        onSignedIn={(s) => {
          saveSession(s);
          setExpired(false);
          setProblem(null);
          setSession(s);
        }}
      />
    );
  } else if (problem) {
    content = <Notice error={problem} onRetry={() => window.location.reload()} />;
  } else if (!me) {
    content = loading;
  } else if (me.role === "lao") {
    content = <LaoShell me={me} api={api} session={session} onSignOut={signOut} />;
  } else {
    content = <Shell me={me} api={api} onSignOut={signOut} />;
  }
  return (
    <I18nContext.Provider value={i18n}>
      <Suspense fallback={loading}>{content}</Suspense>
    </I18nContext.Provider>
  );
}
