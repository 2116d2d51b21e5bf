import { existsSync } from "node:fs";
import { join, resolve } from "node:path";

/** Where the built web dashboard lives (dist/dashboard, made by `npm run build`). */
export const DEFAULT_DASHBOARD_DIR = resolve(__dirname, "../../dist/dashboard");

export function dashboardBuilt(dir: string = DEFAULT_DASHBOARD_DIR): boolean {
  return existsSync(join(dir, "index.html"));
}
