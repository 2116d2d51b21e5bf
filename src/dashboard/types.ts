import type { RoundDefinitionAnswer } from "../api";
import type { Round } from "../core/round";

/** The shapes of the server's answers the dashboard reads: the API contract's (src/api), by the names the pages use. */

export type {
  AccessCodesResponse,
  CodeState,
  CompletenessResponse,
  CompletenessRow,
  IssuedCode,
  LaoAccess,
  LaoHistory as HistoryResponse,
  LaoHistoryIndicator as HistoryIndicator,
  LaoSubmission as SubmissionResponse,
  Me,
  ProgressLao,
  ProgressResponse,
  ResultsResponse,
  ReturnComments as ReturnView,
  RoundInfo as RoundListItem,
  VersionView,
  WindowInfo,
} from "../api";

/** GET /rounds/:round, with the definition read as a round (the server sends what it loaded and checked). */
export type RoundDefinition = RoundDefinitionAnswer & { round: Round };

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
