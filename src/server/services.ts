import { compileRound, parseRound, type CompiledRound, type SubmissionWindow } from "../core";
import type { Database, Queryable } from "./db/adapter";
import { getExtension, getRoundDefinition, getRoundRow, type RoundRow } from "./queries/rounds";

/** What every request can use besides the database. Nothing here holds state that matters across requests. */
export interface ServerServices {
  readonly db: Database;
  readonly clock: () => Date;
  readonly rounds: RoundCache;
}

/**
 * Compiled rounds, by id and revision. Every use reads the round's row (revision and window), so a
 * round changed through another server process is picked up on the next request.
 */
export class RoundCache {
  private readonly compiled = new Map<string, { revision: number; compiled: CompiledRound }>();

  async get(q: Queryable, id: string): Promise<{ row: RoundRow; compiled: CompiledRound } | undefined> {
    const row = await getRoundRow(q, id);
    if (!row) return undefined;
    const hit = this.compiled.get(id);
    if (hit && hit.revision === row.revision) return { row, compiled: hit.compiled };
    const def = await getRoundDefinition(q, id);
    if (!def) return undefined;
    const compiled = compileRound(parseRound(def.definition));
    this.compiled.set(id, { revision: def.revision, compiled });
    return { row: { ...row, revision: def.revision }, compiled };
  }
}

/** The window in force for one LAO: the round's, closing later when the LAO was granted an extension. */
export async function windowFor(
  q: Queryable,
  row: RoundRow,
  laoCode: string,
): Promise<SubmissionWindow & { extended: boolean }> {
  const ext = await getExtension(q, row.id, laoCode);
  if (ext && ext.closes > row.closes) return { opens: row.opens, closes: ext.closes, extended: true };
  return { opens: row.opens, closes: row.closes, extended: false };
}
