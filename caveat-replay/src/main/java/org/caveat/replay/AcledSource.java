package org.caveat.replay;

import java.io.BufferedReader;
import java.io.IOException;
import java.time.Instant;

/**
 * ACLED CSV: a header line naming the columns, then one event per record. Records are framed by
 * {@link CsvRecordFramer} on the reading thread and parsed, checked and mapped on the workers.
 */
public final class AcledSource implements EventSource {
  private final BufferedReader in;
  private final CsvRecordFramer framer;
  private final AcledDecoder decoder;
  private final Mapping mapping;

  /** @throws ReplayException when the input is empty or the header lacks a needed column */
  public AcledSource(BufferedReader in, Mapping mapping) throws IOException {
    this.in = in;
    this.framer = new CsvRecordFramer(in);
    this.mapping = mapping;
    CsvRecordFramer.Framed header = framer.next();
    if (header == null) throw new ReplayException("the input is empty: an ACLED file starts with a header line");
    if (header.error() != null) throw new ReplayException("line " + header.line() + ": " + header.error());
    this.decoder = AcledDecoder.forHeader(header.text());
  }

  @Override
  public Framed next() throws IOException {
    CsvRecordFramer.Framed f = framer.next();
    return f == null ? null : new Framed(f.line(), f.text(), f.error());
  }

  @Override
  public ReplayEvent decode(Framed item, Instant asOf) {
    if (item.error() != null) return ReplayEvent.bad(item.line(), null, item.error());
    String[] row = null;
    try {
      row = decoder.decode((String) item.content());
      Mapping.Mapped m = mapping.apply(row, asOf);
      String id = row[AcledColumns.EVENT_ID].isEmpty() ? null : row[AcledColumns.EVENT_ID];
      if (m.request() == null) return ReplayEvent.unattributed(item.line(), id, m.unknown());
      return new ReplayEvent(item.line(), m.request().id(), m.request(), null, java.util.List.of(), null, null);
    } catch (BadRow e) {
      String id = e.eventId() != null ? e.eventId() : row == null ? null : row[AcledColumns.EVENT_ID];
      return ReplayEvent.bad(item.line(), id, e.getMessage());
    } catch (IllegalArgumentException e) {
      // A value the request model refuses that the checks above missed: still only this row is lost.
      return ReplayEvent.bad(item.line(), row == null ? null : row[AcledColumns.EVENT_ID],
          "cannot form a request: " + e.getMessage());
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
