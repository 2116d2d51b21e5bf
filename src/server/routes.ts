import { auditRoutes } from "./resources/audits";
import { dashboardRoutes } from "./resources/dashboards";
import { laoAccessRoutes } from "./resources/laoAccess";
import { mineRoutes } from "./resources/mine";
import { openDataRoutes } from "./resources/openData";
import { progressRoutes } from "./resources/progress";
import { publicationRoutes } from "./resources/publications";
import { publicPageRoutes } from "./resources/publicPages";
import { reportRoutes } from "./resources/reports";
import { returnRoutes } from "./resources/returns";
import { roundRoutes } from "./resources/rounds";
import { sessionRoutes } from "./resources/sessions";
import { submissionRoutes } from "./resources/submissions";
import { userRoutes } from "./resources/users";
import { workbookRoutes } from "./resources/workbooks";
import type { RouteSpec } from "./route";

/** Every endpoint under /api/v1 except /openapi.json and /health, which app.ts adds. */
export const API_ROUTES: ReadonlyArray<RouteSpec<unknown>> = [
  ...sessionRoutes,
  ...roundRoutes,
  ...submissionRoutes,
  ...mineRoutes,
  ...workbookRoutes,
  ...returnRoutes,
  ...dashboardRoutes,
  ...progressRoutes,
  ...reportRoutes,
  ...userRoutes,
  ...laoAccessRoutes,
  ...auditRoutes,
  ...publicationRoutes,
] as unknown as ReadonlyArray<RouteSpec<unknown>>;

/** The public results pages and open data, for everyone, served from the server's root (/public/…). */
export const SITE_ROUTES: ReadonlyArray<RouteSpec<unknown>> = [
  ...publicPageRoutes,
  ...openDataRoutes,
] as unknown as ReadonlyArray<RouteSpec<unknown>>;
