package org.caveat.cli;

import org.caveat.explain.Answer;
import org.caveat.json.RequestError;

/**
 * Turns one answer or one request error into output text. Implementations append to a builder
 * supplied by the caller, so a whole batch becomes one string written with a single call, and must
 * be thread-safe: batches are rendered on several threads at once.
 */
interface Renderer {
  /** @param line the input line the request starts on */
  void answer(Answer answer, long line, StringBuilder out);

  /** @param line the input line the malformed item starts on */
  void error(RequestError error, long line, StringBuilder out);
}
