-- Every policy version text the service decided with, by content hash (keep in step with
-- ../sqlite/V5__version_texts.sql). Depends on V1 alone (Flyway runs with outOfOrder).
--
-- A compact log entry pins the versions that decided it by content hash, and its answer is
-- rebuilt by deciding again, so each pinned text must stay loadable by that hash even after a
-- release edits or drops a built-in pack file. Rows are only ever added: content_hash is
-- "sha256:" and the hex SHA-256 of the text (CRLF read as LF), as a version's content hash.
CREATE TABLE version_text (
  content_hash TEXT PRIMARY KEY,
  file_name    TEXT NOT NULL,
  yaml         TEXT NOT NULL,
  recorded_at  TEXT NOT NULL
);

-- Versions published before this migration; the server records the others (pack versions) when
-- it starts. A text published twice under one hash is kept once, with its first publication.
INSERT INTO version_text (content_hash, file_name, yaml, recorded_at)
  SELECT content_hash, grant_name || '/' || version || '.yaml', yaml, published_at FROM published_version p
  WHERE p.seq = (SELECT MIN(q.seq) FROM published_version q WHERE q.content_hash = p.content_hash);
