/**
 * The schema, as numbered migrations applied in order (see migrate.ts). They live in code, not
 * in .sql files, so a bundled server carries them. Never edit a released migration: add one.
 *
 * Conventions: tables plural snake_case, columns camelCase (quoted), timestamps timestamptz(3)
 * taken with clock_timestamp() so rows of one transaction keep their order; every foreign key
 * has an index; the database checks every invariant it can.
 */
export interface Migration {
  readonly name: string;
  readonly sql: string;
}

const LAO_TYPES_SQL = "'pao','city','town','subdistrict','sao','pattaya'";

export const MIGRATIONS: readonly Migration[] = [
  {
    name: "001-initial",
    sql: `
CREATE TABLE settings (
  key text PRIMARY KEY,
  value text NOT NULL
);

-- The DLA register, loaded from data/lao-registry.csv when it changes.
CREATE TABLE laos (
  code text PRIMARY KEY CHECK (code ~ '^[0-9]{7}$'),
  type text NOT NULL CHECK (type IN (${LAO_TYPES_SQL})),
  name text NOT NULL,
  "provinceCode" text NOT NULL,
  "provinceTh" text NOT NULL,
  "provinceEn" text NOT NULL,
  "districtCode" text NOT NULL,
  "districtTh" text NOT NULL
);
CREATE INDEX laos_province ON laos ("provinceCode");

-- A round's definition is the round JSON (core round schema); the window in force is kept
-- beside it because an admin may move it. revision changes whenever the definition does.
CREATE TABLE rounds (
  id text PRIMARY KEY,
  definition jsonb NOT NULL,
  revision int NOT NULL DEFAULT 1,
  opens date NOT NULL,
  closes date NOT NULL,
  "loadedAt" timestamptz(3) NOT NULL DEFAULT clock_timestamp(),
  CHECK (opens <= closes)
);

CREATE TABLE users (
  id serial PRIMARY KEY,
  role text NOT NULL CHECK (role IN ('lao', 'province', 'national', 'admin')),
  "displayName" text NOT NULL CHECK (length("displayName") BETWEEN 1 AND 200),
  "laoCode" text REFERENCES laos (code),
  "provinceCode" text,
  "createdAt" timestamptz(3) NOT NULL DEFAULT clock_timestamp(),
  "retiredAt" timestamptz(3),
  CHECK ((role = 'lao') = ("laoCode" IS NOT NULL)),
  CHECK ((role = 'province') = ("provinceCode" IS NOT NULL))
);
-- Each LAO is one account; its officers hold device tokens of it.
CREATE UNIQUE INDEX users_lao ON users ("laoCode");
CREATE INDEX users_province ON users ("provinceCode");

-- One-time codes an officer redeems for a device token. Only a hash is stored.
CREATE TABLE access_codes (
  id serial PRIMARY KEY,
  "userId" int NOT NULL REFERENCES users (id),
  "codeHash" text NOT NULL UNIQUE,
  "issuedBy" int REFERENCES users (id),
  "issuedAt" timestamptz(3) NOT NULL DEFAULT clock_timestamp(),
  "expiresAt" timestamptz(3) NOT NULL,
  "redeemedAt" timestamptz(3),
  "voidedAt" timestamptz(3)
);
CREATE INDEX access_codes_user ON access_codes ("userId");
CREATE INDEX access_codes_issued_by ON access_codes ("issuedBy");

CREATE TABLE tokens (
  id serial PRIMARY KEY,
  "userId" int NOT NULL REFERENCES users (id),
  "tokenHash" text NOT NULL UNIQUE,
  "codeId" int REFERENCES access_codes (id),
  device text,
  "createdAt" timestamptz(3) NOT NULL DEFAULT clock_timestamp(),
  "revokedAt" timestamptz(3)
);
CREATE INDEX tokens_user ON tokens ("userId");
CREATE INDEX tokens_code ON tokens ("codeId");

CREATE TABLE window_extensions (
  "roundId" text NOT NULL REFERENCES rounds (id),
  "laoCode" text NOT NULL REFERENCES laos (code),
  closes date NOT NULL,
  reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 1000),
  "grantedBy" int REFERENCES users (id),
  "grantedAt" timestamptz(3) NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY ("roundId", "laoCode")
);
CREATE INDEX window_extensions_lao ON window_extensions ("laoCode");
CREATE INDEX window_extensions_granted_by ON window_extensions ("grantedBy");

-- One row per LAO and round: where its submission stands, with the current version's results
-- in a compact form for the dashboards (statuses: one letter per indicator, in round order;
-- overall: the counts and pass rate of the whole round). Kept narrow: dashboards scan it.
CREATE TABLE submissions (
  id bigserial PRIMARY KEY,
  "roundId" text NOT NULL REFERENCES rounds (id),
  "laoCode" text NOT NULL REFERENCES laos (code),
  state text NOT NULL CHECK (state IN ('submitted', 'returned')),
  version int NOT NULL CHECK (version >= 1),
  statuses text NOT NULL,
  overall jsonb NOT NULL,
  "updatedAt" timestamptz(3) NOT NULL DEFAULT clock_timestamp(),
  UNIQUE ("roundId", "laoCode")
);
CREATE INDEX submissions_lao ON submissions ("laoCode");

-- Every version ever received, never changed or deleted. "instanceId" is the client's id. The
-- document and results are json (kept as sent, and cheaper to write than jsonb).
CREATE TABLE submission_versions (
  id bigserial PRIMARY KEY,
  "submissionId" bigint NOT NULL REFERENCES submissions (id),
  "instanceId" text NOT NULL UNIQUE,
  version int NOT NULL CHECK (version >= 1),
  "replacesId" text,
  "receiptNumber" text NOT NULL UNIQUE,
  "contentHash" text NOT NULL,
  document json NOT NULL,
  results json NOT NULL,
  summary jsonb NOT NULL,
  "userId" int NOT NULL REFERENCES users (id),
  "tokenId" int REFERENCES tokens (id),
  "receivedAt" timestamptz(3) NOT NULL DEFAULT clock_timestamp(),
  UNIQUE ("submissionId", version),
  CHECK ((version = 1) = ("replacesId" IS NULL))
);
CREATE INDEX submission_versions_user ON submission_versions ("userId");
CREATE INDEX submission_versions_token ON submission_versions ("tokenId");

-- A province office sends a version back with comments per indicator.
CREATE TABLE submission_returns (
  id serial PRIMARY KEY,
  "submissionId" bigint NOT NULL REFERENCES submissions (id),
  version int NOT NULL,
  comments jsonb NOT NULL,
  note text,
  "returnedBy" int NOT NULL REFERENCES users (id),
  "returnedAt" timestamptz(3) NOT NULL DEFAULT clock_timestamp(),
  UNIQUE ("submissionId", version)
);
CREATE INDEX submission_returns_returned_by ON submission_returns ("returnedBy");

-- Who did what, written in the same transaction as the change.
CREATE TABLE audits (
  id bigserial PRIMARY KEY,
  action text NOT NULL,
  "actorId" int REFERENCES users (id),
  subject text,
  details jsonb NOT NULL DEFAULT '{}',
  "loggedAt" timestamptz(3) NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX audits_action ON audits (action, "loggedAt");
CREATE INDEX audits_actor ON audits ("actorId");
`,
  },
  {
    name: "002-sign-in-hardening",
    sql: `
-- Request counters shared by every server process: one row per key (an address, a device token,
-- an address's failed sign-ins) and fixed window, incremented atomically (INSERT … ON CONFLICT).
CREATE TABLE rate_limits (
  key text NOT NULL,
  "windowStart" timestamptz(3) NOT NULL,
  hits int NOT NULL CHECK (hits >= 1),
  PRIMARY KEY (key, "windowStart")
);
CREATE INDEX rate_limits_window ON rate_limits ("windowStart");

-- A token expires a set time after it was last used (sliding). Existing tokens count as used now.
ALTER TABLE tokens ADD COLUMN "lastUsedAt" timestamptz(3) NOT NULL DEFAULT clock_timestamp();

-- Codes are stored as HMAC-SHA-256 under the server's secret; rows from before this migration hold
-- unkeyed SHA-256 and are re-keyed by the server at start (see codeKey.ts).
ALTER TABLE access_codes ADD COLUMN keyed boolean NOT NULL DEFAULT false;
`,
  },
  {
    name: "003-publications",
    sql: `
-- An LAO that publishes its results for a round before the window closes (after the close, every
-- submitted result is public anyway). Unpublishing deletes the row; both are audited.
CREATE TABLE publications (
  "roundId" text NOT NULL REFERENCES rounds (id),
  "laoCode" text NOT NULL REFERENCES laos (code),
  "publishedBy" int NOT NULL REFERENCES users (id),
  "publishedAt" timestamptz(3) NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY ("roundId", "laoCode")
);
CREATE INDEX publications_lao ON publications ("laoCode");
CREATE INDEX publications_published_by ON publications ("publishedBy");
`,
  },
];
