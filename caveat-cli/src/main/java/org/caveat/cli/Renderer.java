package org.caveat.cli;

import org.caveat.explain.Answer;
import org.caveat.json.RequestError;

/**
 * Turns answers and request errors into output bytes, a batch at a time: a whole batch becomes
 * one byte array written with a single call. Renderers must be thread-safe (batches are rendered
 * on several threads at once); each {@link Batch} is used by one thread.
 */
interface Renderer {
  /** A batch's output under construction. */
  interface Batch {
    /** @param line the input line the request starts on */
    void answer(Answer answer, long line);

    /** @param line the input line the malformed item starts on */
    void error(RequestError error, long line);

    /** The batch's output, in the order answers and errors were added. */
    byte[] bytes();

    /**
     * Writes the batch's output to {@code out}; the batch is finished and is not used again (a
     * renderer may then reuse its buffer for another batch).
     */
    default void writeTo(java.io.OutputStream out) throws java.io.IOException {
      out.write(bytes());
    }
  }

  /** @param size how many items the batch will hold (a sizing hint) */
  Batch batch(int size);
}
