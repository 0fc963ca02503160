package org.caveat.server.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Locale;
import org.caveat.server.problem.Problems;

/**
 * Reading request bodies within the configured size limit and read-time budget (see
 * {@link BodyStream}), and checking their media type.
 */
public final class Bodies {
  private final long maxBytes;
  private final long readBudgetNanos;
  private final String limit;
  private final String advice;

  /** @param readTimeout the most time spent waiting for one body's bytes, in total */
  public Bodies(long maxBytes, Duration readTimeout) {
    this(maxBytes, readTimeout, "the limit (--max-body-bytes)", "split it into several requests");
  }

  /**
   * Bodies of a route with its own size limit.
   *
   * @param limit names the limit in a 413 found while reading, e.g. "the limit of this route"
   * @param advice what a client over the limit can do instead
   */
  public Bodies(long maxBytes, Duration readTimeout, String limit, String advice) {
    this.maxBytes = maxBytes;
    this.readBudgetNanos = readTimeout.toNanos();
    this.limit = limit;
    this.advice = advice;
  }

  public long maxBytes() {
    return maxBytes;
  }

  /** The whole body; 413 beyond the limit, 408 when it arrives too slowly, 400 when empty. */
  public byte[] read(Context ctx) {
    byte[] body;
    try (BodyStream in = open(ctx)) {
      body = in.readUpTo(Integer.MAX_VALUE);
    } catch (BodyStream.LimitException e) {
      throw e.problem().exception();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (isBlank(body)) throw Problems.badRequest("the request body is empty; send JSON");
    return body;
  }

  /**
   * The body as a stream within the limits; 413 at once when the declared length is over the limit
   * (a declared body of at most {@link BodyStream#SWALLOW_BYTES} is read and dropped first, within
   * the read budget: a client still sending when the response ends would otherwise have its
   * connection reset, which can destroy the 413 before the client reads it).
   */
  public BodyStream open(Context ctx) {
    long declared = ctx.contentLength();
    if (declared > maxBytes) {
      if (declared <= BodyStream.SWALLOW_BYTES) swallow(ctx, declared);
      throw tooLarge(declared);
    }
    try {
      return open(ctx.req().getInputStream(), declared);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A body of at most the limit declared as {@code declared} bytes (-1: not declared) read from {@code in}. */
  public BodyStream open(InputStream in, long declared) {
    return new BodyStream(in, declared, maxBytes, readBudgetNanos, limit, advice);
  }

  private void swallow(Context ctx, long declared) {
    try (BodyStream rest = new BodyStream(ctx.req().getInputStream(), declared, readBudgetNanos, limit, advice)) {
      rest.drain();
    } catch (IOException | RuntimeException e) {
      // the connection ended the body: Jetty closes the connection after the response
    }
  }

  private RuntimeException tooLarge(long size) {
    return Problems.tooLarge("the body is " + size + " bytes; the limit is " + maxBytes + " bytes (" + advice + ")");
  }

  public static boolean isBlank(byte[] body) {
    for (byte b : body) if (b != ' ' && b != '\n' && b != '\r' && b != '\t') return false;
    return true;
  }

  /** The media type without parameters, lower case; empty when absent. */
  public static String mediaType(Context ctx) {
    return mediaType(ctx.header("Content-Type"));
  }

  /** As {@link #mediaType(Context)}, of a {@code Content-Type} header's value (null when absent). */
  public static String mediaType(String ct) {
    if (ct == null) return "";
    int semi = ct.indexOf(';');
    return (semi < 0 ? ct : ct.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
  }

  /** 415 unless the Content-Type is absent or one of {@code accepted}. */
  public static String requireMediaType(Context ctx, String... accepted) {
    String mt = mediaType(ctx);
    if (mt.isEmpty()) return mt;
    for (String a : accepted) if (a.equals(mt)) return mt;
    throw Problems.unsupportedMediaType(mt, String.join(" or ", accepted));
  }
}
