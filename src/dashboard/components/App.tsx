import { FluentProvider } from "@fluentui/react-components";
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from "react";
import { ApiError, createApi } from "../api";
import { I18nContext, MESSAGES, type Language } from "../i18n";
import { paths, pathsFor } from "../paths";
import { parsePlace } from "../route";
import { dashboardTheme } from "../theme";
import { clearSession, loadLanguage, loadSession, saveLanguage, saveSession, type Session } from "../session";
import type { Me } from "../types";
import Shell from "./Shell";
import SignIn from "./SignIn";
import { Notice } from "./Notice";

// An LAO officer's pages (upload, receipt, history) are a chunk of their own: offices never load them.
const LaoShell = lazy(() => import("./LaoShell"));

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
    // Ask for the first view's data with the sign-in check, not after it.
    if (session) created.prefetch(pathsFor(parsePlace(window.location.hash)));
    return created;
  }, [session, signedOut]);

  useEffect(() => {
    if (!session) return;
    let live = true;
    api.get<Me>(paths.me).then(
      (m) => live && setMe(m),
      (e: unknown) => live && !(e instanceof ApiError && e.status === 401) && setProblem(e),
    );
    return () => {
      live = false;
    };
  }, [api, session]);

  const signOut = useCallback(async () => {
    await api.send("DELETE", "/sessions/current").catch(() => undefined);
    clearSession();
    setSession(null);
    setMe(null);
  }, [api]);

  const i18n = useMemo(() => ({ language, t: MESSAGES[language], setLanguage }), [language, setLanguage]);
  const t = i18n.t;

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
    content = <p style={{ padding: 24 }}>{t.loading}</p>;
  } else if (me.role === "lao") {
    content = (
      <Suspense fallback={<p style={{ padding: 24 }}>{t.loading}</p>}>
        <LaoShell me={me} api={api} session={session} onSignOut={signOut} />
      </Suspense>
    );
  } else {
    content = <Shell me={me} api={api} onSignOut={signOut} />;
  }
  return (
    <I18nContext.Provider value={i18n}>
      <FluentProvider
        theme={dashboardTheme}
        lang={language}
        style={{ minHeight: "100vh", background: "#f5f5f5" }}
      >
        {content}
      </FluentProvider>
    </I18nContext.Provider>
  );
}
