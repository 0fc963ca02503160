package org.caveat.cli;

import org.caveat.explain.Answer;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.caveat.json.AnswerLines;
import org.caveat.json.AnswerWriter;
import org.caveat.json.LineBuffer;
import org.caveat.json.RequestError;

/**
 * The contract output: one line of JSON per request, exactly as caveat-core's {@link AnswerWriter}
 * writes it, so CLI and library answers are byte for byte the same. A batch is core's
 * {@link AnswerLines}, as in {@code caveat replay}.
 */
final class JsonRenderer implements Renderer {
  private final boolean withSources;
  /**
   * Buffers of batches already written, for the next batches: a run keeps about as many as it has
   * batches in flight (a few MB) and allocates nothing per batch for its output, which saves the
   * young collections that allocation would cost and the copying of batches still queued.
   */
  private final Queue<LineBuffer> free = new ConcurrentLinkedQueue<>();

  /** @param withSources add the full record of every cited source to each answer */
  JsonRenderer(boolean withSources) {
    this.withSources = withSources;
  }

  @Override
  public Batch batch(int size) {
    // An answer averages ~820 bytes without --quotes: a buffer sized above that never grows, which
    // saves copying the batch (a few MB each) while it is written.
    LineBuffer buffer = free.poll();
    if (buffer == null) buffer = new LineBuffer(size * 1024);
    else buffer.reset();
    LineBuffer own = buffer;
    AnswerLines lines = new AnswerLines(own);
    return new Batch() {
      @Override
      public void answer(Answer answer, long line) {
        lines.answer(answer, withSources);
      }

      @Override
      public void error(RequestError error, long line) {
        lines.error(error);
      }

      @Override
      public byte[] bytes() {
        byte[] b = lines.bytes();
        free.offer(own);
        return b;
      }

      @Override
      public void writeTo(OutputStream out) throws IOException {
        try {
          lines.writeTo(out);
        } finally {
          free.offer(own);
        }
      }
    };
  }
}
