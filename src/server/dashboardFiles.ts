import { existsSync } from "node:fs";
import { join, resolve } from "node:path";

/** Where the server serves the web app. */
export const DASHBOARD_PREFIX = "/dashboard/";

/** Where the built web dashboard lives (dist/dashboard, made by `npm run build`). */
export const DEFAULT_DASHBOARD_DIR = resolve(__dirname, "../../dist/dashboard");

/** The staff's first screen, drawn by the server into the page (see src/api/firstScreen.ts); never served. */
export const FIRST_SCREEN_FILE = "first-screen.cjs";

export function dashboardBuilt(dir: string = DEFAULT_DASHBOARD_DIR): boolean {
  return existsSync(join(dir, "index.html"));
}
