package org.caveat.replay;

import java.io.IOException;
import java.time.Instant;

/**
 * A sequential reader of events in one input format. {@link #next()} only frames the input (it
 * runs on the reading thread, the one sequential stage); {@link #decode} turns a framed item into
 * a request or a bad row and runs on worker threads, so it must be thread-safe.
 */
public interface EventSource extends AutoCloseable {
  /** One framed input item: the line it starts on and its undecoded content, or a framing error. */
  record Framed(long line, Object content, String error) {}

  /** The next item, or null at the end of the input. */
  Framed next() throws IOException;

  /** A framed item decoded into a request, an unattributed event or a bad row (never throws for bad input). */
  ReplayEvent decode(Framed item, Instant asOf);

  @Override
  void close() throws IOException;
}
