-- Caveat store schema, SQLite dialect (keep in step with ../postgresql/V1__store_schema.sql).
-- Times are ISO-8601 UTC text (Instant.toString), exactly as hashed into log leaves.

-- The decision log: one row per leaf of the RFC 6962 Merkle tree. leaf_hash is computed from the
-- row's content including idx; root_after is the tree hash of entries 0..idx.
CREATE TABLE log_entry (
  idx            INTEGER PRIMARY KEY,
  id             TEXT    NOT NULL,
  time_utc       TEXT    NOT NULL,
  request        TEXT    NOT NULL,
  answer         TEXT    NOT NULL,
  version_hashes TEXT    NOT NULL,
  leaf_hash      BLOB    NOT NULL,
  root_after     BLOB    NOT NULL
);

-- The committed head, rewritten by every group commit, so that a truncated tail is noticed.
CREATE TABLE log_checkpoint (
  one  INTEGER PRIMARY KEY CHECK (one = 1),
  size INTEGER NOT NULL,
  root BLOB    NOT NULL
);

-- Bearer tokens: only the SHA-256 of the secret is kept. roles: space-separated, sorted.
CREATE TABLE access_token (
  name          TEXT PRIMARY KEY,
  secret_sha256 TEXT NOT NULL UNIQUE,
  roles         TEXT NOT NULL,
  created_at    TEXT NOT NULL,
  revoked_at    TEXT
);

CREATE TABLE change_request (
  seq          INTEGER PRIMARY KEY AUTOINCREMENT,
  grant_name   TEXT NOT NULL,
  version      TEXT NOT NULL,
  in_force     TEXT NOT NULL,
  author       TEXT NOT NULL,
  state        TEXT NOT NULL CHECK (state IN ('SUBMITTED', 'APPROVED', 'REJECTED', 'PUBLISHED')),
  yaml         TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  impact       TEXT
);

CREATE TABLE change_request_step (
  cr_seq    INTEGER NOT NULL REFERENCES change_request (seq),
  step_no   INTEGER NOT NULL,
  action    TEXT    NOT NULL,
  principal TEXT    NOT NULL,
  at_utc    TEXT    NOT NULL,
  comment   TEXT,
  PRIMARY KEY (cr_seq, step_no)
);

CREATE TABLE published_version (
  seq          INTEGER PRIMARY KEY AUTOINCREMENT,
  grant_name   TEXT    NOT NULL,
  version      TEXT    NOT NULL,
  yaml         TEXT    NOT NULL,
  content_hash TEXT    NOT NULL,
  cr_seq       INTEGER NOT NULL REFERENCES change_request (seq),
  published_at TEXT    NOT NULL,
  UNIQUE (grant_name, version)
);
