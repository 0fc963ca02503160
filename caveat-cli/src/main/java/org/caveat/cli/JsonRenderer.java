package org.caveat.cli;

import org.caveat.explain.Answer;
import org.caveat.json.AnswerWriter;
import org.caveat.json.RequestError;

/**
 * The contract output: one line of JSON per request, exactly as caveat-core's {@link AnswerWriter}
 * writes it, so CLI and library answers are byte for byte the same.
 */
final class JsonRenderer implements Renderer {
  @Override
  public void answer(Answer answer, long line, StringBuilder out) {
    out.append(AnswerWriter.toJson(answer)).append('\n');
  }

  @Override
  public void error(RequestError error, long line, StringBuilder out) {
    out.append(AnswerWriter.toJson(error)).append('\n');
  }
}
