-- A release before V4 knows only log_entry (keep in step with ../postgresql/V6__….sql). Opening a
-- store that holds compact decisions, it rebuilds its tree from log_entry alone and would append
-- its own entries at indexes log_batch already holds, forking the log (Flyway does not stop it: it
-- ignores migrations newer than its own). This refuses such a row, so the older release
-- acknowledges nothing and the log stays whole. Depends on V4 (log_batch), which ships with it.
CREATE TRIGGER log_entry_index_free BEFORE INSERT ON log_entry
WHEN EXISTS (SELECT 1 FROM log_batch WHERE NEW.idx >= first_idx AND NEW.idx < first_idx + count)
BEGIN
  SELECT RAISE(ABORT, 'log index taken by a compact decision: this store was written by a newer release of Caveat; open it with that release or a later one');
END;
