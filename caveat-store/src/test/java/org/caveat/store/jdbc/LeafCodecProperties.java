package org.caveat.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.From;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.caveat.store.DecisionEntry;
import org.caveat.store.DecisionEntry.GrantVerdict;
import org.caveat.store.merkle.Rfc6962;

/**
 * Leaf encodings: format 1/2 leaf hashes agree whether fed bytes or Strings (stored rows are
 * verified from Strings), and a compact (format 3) entry decodes to what was encoded, alone and
 * inside a compressed row.
 */
class LeafCodecProperties {

  @Property(tries = 300)
  void aCompactEntryReadsBackAsWritten(@ForAll String id, @ForAll byte[] request, @ForAll List<String> hashes,
      @ForAll Map<String, String> assumed, @ForAll boolean quotes, @ForAll String decision,
      @ForAll List<@From("verdicts") GrantVerdict> grants) {
    Assume.that(request.length > 0);
    DecisionEntry e = new DecisionEntry(id, Instant.ofEpochSecond(1_717_210_800L, 123_456_789), request, hashes,
        assumed, quotes, decision, grants);
    byte[] leaf = CompactLeaf.encode(e);
    assertThat(CompactLeaf.decode(leaf)).isEqualTo(e);
    CompactChunk chunk = CompactChunk.of(List.of(e, e));
    assertThat(CompactChunk.leaves(Rows.of(chunk), 2)).containsExactly(leaf, leaf);
    // each leaf is hashed where it lies in the chunk's buffer: the hash of its own encoding
    for (int i = 0; i < 2; i++) {
      byte[] whole = java.util.Arrays.copyOf(leaf, leaf.length + 8);
      System.arraycopy(LeafCodec.indexSuffix(40 + i), 0, whole, leaf.length, 8);
      assertThat(chunk.leafHash(i, 40 + i)).isEqualTo(Rfc6962.leafHash(whole));
    }
  }

  @Provide
  Arbitrary<GrantVerdict> verdicts() {
    Arbitrary<String> s = Arbitraries.strings().ofMaxLength(12);
    return Combinators.combine(s, s, s.list().ofMaxSize(3)).as(GrantVerdict::new);
  }

  @Property(tries = 200)
  void theLeafHashIsTheSameFromBytesAndFromStrings(@ForAll String id, @ForAll String request,
      @ForAll String answer, @ForAll List<String> hashes) {
    MessageDigest fromBytes = Rfc6962.leafDigest();
    LeafCodec.feedContent(fromBytes, "decision", id, "2024-06-01T03:00:00Z", LeafCodec.utf8(request),
        LeafCodec.utf8(answer), hashes);
    fromBytes.update(LeafCodec.indexSuffix(7));
    byte[] decision = LeafCodec.leafHash(7, "decision", id, "2024-06-01T03:00:00Z", request, answer, hashes);
    assertThat(fromBytes.digest()).isEqualTo(decision);
    // The same columns as a published version's entry never hash like a decision's.
    assertThat(LeafCodec.leafHash(7, "version", id, "2024-06-01T03:00:00Z", request, answer, hashes))
        .isNotEqualTo(decision);
  }

  @Property(tries = 50)
  void leafDigestsAreIndependentAndStartWithTheLeafPrefix(@ForAll byte[] a, @ForAll byte[] b) {
    MessageDigest first = Rfc6962.leafDigest();
    MessageDigest second = Rfc6962.leafDigest();
    first.update(a);
    second.update(b);
    assertThat(first.digest()).isEqualTo(Rfc6962.leafHash(a));
    assertThat(second.digest()).isEqualTo(Rfc6962.leafHash(b));
  }
}
