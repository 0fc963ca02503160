package org.caveat.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.caveat.explain.Answer;
import org.caveat.json.AnswerWriter;
import org.caveat.json.Json;
import org.caveat.json.RequestError;

/**
 * The contract output: one line of JSON per request, exactly as caveat-core's {@link AnswerWriter}
 * writes it, so CLI and library answers are byte for byte the same. A batch is written straight
 * to UTF-8 through one generator, without intermediate strings.
 */
final class JsonRenderer implements Renderer {
  private final boolean withSources;

  /** @param withSources add the full record of every cited source to each answer */
  JsonRenderer(boolean withSources) {
    this.withSources = withSources;
  }

  @Override
  public Batch batch(int size) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(Math.max(1024, size * 700));
    JsonGenerator g;
    try {
      g = Json.FACTORY.createGenerator(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Batch() {
      @Override
      public void answer(Answer answer, long line) {
        try {
          AnswerWriter.write(answer, withSources, g);
          g.writeRaw('\n');
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }

      @Override
      public void error(RequestError error, long line) {
        try {
          AnswerWriter.write(error, g);
          g.writeRaw('\n');
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }

      @Override
      public byte[] bytes() {
        try {
          g.close();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
      }
    };
  }
}
