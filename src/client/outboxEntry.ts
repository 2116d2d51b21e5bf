import type { SubmissionDocument } from "../core";
import type { Receipt } from "./api";
import type { ProblemInfo } from "./problems";

/** One LAO's versions of one round on one server: sent strictly in order (see outbox.ts). */
export interface Chain {
  /** The server's base address. */
  readonly server: string;
  readonly round: string;
  readonly lao: string;
}

/**
 * Which version a new one replaces, decided when it is first sent. "device": the last version this
 * device has a receipt for, or the server's current one when it has none, so a newer version sent
 * from another computer is never replaced unseen (the server answers 409 and the entry is held
 * until the officer chooses). "server": whatever the server has now, for a caller that has just
 * shown the officer what that is.
 */
export type ReplaceBasis = "device" | "server";

export interface OutboxEntry extends Chain {
  /** The client's id of this version (a UUID). */
  readonly id: string;
  /** Order in the outbox. */
  readonly seq: number;
  /** ISO time the officer submitted. */
  readonly createdAt: string;
  readonly contentHash: string;
  readonly document: SubmissionDocument;
  /** Fixed just before the first send (null: the first version); absent until then. */
  readonly replaces?: string | null;
  /** What it replaces when it is bound (see SubmitOptions); absent: "device". */
  readonly basis?: ReplaceBasis;
  /** Bound only if the server's current version is this one (0: none yet); otherwise held. */
  readonly expectVersion?: number;
  /** queued: sent by every drain; held: refused, waits for the officer. */
  readonly state: "queued" | "held";
  /** How many times it was handed to the server (each may be several HTTP attempts). */
  readonly sends: number;
  readonly lastTriedAt?: string;
  /** Why it is held, or why the last try did not get a receipt. */
  readonly problem?: ProblemInfo;
  /** Sends of this (large) entry that broke the connection while the server answered (see BROKEN_SENDS_HOLD). */
  readonly brokenSends?: number;
}

export interface StoredReceipt {
  readonly receipt: Receipt;
  /** The document acknowledged, for "what changed since" (kept for the newest few versions). */
  readonly document?: SubmissionDocument;
  readonly storedAt: string;
}
