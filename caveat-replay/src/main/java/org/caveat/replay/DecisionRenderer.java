package org.caveat.replay;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.caveat.json.AnswerWriter;
import org.caveat.json.Json;
import org.caveat.json.RequestError;

/**
 * The decisions output: one NDJSON line per decided or unattributed event, in input order. A
 * decided event's line is exactly {@code caveat check}'s answer ({@link AnswerWriter}) with one
 * extra top-level field, {@code "line"} (the event's input line), appended last; an unattributed
 * event is an error record ({@code event.unattributed}) naming what is unknown. Bad rows are not
 * written here (they are reported on stderr and counted). Thread-safe; each batch is used by one
 * thread.
 */
public final class DecisionRenderer {
  private final boolean withSources;

  /** @param withSources add the full record of every cited source ({@code --quotes}) */
  public DecisionRenderer(boolean withSources) {
    this.withSources = withSources;
  }

  /** A growable buffer whose last byte can be taken back (the answer's closing brace). */
  private static final class Buffer extends ByteArrayOutputStream {
    Buffer(int size) {
      super(size);
    }

    void dropClosingBrace() {
      if (count > 0 && buf[count - 1] == '}') count--;
      else throw new IllegalStateException("an answer does not end with }");
    }
  }

  /** One batch's output under construction. */
  public final class Batch {
    private final Buffer bytes;
    private final JsonGenerator g;

    Batch(int size) {
      bytes = new Buffer(Math.max(1024, size * 800));
      try {
        g = Json.FACTORY.createGenerator(bytes);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    public void add(ReplayEvent e) {
      if (e.isBad()) return;
      try {
        if (e.answer() != null) {
          AnswerWriter.write(e.answer(), withSources, g);
        } else if (e.request() == null) {
          AnswerWriter.write(new RequestError(e.id(), "event.unattributed", String.join(", ", e.unattributed())
              + (e.unattributed().size() == 1 ? " is" : " are") + " unknown: the row does not say, so it cannot be"
              + " decided (see the mapping)", "line " + e.line()), g);
        } else {
          return;
        }
        g.flush();
        bytes.dropClosingBrace();
        bytes.write((",\"line\":" + e.line() + "}\n").getBytes(StandardCharsets.US_ASCII));
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
