package org.caveat.replay;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.caveat.json.AnswerWriter;
import org.caveat.json.Json;
import org.caveat.json.RequestError;

/**
 * The decisions output: one NDJSON line per decided or unattributed event, in input order. A
 * decided event's line is exactly {@code caveat check}'s answer ({@link AnswerWriter}) with one
 * extra top-level field, {@code "line"} (the event's input line), appended last; an unattributed
 * event is an error record ({@code event.unattributed}) naming what is unknown. Bad rows are not
 * written here (they are reported on stderr and counted), unless rendering for a map. Thread-safe; each batch is used by one
 * thread.
 */
public final class DecisionRenderer {
  private final boolean withSources;
  private final boolean forMap;

  /** @param withSources add the full record of every cited source ({@code --quotes}) */
  public DecisionRenderer(boolean withSources) {
    this(withSources, false);
  }

  /**
   * @param forMap also write each decided event's {@code "lat"}, {@code "lon"} and {@code "time"}
   *     (the instant it was decided at, ISO 8601) after {@code "line"}, and each bad row in place as an error record ({@code event.bad}), for a
   *     reader that has no stderr, such as the service's event route
   */
  public DecisionRenderer(boolean withSources, boolean forMap) {
    this.withSources = withSources;
    this.forMap = forMap;
  }

  /** One batch's output under construction. */
  public final class Batch {
    private final ByteArrayOutputStream bytes;
    private final JsonGenerator g;

    Batch(int size) {
      bytes = new ByteArrayOutputStream(Math.max(1024, size * 800));
      try {
        g = Json.FACTORY.createGenerator(bytes);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    public void add(ReplayEvent e) {
      if (e.isBad() && !forMap) return;
      try {
        if (e.answer() == null && e.request() != null) return;
        g.writeStartObject();
        if (e.isBad()) {
          AnswerWriter.writeFields(new RequestError(e.id(), "event.bad", e.bad(), "line " + e.line()), g);
        } else if (e.answer() != null) {
          AnswerWriter.writeFields(e.answer(), withSources, g);
        } else {
          AnswerWriter.writeFields(new RequestError(e.id(), "event.unattributed", String.join(", ", e.unattributed())
              + (e.unattributed().size() == 1 ? " is" : " are") + " unknown: the row does not say, so it cannot be"
              + " decided (see the mapping)", "line " + e.line()), g);
        }
        g.writeNumberField("line", e.line());
        if (forMap && e.answer() != null && e.request().targetLocation() != null) {
          g.writeNumberField("lat", e.request().targetLocation().lat());
          g.writeNumberField("lon", e.request().targetLocation().lon());
          g.writeStringField("time", e.request().time().toString());
        }
        g.writeEndObject();
        g.writeRaw('\n');
      } catch (IOException x) {
        throw new UncheckedIOException(x);
      }
    }

    public byte[] bytes() {
      try {
        g.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return bytes.toByteArray();
    }
  }

  public Batch batch(int size) {
    return new Batch(size);
  }
}
