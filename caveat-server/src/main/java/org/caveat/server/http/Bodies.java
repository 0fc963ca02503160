package org.caveat.server.http;

import io.javalin.http.Context;
import java.util.Locale;
import org.caveat.server.problem.Problems;

/** Reading request bodies within the configured size limit, and checking their media type. */
public final class Bodies {
  private final long maxBytes;

  public Bodies(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  public long maxBytes() {
    return maxBytes;
  }

  /** The whole body; 413 beyond the limit, 400 when empty. */
  public byte[] read(Context ctx) {
    long declared = ctx.contentLength();
    if (declared > maxBytes) throw tooLarge(declared);
    byte[] body = ctx.bodyAsBytes();
    if (body.length > maxBytes) throw tooLarge(body.length);
    if (isBlank(body)) throw Problems.badRequest("the request body is empty; send JSON");
    return body;
  }

  private RuntimeException tooLarge(long size) {
    return Problems.tooLarge("the body is " + size + " bytes; the limit is " + maxBytes
        + " bytes (split it into several requests)");
  }

  private static boolean isBlank(byte[] body) {
    for (byte b : body) if (b != ' ' && b != '\n' && b != '\r' && b != '\t') return false;
    return true;
  }

  /** The media type without parameters, lower case; empty when absent. */
  public static String mediaType(Context ctx) {
    String ct = ctx.header("Content-Type");
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
