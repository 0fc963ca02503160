package org.caveat.server.map;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;

/**
 * A JSON document computed once and served many times: its bytes, their gzip compression (sent
 * when the client accepts gzip, so the server never compresses it again) and a strong ETag (a
 * SHA-256 prefix of the bytes), answering {@code If-None-Match} with 304.
 */
final class CachedJson {
  private final byte[] plain;
  private final byte[] gzip;
  private final String etag;

  CachedJson(byte[] plain) {
    this.plain = plain;
    this.gzip = gzip(plain);
    this.etag = "\"" + sha256(plain).substring(0, 32) + "\"";
  }

  int plainBytes() {
    return plain.length;
  }

  void send(Context ctx) {
    ctx.header("ETag", etag);
    ctx.header("Cache-Control", "no-cache"); // revalidate with the ETag: a new build may ship other data
    ctx.header("Vary", "Accept-Encoding");
    ctx.disableCompression();
    String inm = ctx.header("If-None-Match");
    if (inm != null && (inm.equals(etag) || inm.contains(etag))) {
      ctx.status(304);
      return;
    }
    ctx.contentType("application/json");
    String ae = ctx.header("Accept-Encoding");
    if (ae != null && ae.contains("gzip")) {
      ctx.header("Content-Encoding", "gzip");
      ctx.result(gzip);
    } else {
      ctx.result(plain);
    }
  }

  private static byte[] gzip(byte[] b) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(b.length / 4 + 64);
    try (GZIPOutputStream z = new GZIPOutputStream(out) {
      {
        def.setLevel(java.util.zip.Deflater.BEST_COMPRESSION);
      }
    }) {
      z.write(b);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static String sha256(byte[] b) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
