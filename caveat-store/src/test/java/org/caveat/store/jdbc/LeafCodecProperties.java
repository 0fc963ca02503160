package org.caveat.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.caveat.store.merkle.Rfc6962;

/**
 * The JSON check and the leaf hash read request and answer as UTF-8 bytes on the append path and
 * as Strings when a stored log is verified: both readings must agree.
 */
class LeafCodecProperties {

  @Provide
  Arbitrary<String> jsonish() {
    Arbitrary<String> pieces = Arbitraries.of("{", "}", "[", "]", ",", ":", "\"a\"", "\"é€😀\"", "1", "-2.5e3",
        "true", "null", " ", "\n", "\"", "x", "{\"k\":[1,{}]}", "\\u00e9");
    return pieces.list().ofMaxSize(12).map(l -> String.join("", l));
  }

  @Property(tries = 500)
  void theByteCheckAcceptsExactlyWhatTheStringCheckAccepts(@ForAll("jsonish") String text) {
    String fromString = LeafCodec.jsonProblem(text);
    String fromBytes = LeafCodec.jsonProblem(text.getBytes(StandardCharsets.UTF_8));
    assertThat(fromBytes == null).as("%s: string says %s, bytes say %s", text, fromString, fromBytes)
        .isEqualTo(fromString == null);
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
