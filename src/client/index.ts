/**
 * The submission client, shared by the task pane and the CLI. Browser-safe: fetch and Web Crypto
 * only, no DOM and no Node (Node-only storage is src/cli/fileStorage.ts).
 */
export {
  ApiClient,
  type ApiClientOptions,
  type AttemptEvent,
  type CallOptions,
  type SubmitRequest,
  type SubmitResult,
} from "./api";
export { contentHash, newSubmissionId } from "./hash";
export {
  Outbox,
  type DrainReport,
  type OutboxEntry,
  type OutboxEvent,
  type OutboxOptions,
  type StoredReceipt,
  type SubmitOptions,
  type SubmitOutcome,
} from "./outbox";
export {
  ClientProblem,
  documentProblems,
  problemFromServer,
  tooLargeProblem,
  TRANSIENT_KINDS,
  type PathProblem,
  type ProblemInfo,
  type ProblemKind,
} from "./problems";
export {
  passRateText,
  receiptLines,
  receiptSheet,
  receiptTimeTh,
  summaryText,
  RECEIPT_SHEET_NAME,
  type ReceiptContext,
  type ReceiptLine,
  type ReceiptRound,
  type ReceiptSheet,
} from "./receipt";
export { backoffDelay, DEFAULT_RETRY, parseRetryAfter, type RetryPolicy } from "./retry";
export type {
  LaoHistory,
  LaoHistoryIndicator,
  LaoSubmission,
  Me,
  MySubmission,
  Receipt,
  ReturnComments,
  RoundInfo,
  SignedIn,
} from "../api";
export { parseServerUrl, type ServerUrl } from "./serverUrl";
export { jsonBytes, largestFields, type FieldSize } from "./size";
export { SessionStore, type StoredSession } from "./session";
export { MemoryStorage, webStorage, type KeyValueStorage, type WebStorageLike } from "./storage";
