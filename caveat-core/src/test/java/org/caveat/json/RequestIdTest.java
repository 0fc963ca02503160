package org.caveat.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The id rules of {@link RequestId}, and {@link RequestReader} applying them at {@code /id}. */
class RequestIdTest {
  @ParameterizedTest
  @ValueSource(strings = {"", " ", "   ", "\t", "\u3000", "a\u0000b", "a\nb", "a\u007fb", "a\u0085b", "a\u2028b",
      "\ud800", "a\udc00", "x\ud83d"})
  void badIdsAreRefusedAtTheIdWithTheRule(String id) throws Exception {
    RequestReader.Parsed p = read(id);
    assertThat(p.request()).isNull();
    assertThat(p.error().code()).isEqualTo("request.invalid");
    assertThat(p.error().at()).isEqualTo("/id");
    assertThat(p.error().message()).startsWith("id must be 1 to 256 characters, not only spaces");
    assertThat(p.error().id()).as("a bad id is not echoed").isNull();
  }

  @Test
  void theLengthLimitIsInUtf16CodeUnits() throws Exception {
    assertThat(read("a".repeat(256)).request()).isNotNull();
    assertThat(read("a".repeat(257)).error().message()).endsWith("got 257 characters");
    assertThat(read("😀".repeat(128)).request()).isNotNull(); // 128 code points, 256 code units
    assertThat(read("😀".repeat(129)).error()).isNotNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"a", "evt-0001", " padded ", "Харків/2024-06-01", "😀", "a b", "ä\u200db", "{\"x\":1}"})
  void printableIdsAreKeptAsTheyAre(String id) throws Exception {
    assertThat(read(id).request().id()).isEqualTo(id);
  }

  @Test
  void longIntegerIdsFollowTheSameLengthRule() throws Exception {
    ObjectNode n = (ObjectNode) Json.MAPPER.readTree(RequestReaderTest.GOOD);
    n.put("id", new java.math.BigInteger("9".repeat(300)));
    assertThat(RequestReader.read(n).error().at()).isEqualTo("/id");
    n.put("id", 12345);
    assertThat(RequestReader.read(n).request().id()).isEqualTo("12345");
  }

  /** Any string: either RequestId accepts it and it survives UTF-8 unchanged, or it is refused with the rule. */
  @Property(tries = 2000)
  void everyStringIsAGoodIdOrRefusedWithTheRule(@ForAll @StringLength(max = 300) String id) {
    String problem = RequestId.problem(id);
    if (problem == null) {
      assertThat(id.length()).isBetween(1, 256);
      assertThat(new String(id.getBytes(java.nio.charset.StandardCharsets.UTF_8),
          java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(id);
      assertThat(id.chars().noneMatch(c -> c == 0 || Character.getType(c) == Character.CONTROL)).isTrue();
      assertThat(id.isBlank()).isFalse();
    } else {
      assertThat(problem).startsWith("id must be 1 to 256 characters");
    }
  }

  private static RequestReader.Parsed read(String id) throws Exception {
    ObjectNode n = (ObjectNode) Json.MAPPER.readTree(RequestReaderTest.GOOD);
    n.put("id", id);
    return RequestReader.read(n);
  }
}
