package org.caveat.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Splitting inputs into items: NDJSON, a pretty-printed object, an array; bad items and lines. */
class RequestStreamTest {
  static final String A = "{\"id\": \"a\"}", B = "{\"id\": \"b\"}", C = "{\"id\": \"c\"}";

  /** "id@line" for a good item, "code@line" for an error; checks every error's shape. */
  static List<String> items(String input) throws IOException {
    List<String> out = new ArrayList<>();
    try (RequestStream s = new RequestStream(bytes(input))) {
      while (s.hasNext()) {
        RequestStream.Item i = s.next();
        assertThat(i.node() == null).as("exactly one of node and error").isNotEqualTo(i.error() == null);
        if (i.error() != null) {
          assertThat(i.error().message()).isNotBlank();
          assertThat(i.error().at()).isEqualTo(RequestStream.span(i.line(), i.lastLine()));
          out.add(i.error().code() + "@" + i.line());
        } else {
          out.add(i.node().path("id").asText(i.node().toString()) + "@" + i.line());
        }
      }
    }
    return out;
  }

  static InputStream bytes(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void ndjsonBadLineBetweenTwoGoodOnes() throws IOException {
    assertThat(items(A + "\n{\"id\": oops}\n" + C + "\n")).containsExactly("a@1", "json.syntax@2", "c@3");
  }

  @Test
  void blankLinesAreSkippedAndCountedAndCrLfIsFine() throws IOException {
    assertThat(items("\n\n" + A + "\r\n\r\n  \r\n" + B + "\r\n")).containsExactly("a@3", "b@6");
  }

  @Test
  void prettyPrintedObjectSpansLines() throws IOException {
    String pretty = "{\n  \"id\": \"p\",\n  \"target\": {\n    \"location\": {\"lat\": 50, \"lon\": 36}\n  }\n}\n";
    assertThat(items(pretty + B + "\n")).containsExactly("p@1", "b@7");
  }

  @Test
  void truncatedLastObjectIsAnError() throws IOException {
    assertThat(items(A + "\n{\"id\": \"b\",\n  \"time\": ")).containsExactly("a@1", "json.syntax@2", "json.syntax@3");
  }

  @Test
  void truncatedObjectFollowedByANewOneIsAnErrorAndReadingGoesOn() throws IOException {
    assertThat(items("{\"id\": \"a\",\n" + B + "\n")).containsExactly("json.syntax@1", "b@2");
  }

  @Test
  void twoValuesOnOneLine() throws IOException {
    List<String> got = items(A + " " + B + "\n" + C + "\n");
    assertThat(got).containsExactly("json.syntax@1", "c@2");
    try (RequestStream s = new RequestStream(bytes(A + " " + B))) {
      assertThat(s.next().error().message()).contains("more than one JSON value on one line");
    }
  }

  @Test
  void valuesThatAreNotObjectsAreItemsForTheReaderToReject() throws IOException {
    assertThat(items("42\nnull\n\"x\"\n")).containsExactly("42@1", "null@2", "\"x\"@3");
  }

  @Test
  void jsonArrayPrettyPrinted() throws IOException {
    assertThat(items("\n[\n  " + A + ",\n  " + B + ",\n\n  " + C + "\n]\n")).containsExactly("a@3", "b@4", "c@6");
    assertThat(items("[]")).isEmpty();
    assertThat(items("")).isEmpty();
  }

  @Test
  void arrayBrokenInTheMiddleGivesTheGoodItemsThenAnErrorAndReadsTheRestLineByLine() throws IOException {
    assertThat(items("[" + A + ",\n" + B + ",\n{\"id\": oops},\n" + C + "]"))
        .containsExactly("a@1", "b@2", "json.syntax@3", "json.syntax@4");
    assertThat(items("[" + A + ", " + B + ",")).containsExactly("a@1", "b@1", "json.syntax@1");
  }

  @Test
  void nanTokenIsReadSoTheReaderCanSayWhatIsWrong() throws IOException {
    try (RequestStream s = new RequestStream(bytes("{\"target\": {\"location\": {\"lat\": NaN}}}"))) {
      assertThat(s.next().node().at("/target/location/lat").isNumber()).isTrue();
    }
  }

  @Test
  void hugeRequestIsRejectedAndReadingGoesOn() throws IOException {
    String huge = "{\"id\": \"h\", \"pad\": \"" + "x".repeat(Json.MAX_REQUEST_CHARS + 10) + "\"}";
    assertThat(items(A + "\n" + huge + "\n" + C + "\n")).containsExactly("a@1", "request.too_large@2", "c@3");
    assertThat(items(prettyObject(40, 30_000) + B + "\n")).containsExactly("request.too_large@1", "b@44");
  }

  /** A pretty-printed object of {@code lines} members of {@code width} characters: lines + 3 lines. */
  static String prettyObject(int lines, int width) {
    StringBuilder pretty = new StringBuilder("{\n");
    for (int i = 0; i < lines; i++) pretty.append("  \"k").append(i).append("\": \"").append("x".repeat(width)).append("\",\n");
    return pretty.append("  \"end\": 1\n}\n").toString();
  }

  @Test
  void manyLineHugeRequestIsRejectedInLinearTime() {
    org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(30),
        () -> assertThat(items(prettyObject(40_000, 20) + B + "\n")).containsExactly("request.too_large@1", "b@40004"));
  }

  @Test
  void readFailureEndsTheStreamWithOneError() throws IOException {
    InputStream failing = new InputStream() {
      final byte[] text = (A + "\n" + B + "\n").getBytes(StandardCharsets.UTF_8);
      int pos;

      @Override
      public int read() throws IOException {
        if (pos == text.length) throw new IOException("disk gone");
        return text[pos++];
      }
    };
    List<RequestStream.Item> got = new ArrayList<>();
    new RequestStream(failing).forEachRemaining(got::add);
    assertThat(got).hasSize(3);
    assertThat(got.get(0).node().path("id").asText()).isEqualTo("a");
    assertThat(got.get(2).error().code()).isEqualTo("input.io");
    assertThat(got.get(2).error().message()).contains("disk gone");
  }

  @Test
  void largeArrayOfSmallRequestsIsReadWhole() throws IOException {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < 6000; i++) sb.append(i == 0 ? "" : ",\n").append("{\"id\": \"r").append(i).append("\", \"pad\": \"")
        .append("x".repeat(180)).append("\"}");
    assertThat(items(sb.append("]").toString())).hasSize(6000).noneMatch(s -> s.startsWith("json."));
  }

  @Test
  void twoHugeLinesInARowAreTwoErrorsAndReadingGoesOn() throws IOException {
    String huge = "{\"id\": \"h\", \"pad\": \"" + "x".repeat(Json.MAX_REQUEST_CHARS + 10) + "\"}";
    assertThat(items(huge + "\n" + huge + "\n" + C + "\n"))
        .containsExactly("request.too_large@1", "request.too_large@2", "c@3");
  }

  @Test
  void nestedObjectOpeningAtColumnZeroIsPartOfTheSameValue() throws IOException {
    assertThat(items("{\"id\": \"n\", \"target\":\n{\"category\": \"artillery\"}}\n" + B + "\n")).containsExactly("n@1", "b@3");
  }

  @Test
  void linesAfterTheArrayAreReadOneByOne() throws IOException {
    assertThat(items("[" + A + "]\n" + B + "\n")).containsExactly("a@1", "b@2");
    assertThat(items("[" + A + "] " + B + "\n" + C + "\n")).containsExactly("a@1", "json.syntax@1", "c@2");
  }
}
