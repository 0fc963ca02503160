package org.caveat.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link BodyStream#readUpTo} and the request slots of {@link TokenLimits}. */
class BodyStreamTest {

  /** Reads at most {@code chunk} bytes per call, as a socket does. */
  private static InputStream chunked(byte[] body, int chunk) {
    return new ByteArrayInputStream(body) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, chunk));
      }
    };
  }

  /** The reading the growing buffer replaced: an 8 KiB buffer copied into a ByteArrayOutputStream. */
  private static byte[] before(InputStream in, int max) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[8192];
    int n;
    while (out.size() < max && (n = in.read(buf, 0, Math.min(buf.length, max - out.size()))) > 0) out.write(buf, 0, n);
    return out.toByteArray();
  }

  @Test
  void readsTheSameBytesAsBeforeForEverySizeLimitChunkingAndDeclaredLength() throws IOException {
    Random random = new Random(11);
    int[] sizes = {0, 1, 2, 417, 1023, 1024, 1025, 2048, 8191, 8192, 8193, 100_000};
    int[] maxes = {1, 2, 1024, 1025, 5000, 8193, 65_537, 1 << 20};
    for (int size : sizes) {
      byte[] body = new byte[size];
      random.nextBytes(body);
      for (int max : maxes) {
        for (int chunk : new int[] {1, 7, 1000, 1 << 16}) {
          byte[] expected = before(chunked(body, chunk), max);
          byte[] got = new BodyStream(chunked(body, chunk), Long.MAX_VALUE / 2, Long.MAX_VALUE, "the limit", "split it")
              .readUpTo(max);
          assertThat(got).as("size %d, max %d, chunk %d", size, max, chunk).isEqualTo(expected);
          assertThat(got).isEqualTo(Arrays.copyOf(body, Math.min(size, max)));
          // with a declared length (read into an array of that size at once): right, short or long
          for (long declared : new long[] {size, 0, size / 2, size + 1, 2L * size + 5}) {
            byte[] sized = new BodyStream(chunked(body, chunk), declared, Long.MAX_VALUE / 2, Long.MAX_VALUE, "the limit",
                "split it").readUpTo(max);
            assertThat(sized).as("size %d, declared %d, max %d, chunk %d", size, declared, max, chunk).isEqualTo(expected);
          }
        }
      }
    }
  }

  /** Past {@link BodyStream#DECLARED_AT_ONCE} a declared length reserves only that much, then the read grows as needed. */
  @Test
  void aDeclaredLengthBeyondWhatIsReservedAtOnceStillReadsTheBody() throws IOException {
    Random random = new Random(12);
    int max = 8 << 20;
    for (int size : new int[] {10, BodyStream.DECLARED_AT_ONCE - 1, BodyStream.DECLARED_AT_ONCE,
        BodyStream.DECLARED_AT_ONCE + 1, 3 << 20}) {
      byte[] body = new byte[size];
      random.nextBytes(body);
      for (long declared : new long[] {size, max, 2L * max}) {
        byte[] got = new BodyStream(chunked(body, 1 << 16), declared, Long.MAX_VALUE / 2, Long.MAX_VALUE, "the limit",
            "split it").readUpTo(max);
        assertThat(got).as("size %d, declared %d", size, declared).isEqualTo(body);
      }
    }
  }

  @Test
  void aSlotClosedTwiceIsFreedOnce() {
    TokenLimits limits = new TokenLimits(2);
    TokenLimits.Slot first = limits.acquire("t");
    first.close();
    first.close();
    TokenLimits.Slot a = limits.acquire("t");
    TokenLimits.Slot b = limits.acquire("t");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> limits.acquire("t"))
        .hasMessageContaining("already has 2 requests in progress");
    a.close();
    b.close();
  }
}
