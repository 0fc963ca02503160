package org.caveat.server.decide;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.caveat.explain.Answer;
import org.caveat.json.AnswerWriter;
import org.caveat.json.Json;

/**
 * An answer rendered straight to UTF-8 by core's {@link AnswerWriter} on a UTF-8 generator: the
 * bytes of {@code AnswerWriter.toJson(a, quotes)} encoded as UTF-8, without the String between
 * (and with the writer's shared fragments copied as the bytes they are kept as).
 */
final class AnswerBytes {
  /**
   * Caveat's generator settings, with a surrogate pair (a character outside the BMP, e.g. in a
   * request id the answer echoes) written as its four UTF-8 bytes, as encoding the String does;
   * Jackson's UTF-8 generator would otherwise write it as two {@code \}{@code u} escapes.
   */
  static final JsonFactory UTF8 = Json.FACTORY.rebuild()
      .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8).build();

  private AnswerBytes() {}

  /**
   * One buffer per thread, emptied for each answer and copied out at its exact size: a new one per
   * answer (1 KiB, cleared on allocation) was a fifth of rendering a batch's answers.
   */
  private static final ThreadLocal<ByteArrayOutputStream> BUFFERS =
      ThreadLocal.withInitial(() -> new ByteArrayOutputStream(4096));

  /**
   * One buffer per thread for a group's answers on their way to the response: a new one per group
   * (512 KiB, cleared on allocation) cost as much as copying the answers into it.
   */
  private static final ThreadLocal<ByteArrayOutputStream> GROUPS =
      ThreadLocal.withInitial(() -> new ByteArrayOutputStream(BatchWriter.GROUP * 1024));

  /** This thread's group buffer, empty; hand it back with {@link #release} once written. */
  static ByteArrayOutputStream groupBuffer() {
    ByteArrayOutputStream out = GROUPS.get();
    out.reset();
    return out;
  }

  /**
   * After {@link #groupBuffer()}'s use: one grown past 1 MiB (answers with quotes, say) is let go,
   * so a server's threads keep little more than their 512 KiB each.
   */
  static void release(ByteArrayOutputStream group) {
    if (group.size() > 1 << 20) GROUPS.remove();
  }

  static byte[] of(Answer a, boolean quotes) {
    ByteArrayOutputStream out = buffer();
    try (JsonGenerator g = UTF8.createGenerator(out)) {
      AnswerWriter.write(a, quotes, g);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return take(out);
  }

  /** The bytes written to this thread's {@link #buffer()}; a buffer grown large is let go rather than kept. */
  static byte[] take(ByteArrayOutputStream out) {
    byte[] bytes = out.toByteArray();
    if (bytes.length > 64 << 10) BUFFERS.remove();
    return bytes;
  }

  /** This thread's buffer, empty; what it holds is valid until the thread's next call ({@link #take}). */
  static ByteArrayOutputStream buffer() {
    ByteArrayOutputStream out = BUFFERS.get();
    out.reset();
    return out;
  }
}
