package org.caveat.server.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.concurrent.TimeoutException;
import org.caveat.server.problem.Problem;
import org.caveat.server.problem.Problems;

/**
 * A request body read within the service's limits: at most {@code maxBytes} bytes, and at most
 * {@code readBudgetNanos} spent waiting for them in total. The budget counts only the time a read
 * blocks, so a large batch the server decides while reading is not cut short by its own work,
 * while a client trickling bytes runs out of budget and frees its thread (408).
 *
 * <p>Once a limit is crossed every further read fails with a {@link LimitException} carrying the
 * problem ({@link #failure()}); callers that already answered part of a batch report it in place.
 */
public final class BodyStream extends InputStream {
  /** Thrown once a limit is crossed; IOException so that readers over this stream stop at once. */
  public static final class LimitException extends IOException {
    private final transient Problem problem;

    LimitException(Problem problem) {
      super(problem.detail(), null);
      this.problem = problem;
    }

    public Problem problem() {
      return problem;
    }
  }

  /** The most bytes a declared length reserves before they arrive. */
  static final int DECLARED_AT_ONCE = 1 << 20;

  private final InputStream in;
  private final long declared;
  private final long maxBytes;
  private final long readBudgetNanos;
  private final String limit;
  private final String advice;
  private long bytes;
  private long waitedNanos;
  private Problem failure;

  /**
   * @param limit names the size limit in its problem ("the limit (--max-body-bytes)")
   * @param advice what a client over the limit can do instead ("split it into several requests")
   */
  public BodyStream(InputStream in, long maxBytes, long readBudgetNanos, String limit, String advice) {
    this(in, -1, maxBytes, readBudgetNanos, limit, advice);
  }

  /**
   * As {@link #BodyStream(InputStream, long, long, String, String)} for a body whose length the
   * request declares ({@code Content-Length}; -1 when it does not), which {@link #readUpTo} then
   * reads into an array of that size at once.
   */
  public BodyStream(InputStream in, long declared, long maxBytes, long readBudgetNanos, String limit, String advice) {
    this.in = in;
    this.declared = declared;
    this.maxBytes = maxBytes;
    this.readBudgetNanos = readBudgetNanos;
    this.limit = limit;
    this.advice = advice;
  }

  /** The limit crossed (413, 408, or 400 when the connection failed), or null. */
  public Problem failure() {
    return failure;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (failure != null) throw new LimitException(failure);
    if (len == 0) return 0;
    long start = System.nanoTime();
    int n;
    try {
      // One byte beyond the limit is enough to know it is crossed.
      n = in.read(b, off, (int) Math.min(len, maxBytes - bytes + 1));
    } catch (IOException e) {
      throw fail(timedOut(e) ? timeout() : Problems.badRequest("the request body could not be read to its end: "
          + e.getMessage() + " (the client closed the connection, or sent nothing for the idle timeout)").problem());
    }
    waitedNanos += System.nanoTime() - start;
    if (n > 0) bytes += n;
    if (bytes > maxBytes) {
      throw fail(Problems.tooLarge("the body is larger than " + maxBytes + " bytes, " + limit + "; " + advice)
          .problem());
    }
    if (n >= 0 && waitedNanos > readBudgetNanos) throw fail(timeout());
    return n;
  }

  private Problem timeout() {
    return Problems.timeout("the request body arrived too slowly: the server waited more than "
        + readBudgetNanos / 1_000_000_000L + " s for it in total (--body-read-timeout); send it at once").problem();
  }

  private static boolean timedOut(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) if (t instanceof TimeoutException) return true;
    return false;
  }

  private LimitException fail(Problem p) {
    failure = p;
    return new LimitException(p);
  }

  /** Up to {@code max} bytes, fewer only at the end of the body. */
  public byte[] readUpTo(int max) throws IOException {
    // Read straight into the result: most bodies are a single request of a few hundred bytes, for
    // which two 8 KiB buffers per request cost more than the read. A declared length sizes it at
    // once (a batch of 1,000 grown by doubling from 1 KiB was copied ten times and cut once), up to
    // 1 MiB: the declaration is the client's word, and a client declaring the limit and sending
    // nothing must not make the server hold the limit per connection. Without one, past 1 MiB, or
    // if the body goes on past it, it grows by doubling.
    byte[] buf = new byte[(int) Math.min(max, declared >= 0 ? Math.min(declared, DECLARED_AT_ONCE) : 1024)];
    int size = 0;
    while (size < max) {
      if (size == buf.length) {
        int next = size == declared ? read() : 0; // at the declared end: the end of the body, surely
        if (next < 0) break;
        buf = Arrays.copyOf(buf, (int) Math.min(max, Math.max(1024, 2L * buf.length)));
        if (size == declared) buf[size++] = (byte) next;
        continue;
      }
      int n = read(buf, size, buf.length - size);
      if (n <= 0) break;
      size += n;
    }
    return size == buf.length ? buf : Arrays.copyOf(buf, size);
  }

  /**
   * How much of a body past its size limit {@link #drain()} still reads and drops (as Tomcat's
   * maxSwallowSize): a client still sending when the response ends would otherwise have its
   * connection reset, which can destroy the response before the client reads it.
   */
  public static final long SWALLOW_BYTES = 4L << 20;

  /**
   * Reads and drops the rest of the body, within the same limits, so the response can end
   * cleanly and the connection be reused; stops at the first read failure. Past the size limit
   * it still drops up to {@link #SWALLOW_BYTES} more, within the read time budget; a longer body
   * is cut off (Jetty then closes the connection).
   */
  public void drain() {
    byte[] scratch = new byte[8192];
    try {
      while (read(scratch, 0, scratch.length) >= 0) {
        // dropped
      }
      return;
    } catch (IOException e) {
      // a limit or the connection ended the body
    }
    if (failure == null || failure.status() != 413) return;
    try {
      for (long swallowed = 0; swallowed < SWALLOW_BYTES && waitedNanos <= readBudgetNanos; ) {
        long start = System.nanoTime();
        int n = in.read(scratch, 0, scratch.length);
        waitedNanos += System.nanoTime() - start;
        if (n < 0) return;
        swallowed += n;
      }
    } catch (IOException e) {
      // the connection ended the body: Jetty closes the connection after the response
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
