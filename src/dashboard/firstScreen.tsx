import { Suspense } from "react";
import { renderToString } from "preact-render-to-string";
import type { FirstScreenRenderer } from "../api";
import type { Api } from "./api";
import Shell from "./components/Shell";
import { defaultRound } from "./components/ShellHeader";
import { I18nContext, MESSAGES } from "./i18n";
import { paths, pathsFor } from "./paths";
import { parsePlace, placeHref } from "./place";
import { DrawnAt } from "./route";
import type { Me, RoundListItem } from "./types";

/**
 * The staff's first screen drawn on the server (see src/api/firstScreen.ts), built by
 * tools/dashboard/build.ts into a file the server loads. It is the app's own Shell, in Thai, drawn
 * from the answers the browser would have read: the app then draws the same over it.
 */

/** An Api that has every answer already: the drawing reads them in its first render (useLoad's `arrived`). */
function answered(answers: Readonly<Record<string, unknown>>): Api {
  const nothing = () => Promise.reject(new Error("the server's drawing of a first screen asks for nothing"));
  return {
    get: <T,>(path: string) => (path in answers ? Promise.resolve(answers[path] as T) : nothing()),
    prefetch: () => undefined,
    take: <T,>(path: string) => answers[path] as T | undefined,
    send: nothing,
    upload: nothing,
    download: nothing,
  };
}

export const firstScreen: FirstScreenRenderer = {
  reads: (place) => pathsFor(parsePlace(place)),
  place(answers) {
    const me = answers[paths.me] as Me;
    const round = defaultRound(answers[paths.rounds] as RoundListItem[]);
    if (!round) return null;
    if (me.role === "national") return placeHref("/national", { round });
    if (me.role === "province" && me.provinceCode)
      return placeHref(`/province/${me.provinceCode}`, { round });
    return null;
  },
  render(place, answers) {
    const me = answers[paths.me] as Me;
    const i18n = { language: "th" as const, t: MESSAGES.th, setLanguage: () => undefined };
    return renderToString(
      <DrawnAt.Provider value={place}>
        <I18nContext.Provider value={i18n}>
          <Suspense fallback={null}>
            <Shell me={me} api={answered(answers)} onSignOut={() => undefined} />
          </Suspense>
        </I18nContext.Provider>
      </DrawnAt.Provider>,
    );
  },
};
