package org.caveat.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A top-level array written on one line (what {@code JSON.stringify} writes) is read in pieces:
 * its elements come out before the whole line has been read, exactly as they would from the same
 * array pretty-printed, and a break after some elements is those elements and then one error.
 */
class OneLineArrayTest {
  /** Counts the bytes taken from it, handing out at most 4 KiB a read, as a socket would. */
  static final class CountingInput extends InputStream {
    private final ByteArrayInputStream in;
    long consumed;

    CountingInput(byte[] bytes) {
      this.in = new ByteArrayInputStream(bytes);
    }

    @Override
    public int read() {
      int b = in.read();
      if (b >= 0) consumed++;
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      int n = in.read(b, off, Math.min(len, 4096));
      if (n > 0) consumed += n;
      return n;
    }
  }

  static List<String> elements(int n) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add("{\"id\":\"r" + i + "\",\"time\":\"2024-06-01T03:00:00Z\",\"user\":\"UA\",\"note\":\"ünïcødé €" + i + "\"}");
    }
    return out;
  }

  static List<RequestStream.Item> read(InputStream in) throws IOException {
    List<RequestStream.Item> out = new ArrayList<>();
    try (RequestStream s = new RequestStream(in)) {
      s.forEachRemaining(out::add);
    }
    return out;
  }

  static List<JsonNode> nodes(List<RequestStream.Item> items) {
    List<JsonNode> out = new ArrayList<>();
    for (RequestStream.Item i : items) {
      assertThat(i.error()).as("item on line %d", i.line()).isNull();
      out.add(i.node());
    }
    return out;
  }

  @Test
  void aOneLineArrayYieldsItsFirstElementBeforeTheWholeInputIsReadAndTheSameItemsAsPrettyPrinted() throws IOException {
    List<String> elements = elements(20_000);
    byte[] oneLine = ("[" + String.join(",", elements) + "]").getBytes(StandardCharsets.UTF_8);
    CountingInput in = new CountingInput(oneLine);
    List<RequestStream.Item> items = new ArrayList<>();
    try (RequestStream s = new RequestStream(in)) {
      assertThat(s.hasNext()).isTrue();
      RequestStream.Item first = s.next();
      assertThat(first.node().path("id").asText()).isEqualTo("r0");
      assertThat(in.consumed).as("bytes read before the first item").isLessThan(3L * MultiLineValue.PIECE_BYTES)
          .isLessThan(oneLine.length / 4);
      items.add(first);
      s.forEachRemaining(items::add);
    }
    assertThat(in.consumed).isEqualTo(oneLine.length);
    assertThat(items).hasSize(20_000).allSatisfy(i -> assertThat(i.line()).isEqualTo(1).isEqualTo(i.lastLine()));

    String pretty = "[\n  " + String.join(",\n  ", elements) + "\n]\n";
    List<RequestStream.Item> fromPretty = read(new ByteArrayInputStream(pretty.getBytes(StandardCharsets.UTF_8)));
    assertThat(nodes(items)).isEqualTo(nodes(fromPretty));
  }

  @Test
  void aCharacterStraddlingAPieceBoundaryIsDecodedWhole() throws IOException {
    // Place each of a 2-, 3- and 4-byte character across the first piece boundary in turn.
    for (String c : List.of("é", "€", "😀")) {
      for (int shift = 1; shift < c.getBytes(StandardCharsets.UTF_8).length; shift++) {
        String head = "[{\"id\":\"x\",\"pad\":\"";
        int padBytes = MultiLineValue.PIECE_BYTES - head.length() - shift;
        String text = "[{\"id\":\"x\",\"pad\":\"" + "a".repeat(padBytes) + c + "b\"},{\"id\":\"y" + c + "\"}]";
        List<RequestStream.Item> items = read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        assertThat(items).hasSize(2);
        assertThat(items.get(0).node().path("pad").asText()).isEqualTo("a".repeat(padBytes) + c + "b");
        assertThat(items.get(1).node().path("id").asText()).isEqualTo("y" + c);
      }
    }
  }

  @Test
  void aOneLineArrayBrokenAfterSomeElementsGivesThoseElementsThenOneError() throws IOException {
    List<String> elements = elements(5_000); // far past the first piece
    String text = "[" + String.join(",", elements) + ",{\"id\": oops}," + String.join(",", elements(3)) + "]\n"
        + "{\"id\":\"after\"}\n";
    List<RequestStream.Item> items = read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    assertThat(items).hasSize(5_002);
    assertThat(nodes(items.subList(0, 5_000))).extracting(n -> n.path("id").asText()).startsWith("r0", "r1")
        .endsWith("r4999");
    RequestStream.Item error = items.get(5_000);
    assertThat(error.error().code()).isEqualTo("json.syntax");
    assertThat(error.error().at()).isEqualTo("line 1");
    assertThat(items.get(5_001).node().path("id").asText()).isEqualTo("after");
    assertThat(items.get(5_001).line()).isEqualTo(2);
  }

  @Test
  void invalidUtf8LateInAOneLineArrayEndsItWithOneEncodingErrorAfterItsElements() throws IOException {
    byte[] head = ("[" + String.join(",", elements(3_000)) + ",{\"id\":\"").getBytes(StandardCharsets.UTF_8);
    byte[] tail = "\"}]\n{\"id\":\"after\"}\n".getBytes(StandardCharsets.UTF_8);
    byte[] input = new byte[head.length + 1 + tail.length];
    System.arraycopy(head, 0, input, 0, head.length);
    input[head.length] = (byte) 0xFF;
    System.arraycopy(tail, 0, input, head.length + 1, tail.length);
    List<RequestStream.Item> items = read(new ByteArrayInputStream(input));
    assertThat(items).hasSize(3_002);
    assertThat(items.get(3_000).error().code()).isEqualTo("input.encoding");
    assertThat(items.get(3_000).error().message())
        .contains("column " + (new String(head, StandardCharsets.UTF_8).length() + 1));
    assertThat(items.get(3_001).node().path("id").asText()).isEqualTo("after");
  }

  @Test
  void aLongLineInsideAnArrayThatBreaksBeforeAnyItemIsReadAgainWhole() throws IOException {
    // Line 2 breaks in its first piece; its rest (past several pieces) is still one line read again.
    String pad = "p".repeat(3 * MultiLineValue.PIECE_BYTES);
    String text = "[\n{\"pad\":\"" + pad + "\", oops, \"more\":\"" + pad + "\"}\n{\"id\":\"c\"}\n";
    List<RequestStream.Item> items = read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    assertThat(items).extracting(i -> (i.error() == null ? i.node().path("id").asText() : i.error().code()) + "@" + i.line())
        .containsExactly("json.syntax@1", "json.syntax@2", "c@3");
  }
}
