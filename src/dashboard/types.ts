import type { LaoType } from "../core/laoTypes";
import type { Progress } from "../core/progress";
import type { Lao } from "../core/register";
import type { IndicatorKind, Round } from "../core/round";
import type { Status } from "../core/scoring";
import type { SubmissionDocument } from "../core/submission";
import type { Summary, SummaryPart } from "../core/summary";
import type { Trend } from "../core/yearOverYear";

/** The shapes of the server's answers the dashboard reads (see the API table in the README). */

export interface Me {
  userId: number;
  role: "lao" | "province" | "national" | "admin";
  displayName: string;
  provinceCode: string | null;
  /** For an LAO officer: the LAO. */
  lao?: Lao | null;
}

export interface WindowInfo {
  opens: string;
  closes: string;
  opensAt: string;
  closesAt: string;
  state: "not-open" | "open" | "closed";
  daysLeft: number;
  closesTh: string;
}

export interface RoundListItem {
  id: string;
  year: number;
  title: string;
  laoTypes: LaoType[];
  window: WindowInfo;
}

export interface RoundDefinition {
  round: Round;
  window: WindowInfo;
}

export interface ProgressLao {
  code: string;
  name: string;
  type: LaoType;
  provinceCode: string;
  provinceTh: string;
  districtCode: string;
  districtTh: string;
  progress: Progress;
  version: number | null;
  submittedAt: string | null;
  submittedAtTh: string | null;
  extensionCloses: string | null;
  passRate: number | null;
  counts: Record<Status, number> | null;
}

export interface ProgressResponse {
  round: string;
  asOf: string;
  window: WindowInfo;
  province: { code: string; th: string | null } | null;
  total: number;
  counts: Record<Progress, number>;
  laos: ProgressLao[];
}

export interface CompletenessRow {
  provinceCode: string;
  provinceTh: string;
  provinceEn: string;
  registered: number;
  submitted: number;
  returned: number;
  notStarted: number;
}

export interface CompletenessResponse {
  round: string;
  totals: { registered: number; submitted: number; returned: number; notStarted: number };
  provinces: CompletenessRow[];
}

export interface ResultsResponse {
  round: string;
  province: string | null;
  type: LaoType | null;
  laos: number;
  overall: SummaryPart;
  byIndicator: Array<{ id: string; areaId: string } & SummaryPart>;
  byArea: Array<{ areaId: string; title: string } & SummaryPart>;
  byType: Array<{ type: LaoType } & SummaryPart>;
  byProvince: Array<{ provinceCode: string; provinceTh: string } & SummaryPart>;
}

export interface VersionView {
  receiptNumber: string;
  id: string;
  replaces?: string | null;
  version: number;
  receivedAt: string;
  receivedAtTh: string;
  contentHash?: string;
  summary: Summary;
  document: SubmissionDocument;
}

export interface ReturnView {
  version: number;
  comments: Record<string, string>;
  note: string | null;
  returnedBy: string;
  returnedAtTh: string;
}

export interface SubmissionResponse {
  round: string;
  lao: Lao;
  state: "submitted" | "returned";
  version: number;
  versions: VersionView[];
  returns: ReturnView[];
}

export interface HistoryIndicator {
  id: string;
  current: { status: Status; value?: number } | null;
  earlier: Array<{
    round: string;
    year: number;
    indicatorId: string;
    kind: IndicatorKind;
    status: Status;
    value?: number;
    label: string;
  }>;
  change: { trend: Trend; delta?: number } | null;
}

export interface HistoryResponse {
  round: string;
  lao: string;
  indicators: HistoryIndicator[];
}

export type CodeState = "none" | "unused" | "used" | "expired" | "void";

export interface LaoAccess {
  lao: string;
  name: string;
  type: LaoType;
  districtCode: string;
  districtTh: string;
  code: { state: CodeState; issuedAt: string | null; expiresAt: string | null; redeemedAt: string | null };
  devices: Array<{ id: number; device: string | null; signedInAt: string }>;
}

export interface AccessCodesResponse {
  province: string;
  provinceTh: string;
  asOf: string;
  laos: LaoAccess[];
}

/** A code just issued, as POST /provinces/:p/access-codes and POST /laos/:lao/access-codes answer (normalised). */
export interface IssuedCode {
  lao: string;
  name: string;
  type: LaoType;
  districtTh: string;
  code: string;
  expiresAt: string;
}

/** GET/PUT/DELETE /laos/:lao/publications/:round. */
export interface PublicationView {
  round: string;
  lao: string;
  submission: "submitted" | "returned" | null;
  windowClosed: boolean;
  closesTh: string;
  published: boolean;
  publishedAtTh?: string;
  public: boolean;
  reason: "window-closed" | "published" | null;
  urls: { page: string; download: string; province: string };
}
