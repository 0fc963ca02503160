package org.caveat.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.caveat.store.DecisionEntry;
import org.caveat.store.DecisionEntry.GrantVerdict;

/**
 * A damaged stored row or leaf is refused with an {@link IllegalArgumentException} that says what
 * is wrong, never read as something else or failed with another exception: rows inflated as they
 * are framed and leaves read from a byte buffer, as {@code log verify} and the entry routes read
 * them.
 */
class CompactRowDamageProperties {

  @Property(tries = 200)
  void aRowReadsBackOrIsRefused(@ForAll @IntRange(min = 1, max = 40) int entries, @ForAll long seed,
      @ForAll @IntRange(min = 0, max = 3) int damage) {
    Random r = new Random(seed);
    List<DecisionEntry> list = entries(entries, r);
    byte[] row = Rows.of(CompactChunk.of(list));
    List<byte[]> leaves = CompactChunk.leaves(row, entries);
    for (int i = 0; i < entries; i++) {
      assertThat(CompactLeaf.decode(leaves.get(i))).isEqualTo(list.get(i));
    }
    switch (damage) {
      case 0 -> assertThatThrownBy(() -> CompactChunk.leaves(row, entries + 1))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cut short in entry " + entries);
      case 1 -> assertThatThrownBy(() -> CompactChunk.leaves(row, entries - 1))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more bytes than " + (entries - 1));
      case 2 -> assertThatThrownBy(() -> CompactChunk.leaves(Arrays.copyOf(row, r.nextInt(row.length)), entries))
          .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("the stored entries cannot be read");
      default -> {
        byte[] flipped = row.clone();
        flipped[r.nextInt(flipped.length)] ^= (byte) (1 + r.nextInt(255));
        try {
          List<byte[]> read = CompactChunk.leaves(flipped, entries);
          read.forEach(CompactRowDamageProperties::decodesOrIsRefused);
        } catch (IllegalArgumentException refused) {
          assertThat(refused).hasMessageStartingWith("the stored entries cannot be read");
        }
      }
    }
  }

  /**
   * A forged row that inflates to 3 GiB after its one entry is refused after one byte past it: a
   * row inflated whole before framing would need an array larger than Java allows (an error, not
   * a refusal). Compressed, those zeros are ~3 MB.
   */
  @Example
  void aRowThatInflatesFarPastItsEntriesIsRefusedWithoutInflatingIt() throws Exception {
    byte[] leaf = CompactLeaf.encode(entries(1, new Random(5)).get(0));
    java.io.ByteArrayOutputStream bomb = new java.io.ByteArrayOutputStream();
    try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(bomb, 1 << 16)) {
      gz.write(java.nio.ByteBuffer.allocate(4).putInt(leaf.length).array());
      gz.write(leaf);
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 3 << 10; i++) gz.write(zeros);
    }
    assertThatThrownBy(() -> CompactChunk.leaves(bomb.toByteArray(), 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more bytes than 1 entries");
  }

  @Property(tries = 300)
  void aLeafCutOrFlippedAnywhereIsReadOrRefused(@ForAll long seed) {
    Random r = new Random(seed);
    byte[] leaf = CompactLeaf.encode(entries(1, r).get(0));
    decodesOrIsRefused(Arrays.copyOf(leaf, r.nextInt(leaf.length)));
    byte[] flipped = leaf.clone();
    flipped[r.nextInt(flipped.length)] ^= (byte) (1 + r.nextInt(255));
    decodesOrIsRefused(flipped);
    byte[] longer = Arrays.copyOf(leaf, leaf.length + 1);
    assertThatThrownBy(() -> CompactLeaf.decode(longer)).hasMessage("bytes after the entry");
  }

  private static void decodesOrIsRefused(byte[] leaf) {
    try {
      assertThat(CompactLeaf.decode(leaf)).isNotNull();
    } catch (IllegalArgumentException refused) {
      assertThat(refused.getMessage()).matches("not a (whole )?caveat-log-leaf/3 entry.*|bytes after the entry");
    }
  }

  private static List<DecisionEntry> entries(int n, Random r) {
    List<DecisionEntry> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String id = "req-" + Long.toHexString(r.nextLong());
      byte[] request = ("{\"id\":\"" + id + "\",\"target\":{\"location\":{\"lat\":" + (44 + 10 * r.nextDouble())
          + ",\"lon\":" + (22 + 18 * r.nextDouble()) + "}}}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
      List<GrantVerdict> grants = r.nextBoolean() ? List.of()
          : List.of(new GrantVerdict("us-ua-himars", "DENY", List.of("r" + r.nextInt(9), "é" + r.nextInt(9))));
      out.add(new DecisionEntry(id, Instant.ofEpochSecond(1_717_210_800L + r.nextInt(1 << 20), r.nextInt(1_000_000_000)),
          request, List.of("sha256:" + Integer.toHexString(r.nextInt())),
          r.nextInt(4) == 0 ? Map.of("kharkiv_band_depth_km", "20") : Map.of(), r.nextBoolean(), "NOT_PERMITTED", grants));
    }
    return out;
  }
}
