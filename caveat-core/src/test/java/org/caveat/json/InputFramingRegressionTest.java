package org.caveat.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The framing holes of issue 8, each as found: NDJSON is line-framed (a broken line never takes
 * the next one), byte-order marks are ignored, duplicate keys, invalid UTF-8 and lone surrogates
 * are errors at their position.
 */
class InputFramingRegressionTest {
  static final String GOOD = "{\"id\":\"g\",\"time\":\"2024-06-01T03:00:00Z\",\"user\":\"UA\"}";

  /** "id@line" for a good item, "code@at" for an error. */
  static List<String> items(byte[] input) throws IOException {
    List<String> out = new ArrayList<>();
    try (RequestStream s = new RequestStream(new ByteArrayInputStream(input), false)) {
      while (s.hasNext()) {
        RequestStream.Item i = s.next().parsed();
        out.add(i.error() != null ? i.error().code() + "@" + i.error().at() : (i.node().isObject() ? i.node().path("id").asText() : i.node().toString()) + "@" + i.line());
      }
    }
    return out;
  }

  static List<String> items(String input) throws IOException {
    return items(input.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aLineEndingWhereAValueIsExpectedDoesNotTakeTheNextLine() throws IOException {
    assertThat(items(GOOD + "\n{\"id\":\"x\",\"time\": \n" + GOOD + "\n")).containsExactly("g@1", "json.syntax@line 2", "g@3");
    assertThat(items("{\"id\":\"x\",\"time\": \n" + GOOD + "\n")).containsExactly("json.syntax@line 1", "g@2");
    assertThat(items("{\"id\":\"x\",\"time\": \n" + GOOD + "\n" + GOOD + "\n"))
        .containsExactly("json.syntax@line 1", "g@2", "g@3");
  }

  @Test
  void aBrokenLineFollowedByAnIndentedGoodLineNamesItsOwnLine() throws IOException {
    assertThat(items(GOOD + "\n{\"id\": \"x\", \"time\": \n  " + GOOD + "\n" + GOOD + "\n"))
        .containsExactly("g@1", "json.syntax@line 2", "g@3", "g@4");
    assertThat(items(GOOD + "\n{\"id\": oops\n \t" + GOOD + "\n")).containsExactly("g@1", "json.syntax@line 2", "g@3");
  }

  @Test
  void aLineOverTheSizeLimitIsOneErrorAndTheNextLinesAreRead() throws IOException {
    String huge = "{\"id\":\"h\",\"pad\":\"" + "x".repeat(Json.MAX_REQUEST_CHARS + 10) + "\"}";
    String hugeNoBrace = "\"" + "y".repeat(Json.MAX_REQUEST_CHARS + 10);
    assertThat(items(GOOD + "\n" + huge + "\n  " + GOOD + "\n" + hugeNoBrace + "\n\"not an object\"\n" + GOOD + "\n"))
        .containsExactly("g@1", "request.too_large@line 2", "g@3", "request.too_large@line 4", "\"not an object\"@5", "g@6");
  }

  @Test
  void anArrayOrABracketOnTheFirstLineDoesNotSwallowTheFile() throws IOException {
    assertThat(items("[1]\n" + GOOD + "\n" + GOOD + "\n")).containsExactly("1@1", "g@2", "g@3");
    assertThat(items("[\n" + GOOD + "\n" + GOOD + "\n")).containsExactly("json.syntax@line 1", "g@2", "g@3");
    assertThat(items("[\n" + GOOD + "\n{\"id\": oops}\n" + GOOD + "\n"))
        .containsExactly("json.syntax@line 1", "g@2", "json.syntax@line 3", "g@4");
  }

  @Test
  void aSingleDocumentStillSpansLines() throws IOException {
    String pretty = "{\n  \"id\": \"p\",\n  \"user\": \"UA\"\n}\n";
    assertThat(items(pretty)).containsExactly("p@1");
    assertThat(items("[\n  " + GOOD + ",\n  {\n    \"id\": \"q\"\n  }\n]\n")).containsExactly("g@2", "q@3");
    // jq-style: pretty objects one after another, each opened by a line holding only "{".
    assertThat(items(pretty + pretty + GOOD + "\n")).containsExactly("p@1", "p@5", "g@9");
  }

  @Test
  void aBrokenDocumentCostsOnlyItsFirstLineAndEveryLaterLineIsReadAlone() throws IOException {
    assertThat(items("{\n  \"id\": \"p\",\n" + GOOD + "\n")).containsExactly("json.syntax@line 1", "json.syntax@line 2", "g@3");
    // Once array items are out, the break is one error naming every line it covers.
    assertThat(items("[" + GOOD + ",\n{\n\"id\": oops\n}\n" + GOOD + "\n"))
        .containsExactly("g@1", "json.syntax@lines 2-3", "json.syntax@line 4", "g@5");
  }

  @Test
  void byteOrderMarksAtTheStartOfTheInputOrOfAnyLineAreIgnored() throws IOException {
    String bom = "\uFEFF";
    assertThat(items(bom + GOOD + "\n" + bom + GOOD + "\r\n" + bom + "\n" + GOOD + "\n")).containsExactly("g@1", "g@2", "g@4");
    assertThat(items(bom + "[" + GOOD + "]\n")).containsExactly("g@1");
  }

  @Test
  void aDuplicateKeyIsAnErrorWithItsPointerNeverLastOneWins() throws IOException {
    String dup = "{\"id\":\"d\",\"user\":\"UA\",\"time\":\"2024-06-01T03:00:00Z\",\"user\":\"XX\"}";
    assertThat(items(dup + "\n" + GOOD + "\n")).containsExactly("request.duplicate_key@/user", "g@2");
    assertThat(items("{\"id\":\"d\",\"target\":{\"location\":{\"lat\":50,\"lat\":51}}}\n"))
        .containsExactly("request.duplicate_key@/target/location/lat");
    assertThat(items("[{\"id\":\"a\",\"id\":\"b\"}, " + GOOD + "]")).containsExactly("request.duplicate_key@/id", "g@1");
    try (RequestStream s = new RequestStream(new ByteArrayInputStream(dup.getBytes(StandardCharsets.UTF_8)))) {
      assertThat(s.next().error().message()).contains("`user`").contains("more than once");
    }
  }

  @Test
  void invalidUtf8IsAnErrorOfItsLineWithTheColumnNeverReplaced() throws IOException {
    ByteArrayOutputStream in = new ByteArrayOutputStream();
    in.writeBytes((GOOD + "\n{\"id\":\"b\",\"user\":\"U").getBytes(StandardCharsets.UTF_8));
    in.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28});
    in.writeBytes(("\"}\n{\"id\":\"s\",\"user\":\"").getBytes(StandardCharsets.UTF_8));
    in.writeBytes(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}); // an encoded lone surrogate
    in.writeBytes(("\"}\n" + GOOD + "\n").getBytes(StandardCharsets.UTF_8));
    assertThat(items(in.toByteArray())).containsExactly("g@1", "input.encoding@line 2", "input.encoding@line 3", "g@4");
    try (RequestStream s = new RequestStream(new ByteArrayInputStream(in.toByteArray()))) {
      s.next();
      assertThat(s.next().error().message()).contains("column 20").contains("0xC3");
    }
  }

  @Test
  void loneSurrogateEscapesAreAnErrorAtTheirPointer() throws IOException {
    assertThat(items("{\"id\":\"a\",\"target\":{\"category\":\"x\\ud800\"}}\n{\"id\":\"\\uDFFFz\"}\n{\"\\ud83d\":1}\n"
        + "{\"id\":\"ok\\ud83d\\ude00\"}\n"))
        .containsExactly("input.encoding@/target/category", "input.encoding@/id", "input.encoding@/\ud83d", "ok\ud83d\ude00@4");
  }
}
