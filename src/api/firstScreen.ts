/**
 * The web app's first screen sent with the page itself. A browser signed in on the officer's own
 * computer keeps a copy of its device token in an HttpOnly cookie that only the page's own address
 * receives (`PAGE_COOKIE`, set by `PUT /sessions/current/page`, cleared at sign-out). With it, the
 * server draws the staff's first view (national or province) into the page, with the answers it
 * was drawn from, and the app takes both over when it starts. The API itself never reads the
 * cookie: its calls keep the bearer token, so no other site can make them on the officer's behalf.
 */

/** The cookie's name. */
export const PAGE_COOKIE = "minstd_page";

/** The id of the page's data block (a `<script type="application/json">`) holding `FirstScreenData`. */
export const FIRST_SCREEN_DATA_ID = "minstd-first-screen";

/** The class on `<html>` that hides the server's drawing while the app draws another place. */
export const FIRST_SCREEN_STALE_CLASS = "first-screen-stale";

/** What the server put in the page beside the drawing. */
export interface FirstScreenData {
  /** The place drawn, as the address's hash (e.g. "#/national?round=2568"). */
  readonly place: string;
  /** The last characters of the token it was drawn for: the app uses it only with the same token. */
  readonly tokenEnd: string;
  /** The API's answers the drawing was made from, by path under /api/v1. */
  readonly answers: Readonly<Record<string, unknown>>;
}

/** How many of the token's last characters `tokenEnd` holds. */
export const TOKEN_END_LENGTH = 8;

/**
 * The web app's drawing of a first screen, built from src/dashboard/firstScreen.tsx into a file the
 * server loads (see src/server/firstScreen.ts): the server decides nothing of the app's screens.
 */
export interface FirstScreenRenderer {
  /**
   * The reads (paths under /api/v1) the screen at `place` is drawn from; for "" (no place named),
   * the ones every signed-in page starts with, from which `place` finds where the user lands.
   */
  reads(place: string): string[];
  /** The place a signed-in user lands on, from the answers to `reads("")`; null when none is drawn. */
  place(answers: Readonly<Record<string, unknown>>): string | null;
  /** The screen's markup (the app's root element's content) from the answers to those reads. */
  render(place: string, answers: Readonly<Record<string, unknown>>): string;
}
