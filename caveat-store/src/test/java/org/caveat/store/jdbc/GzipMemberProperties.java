package org.caveat.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.caveat.store.DecisionEntry;
import org.caveat.store.DecisionEntry.GrantVerdict;
import org.junit.jupiter.api.Test;

/**
 * The stored rows keep their bytes: a chunk's gzip member ({@link GzipMember}, one reused deflater
 * per thread, the entries framed whole first) is byte for byte what format 3 rows held before, the
 * framed entries written through a {@link GZIPOutputStream} at the fastest level.
 */
class GzipMemberProperties {

  @Property(tries = 200)
  void aMemberIsWhatGzipOutputStreamWrites(@ForAll byte[] bytes) throws IOException {
    assertThat(GzipMember.of(bytes, bytes.length)).isEqualTo(gzipOutputStream(bytes));
  }

  @Property(tries = 60)
  void aChunkIsWhatTheStreamedEncodingWrote(@ForAll @IntRange(min = 1, max = 600) int entries,
      @ForAll long seed) throws IOException {
    List<DecisionEntry> list = entries(entries, new Random(seed));
    assertThat(Rows.of(CompactChunk.of(list))).isEqualTo(streamed(list));
  }

  @Test
  void largeAndIncompressibleInputsToo() throws IOException {
    Random r = new Random(11);
    for (int size : new int[] {0, 1, 65_535, 65_536, 65_537, 1 << 20, 3 << 20}) {
      byte[] noise = new byte[size];
      r.nextBytes(noise);
      assertThat(GzipMember.of(noise, size)).isEqualTo(gzipOutputStream(noise));
    }
    List<DecisionEntry> many = entries(4096, r);
    assertThat(Rows.of(CompactChunk.of(many))).isEqualTo(streamed(many));
    assertThat(CompactChunk.leaves(Rows.of(CompactChunk.of(many)), many.size())).hasSize(many.size());
  }

  /** Entries shaped like the service's: repeated structure, varying ids, times and coordinates. */
  static List<DecisionEntry> entries(int n, Random r) {
    List<DecisionEntry> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String id = "req-" + Long.toHexString(r.nextLong());
      String request = "{\"id\":\"" + id + "\",\"time\":\"2024-06-0" + (1 + r.nextInt(9)) + "T03:00:00Z\",\"user\":\"UA\","
          + "\"weapon\":{\"origin\":\"US\",\"class\":\"rocket_artillery\"},\"target\":{\"location\":{\"lat\":"
          + (44 + 10 * r.nextDouble()) + ",\"lon\":" + (22 + 18 * r.nextDouble()) + "},\"category\":\"military\"}}";
      List<GrantVerdict> grants = r.nextBoolean() ? List.of()
          : List.of(new GrantVerdict("us-ua-himars", r.nextBoolean() ? "PERMIT" : "DENY", List.of("r" + r.nextInt(9))));
      out.add(new DecisionEntry(id, Instant.ofEpochSecond(1_717_210_800L + r.nextInt(1 << 20), r.nextInt(1_000_000_000)),
          request.getBytes(java.nio.charset.StandardCharsets.UTF_8), List.of("sha256:" + Integer.toHexString(r.nextInt())),
          r.nextInt(8) == 0 ? Map.of("kharkiv_band_depth_km", "20") : Map.of(), r.nextInt(4) == 0, "PERMIT", grants));
    }
    return out;
  }

  private static byte[] gzipOutputStream(byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new FastGzip(out)) {
      gz.write(bytes);
    }
    return out.toByteArray();
  }

  /** The encoding before GzipMember: each frame written through the gzip stream as it was made. */
  private static byte[] streamed(List<DecisionEntry> entries) throws IOException {
    ByteArrayOutputStream compressed = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(new FastGzip(compressed))) {
      for (DecisionEntry e : entries) {
        byte[] leaf = CompactLeaf.encode(e);
        out.writeInt(leaf.length);
        out.write(leaf);
      }
    }
    return compressed.toByteArray();
  }

  private static final class FastGzip extends GZIPOutputStream {
    FastGzip(ByteArrayOutputStream out) throws IOException {
      super(out, 1 << 14);
      def.setLevel(Deflater.BEST_SPEED);
    }
  }
}
