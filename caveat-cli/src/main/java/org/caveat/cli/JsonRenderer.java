package org.caveat.cli;

import org.caveat.explain.Answer;
import org.caveat.json.AnswerLines;
import org.caveat.json.AnswerWriter;
import org.caveat.json.RequestError;

/**
 * The contract output: one line of JSON per request, exactly as caveat-core's {@link AnswerWriter}
 * writes it, so CLI and library answers are byte for byte the same. A batch is core's
 * {@link AnswerLines}, as in {@code caveat replay}.
 */
final class JsonRenderer implements Renderer {
  private final boolean withSources;

  /** @param withSources add the full record of every cited source to each answer */
  JsonRenderer(boolean withSources) {
    this.withSources = withSources;
  }

  @Override
  public Batch batch(int size) {
    // An answer averages ~820 bytes without --quotes: a buffer sized above that never grows, which
    // saves copying the batch (a few MB each) while it is written.
    AnswerLines lines = new AnswerLines(size * 1024);
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
        return lines.bytes();
      }
    };
  }
}
