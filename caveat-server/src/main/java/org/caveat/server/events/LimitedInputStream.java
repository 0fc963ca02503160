package org.caveat.server.events;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** A body read up to a limit; one byte more is a {@link TooLarge} failure, never a silent cut. */
final class LimitedInputStream extends FilterInputStream {
  /** The body went past the limit. */
  static final class TooLarge extends IOException {
    TooLarge(long limit) {
      super("the body is larger than " + limit + " bytes, the limit of this route");
    }
  }

  private final long limit;
  private long read;

  LimitedInputStream(InputStream in, long limit) {
    super(in);
    this.limit = limit;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) count(1);
    return b;
  }

  @Override
  public int read(byte[] buf, int off, int len) throws IOException {
    int n = super.read(buf, off, len);
    if (n > 0) count(n);
    return n;
  }

  private void count(long n) throws TooLarge {
    read += n;
    if (read > limit) throw new TooLarge(limit);
  }

  /**
   * Drops up to {@code max} more bytes of a body that went past the limit, so that a client still
   * sending gets the response instead of a reset connection (Jetty closes it after the response).
   */
  void swallow(long max) {
    byte[] scratch = new byte[8192];
    try {
      for (long n = 0; n < max; ) {
        int got = in.read(scratch, 0, scratch.length);
        if (got < 0) return;
        n += got;
      }
    } catch (IOException e) {
      // the connection ended the body
    }
  }

  /** Whether the body went past the limit (readers may have turned the failure into a bad row). */
  boolean exceeded() {
    return read > limit;
  }

  long limit() {
    return limit;
  }
}
