package org.caveat.replay;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import org.caveat.json.InputLines;

/**
 * ACLED CSV: a header line naming the columns, then one event per record. Records are framed by
 * {@link CsvRecordFramer} on the reading thread and parsed, checked and mapped on the workers.
 */
public final class AcledSource implements EventSource {
  private final InputLines in;
  private final CsvRecordFramer framer;
  private final AcledDecoder decoder;
  private final Mapping mapping;

  /** @throws ReplayException when the input is empty or the header lacks a needed column */
  public AcledSource(InputStream in, Mapping mapping) throws IOException {
    this.in = new InputLines(in);
    this.framer = new CsvRecordFramer(this.in);
    this.mapping = mapping;
    CsvRecordFramer.Framed header = framer.next();
    if (header == null) throw new ReplayException("the input is empty: an ACLED file starts with a header line");
    if (header.error() != null) throw new ReplayException("line " + header.line() + ": " + header.error());
    this.decoder = AcledDecoder.forHeader(header.text(), mapping::reads);
    framer.width(decoder.width());
  }

  @Override
  public Framed next() throws IOException {
    CsvRecordFramer.Framed f = framer.next();
    return f == null ? null : new Framed(f.line(), f, f.error());
  }

  @Override
  public ReplayEvent decode(Framed item, Instant asOf) {
    if (item.error() != null) return ReplayEvent.bad(item.line(), null, item.error());
    CsvRecordFramer.Framed record = (CsvRecordFramer.Framed) item.content();
    String[] row = null;
    try {
      row = decoder.decode(record.text());
      Mapping.Mapped m = mapping.apply(row, asOf);
      String id = row[AcledColumns.EVENT_ID].isEmpty() ? null : row[AcledColumns.EVENT_ID];
      if (m.request() == null) return ReplayEvent.unattributed(item.line(), id, m.unknown());
      return new ReplayEvent(item.line(), m.request().id(), m.request(), null, java.util.List.of(), null, null);
    } catch (BadRow e) {
      String id = e.eventId() != null ? e.eventId() : row == null ? null : row[AcledColumns.EVENT_ID];
      return ReplayEvent.bad(item.line(), id, spanned(record, e.getMessage()));
    } catch (IllegalArgumentException e) {
      // A value the request model refuses that the checks above missed: still only this row is lost.
      return ReplayEvent.bad(item.line(), row == null ? null : row[AcledColumns.EVENT_ID],
          spanned(record, "cannot form a request: " + e.getMessage()));
    }
  }

  /** A record over several lines names them all. */
  private static String spanned(CsvRecordFramer.Framed record, String reason) {
    return record.lastLine() == record.line() ? reason
        : "(the record on lines " + record.line() + "-" + record.lastLine() + ") " + reason;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
