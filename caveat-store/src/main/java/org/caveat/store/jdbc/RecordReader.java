package org.caveat.store.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.caveat.store.DecisionEntry;
import org.caveat.store.LogEntry;
import org.caveat.store.LogRecord;
import org.caveat.store.StoreException;
import org.caveat.store.merkle.Rfc6962;

/** Turns the rows of {@link LogRows#scan} (with content) into {@link LogRecord}s of {@code from..to-1}. */
final class RecordReader implements LogRows.Visitor {

  private final long from;
  private final long to;
  private final Consumer<LogRecord> sink;

  RecordReader(long from, long to, Consumer<LogRecord> sink) {
    this.from = from;
    this.to = to;
    this.sink = sink;
  }

  @Override
  public void single(long idx, ResultSet rs) throws SQLException {
    String kind = rs.getString(9);
    List<String> hashes;
    Instant time;
    try {
      hashes = LeafCodec.parseHashes(rs.getString(7));
      time = Instant.parse(rs.getString(4));
    } catch (RuntimeException e) {
      throw damaged(idx, e);
    }
    LogEntry e = new LogEntry(rs.getString(3), time, rs.getString(5), rs.getString(6), hashes);
    sink.accept(new LogRecord(idx, e, Rfc6962.hex(rs.getBytes(2)), kind, LeafCodec.DECISION.equals(kind) ? 1 : 2,
        null));
  }

  @Override
  public void batch(LogRows.Batch b) {
    List<byte[]> leaves;
    try {
      leaves = CompactChunk.leaves(b.entries(), b.count());
    } catch (IllegalArgumentException e) {
      throw damaged(Math.max(b.first(), from), e);
    }
    for (long idx = Math.max(b.first(), from); idx < Math.min(b.end(), to); idx++) {
      int i = (int) (idx - b.first());
      DecisionEntry d;
      try {
        d = CompactLeaf.decode(leaves.get(i));
      } catch (IllegalArgumentException e) {
        throw damaged(idx, e);
      }
      LogEntry e = new LogEntry(d.id(), d.time(), d.requestJson(), null, d.versionHashes());
      sink.accept(new LogRecord(idx, e, Rfc6962.hex(b.leafHash(i)), LogRecord.DECISION, 3, d));
    }
  }

  private static StoreException damaged(long idx, RuntimeException e) {
    return new StoreException("log entry " + idx + " is damaged (" + e.getMessage() + "); run `caveat log verify`", e);
  }
}
