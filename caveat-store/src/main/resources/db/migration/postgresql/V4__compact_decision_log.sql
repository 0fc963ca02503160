-- Compact decisions, leaf format caveat-log-leaf/3 (keep in step with ../sqlite/V4__compact_decision_log.sql).
-- Depends on V1 alone (Flyway runs with outOfOrder).
--
-- A decision is logged as what determines its answer (request, time, pinned version hashes,
-- what-if overrides, verdict and determining rules), not as the rendered answer, and the decisions
-- of one commit share one row: entries holds their framed leaf bytes, gzip-compressed; leaf_hashes
-- their 32-byte leaf hashes one after another; root_after the tree hash after the last one.
-- Existing log_entry rows (formats 1 and 2) stay as they are: the tree is append-only, so no leaf
-- hash may change. New decisions go here; published versions stay in log_entry.
CREATE TABLE log_batch (
  first_idx   BIGINT  PRIMARY KEY,
  count       INTEGER NOT NULL CHECK (count > 0),
  entries     BYTEA   NOT NULL,
  leaf_hashes BYTEA   NOT NULL,
  root_after  BYTEA   NOT NULL
);
