package org.caveat.replay;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import org.caveat.json.AnswerLines;
import org.caveat.json.AnswerWriter;
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

  /** One batch's output under construction: core's {@link AnswerLines}, as in {@code caveat check}. */
  public final class Batch {
    private final AnswerLines lines;

    Batch(int size) {
      lines = new AnswerLines(size * 800);
    }

    public void add(ReplayEvent e) {
      if (e.isBad() && !forMap) return;
      if (e.answer() == null && e.request() != null) return;
      if (e.isBad()) {
        lines.error(new RequestError(e.id(), "event.bad", e.bad(), "line " + e.line()), g -> line(e, g));
      } else if (e.answer() != null) {
        lines.answer(e.answer(), withSources, g -> line(e, g));
      } else {
        lines.error(new RequestError(e.id(), "event.unattributed", String.join(", ", e.unattributed())
            + (e.unattributed().size() == 1 ? " is" : " are") + " unknown: the row does not say, so it cannot be"
            + " decided (see the mapping)", "line " + e.line()), g -> line(e, g));
      }
    }

    /** The replay's own fields after the answer's or the error's: the input line, and the place for a map. */
    private void line(ReplayEvent e, JsonGenerator g) throws IOException {
      g.writeNumberField("line", e.line());
      if (forMap && e.answer() != null && e.request().targetLocation() != null) {
        g.writeNumberField("lat", e.request().targetLocation().lat());
        g.writeNumberField("lon", e.request().targetLocation().lon());
        g.writeStringField("time", e.request().time().toString());
      }
    }

    public byte[] bytes() {
      return lines.bytes();
    }
  }

  public Batch batch(int size) {
    return new Batch(size);
  }
}
