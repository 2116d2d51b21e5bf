import { compileRound, parseRound, type CompiledRound, type SubmissionWindow } from "../core";
import type { Database, Queryable } from "./db/adapter";
import { getExtension, getRoundDefinition, getRoundRow, type RoundRow } from "./queries/rounds";
import type { RateLimits } from "./rateLimit";

/** What every request can use besides the database. Nothing here holds state that matters across requests. */
export interface ServerServices {
  readonly db: Database;
  readonly clock: () => Date;
  readonly rounds: RoundCache;
  readonly answers: StampedAnswers;
  readonly limits: RateLimits;
}

/**
 * Answers computed from a whole round's data (the national tables), each kept with the stamp of the
 * data it was computed from (see nationalDataStamp): asked again under the same stamp, the answer
 * is given without reading the data again; under another, it is computed anew. Requests asking at
 * once under one stamp share one computation.
 */
export class StampedAnswers {
  private readonly kept = new Map<string, { stamp: string; answer: Promise<unknown> }>();

  get<T>(key: string, stamp: string, compute: () => Promise<T>): Promise<T> {
    const hit = this.kept.get(key);
    if (hit && hit.stamp === stamp) return hit.answer as Promise<T>;
    const answer = compute();
    const entry = { stamp, answer };
    this.kept.set(key, entry);
    // A failed computation is not kept.
    answer.catch(() => {
      if (this.kept.get(key) === entry) this.kept.delete(key);
    });
    return answer;
  }
}

/**
 * Compiled rounds, by id and revision. Every use reads the round's row (revision and window), so a
 * round changed through another server process is picked up on the next request.
 */
export class RoundCache {
  private readonly compiled_ = new Map<string, { revision: number; compiled: CompiledRound }>();

  /** The compiled round of a row already read (the submission path reads it with its context). */
  async compiled(q: Queryable, id: string, revision: number): Promise<CompiledRound | undefined> {
    const hit = this.compiled_.get(id);
    if (hit && hit.revision === revision) return hit.compiled;
    const def = await getRoundDefinition(q, id);
    if (!def) return undefined;
    const compiled = compileRound(parseRound(def.definition));
    this.compiled_.set(id, { revision: def.revision, compiled });
    return compiled;
  }

  async get(q: Queryable, id: string): Promise<{ row: RoundRow; compiled: CompiledRound } | undefined> {
    const row = await getRoundRow(q, id);
    if (!row) return undefined;
    const compiled = await this.compiled(q, id, row.revision);
    return compiled && { row, compiled };
  }
}

/** The window in force for one LAO: the round's, closing later when the LAO was granted an extension. */
/** The window in force for one LAO, given its extension's last day (if any). */
export function effectiveWindow(
  row: { opens: string; closes: string },
  extensionCloses: string | null,
): SubmissionWindow & { extended: boolean } {
  if (extensionCloses && extensionCloses > row.closes)
    return { opens: row.opens, closes: extensionCloses, extended: true };
  return { opens: row.opens, closes: row.closes, extended: false };
}

export async function windowFor(
  q: Queryable,
  row: RoundRow,
  laoCode: string,
): Promise<SubmissionWindow & { extended: boolean }> {
  const ext = await getExtension(q, row.id, laoCode);
  return effectiveWindow(row, ext?.closes ?? null);
}
