import type { Place } from "./place";

/**
 * The API reads of each view, named in one place: the views call them, and the page asks for them
 * as soon as it starts (see prefetch in api.ts), in parallel with the sign-in check, instead of
 * one round trip after another.
 */
/** The collection server's API, on the page's own origin. */
export const API_BASE = "/api/v1";

export const paths = {
  me: "/me",
  pageCookie: "/sessions/current/page",
  rounds: "/rounds",
  round: (round: string) => `/rounds/${round}`,
  completeness: (round: string) => `/rounds/${round}/completeness`,
  results: (round: string, province?: string) =>
    `/rounds/${round}/results${province ? `?province=${province}` : ""}`,
  progress: (round: string, province: string) => `/rounds/${round}/progress?province=${province}`,
  submission: (lao: string, round: string) => `/laos/${lao}/submissions/${round}`,
  history: (lao: string, round: string) => `/laos/${lao}/history/${round}`,
  publication: (lao: string, round: string) => `/laos/${lao}/publications/${round}`,
  mySubmissions: "/me/submissions",
  accessCodes: (province: string) => `/provinces/${province}/access-codes`,
};

/** What the view at `place` will read first, when the place names its round. */
export function pathsFor(place: Place): string[] {
  const round = place.params.get("round");
  const common = [paths.me, paths.rounds];
  if (!round) return common;
  switch (place.view) {
    case "national":
      return [...common, paths.completeness(round), paths.results(round)];
    case "province":
      return [...common, paths.progress(round, place.province), paths.results(round, place.province)];
    case "lao":
      return [
        ...common,
        paths.submission(place.lao, round),
        paths.round(round),
        paths.history(place.lao, round),
      ];
    case "codes":
      return place.province ? [paths.me, paths.accessCodes(place.province)] : [paths.me];
    case "admin":
    case "my":
    case "home":
      return common;
  }
}
