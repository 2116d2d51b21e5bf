import type { RoundDefinitionAnswer } from "../api";
import type { Round } from "../core/rules/round";

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
  Publication as PublicationView,
  ResultsResponse,
  ReturnComments as ReturnView,
  RoundInfo as RoundListItem,
  VersionView,
  WindowInfo,
} from "../api";

/** GET /rounds/:round, with the definition read as a round (the server sends what it loaded and checked). */
export type RoundDefinition = RoundDefinitionAnswer & { round: Round };
