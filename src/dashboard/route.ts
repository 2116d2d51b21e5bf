import { createContext, useContext, useEffect, useMemo, useState } from "react";
import { parsePlace, type Place } from "./place";

export { parsePlace, placeHref, type Place } from "./place";

/** The address's hash when there is no browser: the server drawing a first screen (firstScreen.tsx). */
export const DrawnAt = createContext<string | undefined>(undefined);

/** The place now, following the hash. */
export function usePlace(): Place {
  const drawnAt = useContext(DrawnAt);
  const [hash, setHash] = useState(() => drawnAt ?? window.location.hash);
  useEffect(() => {
    const on = () => setHash(window.location.hash);
    window.addEventListener("hashchange", on);
    return () => window.removeEventListener("hashchange", on);
  }, []);
  // One Place (and one URLSearchParams) per address, so what views memoize from it holds.
  return useMemo(() => parsePlace(hash), [hash]);
}

/** Changes the place; `replace` keeps Back from stepping through every filter change. */
export function go(href: string, replace = false): void {
  if (replace) window.history.replaceState(null, "", href);
  else window.location.hash = href.replace(/^#/, "");
  if (replace) window.dispatchEvent(new HashChangeEvent("hashchange"));
}
