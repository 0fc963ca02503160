package org.caveat.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.caveat.store.DecisionEntry;

/**
 * A commit's row built from its callers' chunks as {@code GroupCommitWriter} builds it: small
 * chunks left loose and compressed together, large ones as their own members, in any order. The
 * row reads back every entry in order, and a run of loose chunks is one gzip member: the member of
 * their framed entries one after another.
 */
class LooseChunksProperties {

  @Property(tries = 100)
  void aRowOfLooseAndCompressedChunksReadsBackInOrder(
      @ForAll @Size(min = 1, max = 12) List<@IntRange(min = 1, max = 40) Integer> sizes, @ForAll long seed) {
    Random r = new Random(seed);
    List<CompactChunk> chunks = new ArrayList<>();
    List<byte[]> expected = new ArrayList<>();
    for (int n : sizes) {
      List<DecisionEntry> entries = GzipMemberProperties.entries(n, r);
      chunks.add(CompactChunk.of(entries));
      for (DecisionEntry e : entries) expected.add(CompactLeaf.encode(e));
    }
    byte[] row = Rows.of(chunks.toArray(CompactChunk[]::new));
    assertThat(CompactChunk.leaves(row, expected.size())).containsExactlyElementsOf(expected);
  }

  @Property(tries = 40)
  void smallChunksAreLooseAndShareOneMember(@ForAll @IntRange(min = 1, max = 8) int callers, @ForAll long seed) {
    Random r = new Random(seed);
    ByteArrayOutputStream row = new ByteArrayOutputStream();
    LeafBuffer loose = new LeafBuffer(64);
    LeafBuffer framed = new LeafBuffer(64);
    for (int i = 0; i < callers; i++) {
      CompactChunk single = CompactChunk.of(GzipMemberProperties.entries(1, r));
      assertThat(single.compressed()).as("a single decision's chunk is loose").isFalse();
      framed.write(single.bytes());
      single.addTo(row, loose);
    }
    assertThat(row.size()).as("nothing written before the flush").isZero();
    CompactChunk.flush(row, loose);
    assertThat(loose.size()).as("the flush empties the loose buffer").isZero();
    assertThat(row.toByteArray()).isEqualTo(GzipMember.of(framed.bytes(), framed.size()));
  }

  @Property(tries = 20)
  void largeChunksAreCompressedByTheirCaller(@ForAll @IntRange(min = 40, max = 600) int entries, @ForAll long seed) {
    CompactChunk chunk = CompactChunk.of(GzipMemberProperties.entries(entries, new Random(seed)));
    assertThat(chunk.compressed()).isTrue();
    assertThat(Rows.of(chunk)).isEqualTo(chunk.bytes());
  }
}
