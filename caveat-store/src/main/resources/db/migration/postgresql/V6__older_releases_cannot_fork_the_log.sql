-- A release before V4 knows only log_entry (keep in step with ../sqlite/V6__….sql). Opening a
-- store that holds compact decisions, it rebuilds its tree from log_entry alone and would append
-- its own entries at indexes log_batch already holds, forking the log (Flyway does not stop it: it
-- ignores migrations newer than its own). This refuses such a row, so the older release
-- acknowledges nothing and the log stays whole. Depends on V4 (log_batch), which ships with it.
CREATE FUNCTION log_entry_index_free() RETURNS trigger AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM log_batch WHERE NEW.idx >= first_idx AND NEW.idx < first_idx + count) THEN
    RAISE EXCEPTION 'log index taken by a compact decision: this store was written by a newer release of Caveat; open it with that release or a later one';
  END IF;
  RETURN NEW;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER log_entry_index_free BEFORE INSERT ON log_entry
  FOR EACH ROW EXECUTE FUNCTION log_entry_index_free();
