package org.caveat.json;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import org.caveat.explain.Answer;

/**
 * A batch of NDJSON lines in UTF-8: answers and request errors exactly as {@link AnswerWriter}
 * writes them, one per line, through one generator and without intermediate strings. The batch
 * renderer of {@code caveat check}, {@code caveat replay} and the service's event route, so their
 * lines are byte for byte the library's. Each instance is used by one thread.
 */
public final class AnswerLines {
  /** Fields a writer appends to a record after the answer's or the error's own (the replay's {@code "line"}). */
  public interface Extra {
    void write(JsonGenerator g) throws IOException;
  }

  private final LineBuffer bytes;
  private final JsonGenerator g;

  /** @param capacity the expected size in bytes (a sizing hint) */
  public AnswerLines(int capacity) {
    this(new LineBuffer(Math.max(1024, capacity)));
  }

  /**
   * Lines written into {@code buffer}, after what it holds; a caller that renders many batches
   * reuses a few buffers ({@link LineBuffer#reset}) and writes each out with {@link #writeTo}.
   */
  public AnswerLines(LineBuffer buffer) {
    bytes = buffer;
    try {
      g = Json.FACTORY.createGenerator(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One answer line; {@code withSources} adds the full record of every cited source. */
  public void answer(Answer answer, boolean withSources) {
    try {
      AnswerWriter.write(answer, withSources, g);
      g.writeRaw('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One answer line with {@code extra}'s fields after the answer's. */
  public void answer(Answer answer, boolean withSources, Extra extra) {
    try {
      g.writeStartObject();
      AnswerWriter.writeFields(answer, withSources, g);
      end(extra);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One error line. */
  public void error(RequestError error) {
    try {
      AnswerWriter.write(error, g);
      g.writeRaw('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One error line with {@code extra}'s fields after the error's. */
  public void error(RequestError error, Extra extra) {
    try {
      g.writeStartObject();
      AnswerWriter.writeFields(error, g);
      end(extra);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void end(Extra extra) throws IOException {
    extra.write(g);
    g.writeEndObject();
    g.writeRaw('\n');
  }

  /** The lines written so far, in order; the batch is finished. */
  public byte[] bytes() {
    finish();
    return bytes.toByteArray();
  }

  /** Writes the lines written so far to {@code out}, in order, without copying them; the batch is finished. */
  public void writeTo(OutputStream out) throws IOException {
    finish();
    bytes.writeTo(out);
  }

  /** Flushes the generator's buffer into the line buffer (closing it is idempotent). */
  private void finish() {
    try {
      g.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
