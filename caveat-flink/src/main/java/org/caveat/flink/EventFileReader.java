package org.caveat.flink;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.connector.file.src.reader.BulkFormat;
import org.apache.flink.connector.file.src.util.CheckpointedPosition;
import org.apache.flink.connector.file.src.util.IteratorResultIterator;
import org.caveat.json.RequestWriter;
import org.caveat.replay.EventFormat;
import org.caveat.replay.EventSource;
import org.caveat.replay.ReplayEvent;
import org.caveat.replay.ReplayException;

/**
 * Reads one event file with replay's {@link EventSource}: frames each item and decodes it (parse,
 * check, map) into an {@link EventRow}, in batches. A file that cannot be read as events at all
 * (no recognisable format, an ACLED file without its header) becomes one bad row at line 0 naming
 * why, so a directory with a stray file is still replayed and nothing is lost silently.
 */
final class EventFileReader implements BulkFormat.Reader<EventRow> {
  private static final int BATCH = 256;

  private final String file;
  private final BufferedInputStream in;
  private EventSource source;
  private EventRow unreadable;
  /** Items emitted so far: the position a checkpoint records. */
  private long emitted;

  EventFileReader(String file, BufferedInputStream in, EventFormat format, String mappingFile, long emitted)
      throws IOException {
    this.file = file;
    this.in = in;
    try {
      EventFormat f = format != null ? format : EventFormat.detect(in);
      source = f.open(in, f == EventFormat.ACLED ? EventFileFormat.mapping(mappingFile) : null);
    } catch (ReplayException e) {
      unreadable = new EventRow(file, 0, null, null, null, "the file cannot be read as events: " + e.getMessage());
    }
    for (long i = 0; i < emitted; i++) {
      if (source == null) unreadable = null;
      else if (source.next() == null) break;
    }
    this.emitted = emitted;
  }

  @Override
  public BulkFormat.RecordIterator<EventRow> readBatch() throws IOException {
    List<EventRow> batch = new ArrayList<>(BATCH);
    if (source == null) {
      if (unreadable != null) batch.add(unreadable);
      unreadable = null;
    } else {
      EventSource.Framed item;
      while (batch.size() < BATCH && (item = source.next()) != null) batch.add(row(file, source.decode(item, null)));
    }
    if (batch.isEmpty()) return null;
    IteratorResultIterator<EventRow> records =
        new IteratorResultIterator<>(batch.iterator(), CheckpointedPosition.NO_OFFSET, emitted);
    emitted += batch.size();
    return records;
  }

  /** A decoded event as the row that travels to the decide task. */
  static EventRow row(String file, ReplayEvent e) {
    if (e.isBad()) return new EventRow(file, e.line(), e.id(), null, null, e.bad());
    if (e.request() == null) return new EventRow(file, e.line(), e.id(), null, e.unattributed().toArray(String[]::new), null);
    return new EventRow(file, e.line(), e.id(), RequestWriter.toJson(e.request()), null, null);
  }

  @Override
  public void close() throws IOException {
    if (source != null) source.close();
    in.close();
  }
}
