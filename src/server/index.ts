/**
 * What the `minstd` command uses of the server: starting it, the database it keeps, the local
 * administration of a running server, access codes, and backups. The CLI imports nothing else of
 * src/server (lint-enforced), so the server's insides can change behind this list.
 */

// Starting the server and its configuration.
export { configFromEnv, DEFAULT_DATA_DIR, redactUrl, startServer } from "./server";
export { DEFAULT_RATE_LIMITS, type RateLimits } from "./rateLimit";
export { Problem } from "./problems";
export { gatherWorkerMetrics, shareWorkerMetrics } from "./ops/clusterMetrics";

// The database: opening it (PostgreSQL or the embedded folder) and the reference data.
export type { Database } from "./db/adapter";
export { openDatabase } from "./db/open";
export { dataDirOwner, DataDirInUseError, openPglite } from "./db/pglite";
export { seedReferenceData } from "./seed";
export { prepareCodeKey, SecretMismatchError } from "./codeKey";

// Administration: on the database directly, or through a running server on the same data folder.
export { callLocalServer, findLocalServer, type LocalServer } from "./localAdmin";
export { audit } from "./queries/audits";
export { getLao, provinceExists } from "./queries/laos";
export { getRoundDefinition, getRoundRow, putRound, setWindow } from "./queries/rounds";
export { listVersions } from "./queries/submissions";
export { createUser, listUsers, reactivateUser, retireUser } from "./queries/users";
export {
  codesCsv,
  DEFAULT_CODE_DAYS,
  issueProvinceCodes,
  issueUserCode,
  type IssuedLaoCode,
} from "./accessCodes";

// Backups of either database.
export { embeddedSnapshot, writeEmbeddedBackup } from "./ops/embeddedBackup";
export { BACKUP_KEY_HEADER, LOCAL_SERVER_FILE, readLocalServerInfo } from "./ops/localServer";
export {
  countDifferences,
  MANIFEST_NAME,
  manifestProblem,
  readMigrations,
  readStoredCounts,
  sha256File,
  type BackupManifest,
  type StoredCounts,
} from "./ops/manifest";
export { backupPostgres, inspectPostgres, readPostgres, restorePostgres } from "./ops/postgresBackup";
export { indexTar, readEntry, streamEntry } from "./ops/tarFile";
