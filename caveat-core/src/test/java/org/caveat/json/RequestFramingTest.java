package org.caveat.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The reader frames one-line objects without parsing them ({@link RequestStream#isWholeObject});
 * braces inside strings, escaped quotes and lines that only look whole must still give the
 * items a full parse would.
 */
class RequestFramingTest {
  private static List<String> items(String input, boolean parse) throws IOException {
    List<String> out = new ArrayList<>();
    try (RequestStream s = new RequestStream(RequestStreamTest.bytes(input), parse)) {
      while (s.hasNext()) {
        RequestStream.Item i = s.next().parsed();
        out.add(i.error() != null ? i.error().code() + "@" + i.line() : i.node().path("id").asText() + "@" + i.line());
      }
    }
    return out;
  }

  @Test
  void bracesAndQuotesInsideStringsDoNotConfuseFraming() throws IOException {
    String input = "{\"id\":\"a}b{\"}\n{\"id\":\"q\\\"}\"}\n{\"id\":\"c\",\"x\":[{\"y\":\"]\"}]}\n";
    assertThat(items(input, false)).containsExactly("a}b{@1", "q\"}@2", "c@3");
    assertThat(items(input, true)).containsExactly("a}b{@1", "q\"}@2", "c@3");
  }

  @Test
  void aLineThatOnlyLooksWholeIsFramedByTheParser() throws IOException {
    // Starts with { and ends with } but is an unfinished value continued on the next line.
    String input = "{\"id\":\"m\",\"w\":{\"a\":1}\n,\"z\":2}\n{\"id\":\"n\"}\n";
    assertThat(items(input, false)).containsExactly("m@1", "n@3");
  }

  @Test
  void twoObjectsOnALineAreNotFramedAsOne() throws IOException {
    assertThat(items("{\"id\":\"a\"}{\"id\":\"b\"}\n{\"id\":\"c\"}\n", false)).containsExactly("json.syntax@1", "c@2");
  }

  @Test
  void wholeObjectRecognition() {
    assertThat(RequestStream.isWholeObject("  {\"a\":\"}\"}  ")).isTrue();
    assertThat(RequestStream.isWholeObject("{\"a\":{\"b\":1}")).isFalse();
    assertThat(RequestStream.isWholeObject("{\"a\":1}{\"b\":2}")).isFalse();
    assertThat(RequestStream.isWholeObject("{\"a\":\"x}")).isFalse();
    assertThat(RequestStream.isWholeObject("[1]")).isFalse();
  }
}
