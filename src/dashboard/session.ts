/**
 * Where the device token is kept. The token is a device token by design (a one-time code can be
 * redeemed once, so a staff member cannot sign in again without a new code from the administrator):
 * it is kept in localStorage so the dashboard stays signed in on the officer's own computer, and
 * sign-out revokes it on the server. On a computer shared with others the officer ticks "shared",
 * and it goes to sessionStorage instead, forgotten when the tab closes. Either storage is readable
 * by scripts of this origin, so the page allows scripts from the server only (a strict CSP); the
 * token never appears in a URL.
 */

const KEY = "minstd.dashboard.token";

export interface Session {
  readonly token: string;
  readonly shared: boolean;
}

export function loadSession(): Session | null {
  try {
    const local = localStorage.getItem(KEY);
    if (local) return { token: local, shared: false };
    const tab = sessionStorage.getItem(KEY);
    if (tab) return { token: tab, shared: true };
  } catch {
    // Storage blocked (private mode settings): sign in every time.
  }
  return null;
}

export function saveSession(session: Session): void {
  clearSession();
  try {
    (session.shared ? sessionStorage : localStorage).setItem(KEY, session.token);
  } catch {
    // Kept in memory only.
  }
}

export function clearSession(): void {
  try {
    localStorage.removeItem(KEY);
    sessionStorage.removeItem(KEY);
  } catch {
    // nothing stored
  }
}

const LANG_KEY = "minstd.dashboard.lang";

export function loadLanguage(): "th" | "en" {
  try {
    return localStorage.getItem(LANG_KEY) === "en" ? "en" : "th";
  } catch {
    return "th";
  }
}

export function saveLanguage(language: "th" | "en"): void {
  try {
    localStorage.setItem(LANG_KEY, language);
  } catch {
    // not kept
  }
}
