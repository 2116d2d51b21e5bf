/**
 * The one interface the query layer talks to. Two implementations: embedded PGlite (a data
 * directory on disk, the default) and a PostgreSQL server through a pg Pool (DATABASE_URL).
 * Both speak the same SQL; values come back in the same JS types (see each adapter's parsers).
 */
export type Row = Record<string, unknown>;

export interface Queryable {
  /** Runs one parameterised statement ($1, $2, …) and returns its rows. */
  query<T = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Database extends Queryable {
  readonly kind: "pglite" | "postgres";
  /** Runs fn in one transaction: resolve commits, throw rolls back. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /**
   * PGlite only: a consistent copy of the whole data folder (a gzipped tarball) taken while the
   * server runs, with what `read` finds in that same state (counts for the backup's manifest).
   */
  dumpDataDir?<T>(read: (tx: Queryable) => Promise<T>): Promise<{ data: Uint8Array; read: T }>;
  /** PostgreSQL only: the connection pool's connections (total, idle, clients waiting). */
  poolStats?(): { total: number; idle: number; waiting: number };
}

/** The PostgreSQL type ids whose text form both adapters read the same way. */
export const TYPE_IDS = { int8: 20, numeric: 1700, date: 1082 } as const;

/** int8 and numeric as numbers (counts and sums here stay far below 2^53); dates as "YYYY-MM-DD". */
export const parseText: Record<number, (text: string) => unknown> = {
  [TYPE_IDS.int8]: (v) => Number(v),
  [TYPE_IDS.numeric]: (v) => Number(v),
  [TYPE_IDS.date]: (v) => v,
};
