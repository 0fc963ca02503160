-- Caveat store schema V2, PostgreSQL dialect (keep in step with ../sqlite/V2__published_versions_in_the_log.sql).
-- Published versions become entries of the decision log, so that the log's root covers policy
-- changes as well as decisions. kind = 'decision' rows keep the leaf format caveat-log-leaf/1;
-- kind = 'version' rows use caveat-log-leaf/2, which hashes the kind too (see the store README).
-- Versions published before V2 are logged by the store when it applies this migration.
ALTER TABLE log_entry ADD COLUMN kind TEXT NOT NULL DEFAULT 'decision' CHECK (kind IN ('decision', 'version'));

-- Published versions are few: the server reads them at every start.
CREATE INDEX log_entry_version ON log_entry (idx) WHERE kind = 'version';
