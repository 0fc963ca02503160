package org.caveat.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Reading in pieces loses nothing: over generated inputs (multi-byte characters, byte-order
 * marks, CR LF, invalid bytes), the pieces of each line, joined, are the line {@link
 * InputLines#next()} reads, with the same number, and a line that is not UTF-8 is the same error.
 */
class InputPiecesProperties {
  @Property(tries = 300)
  void piecesJoinedAreTheLines(@ForAll("inputs") byte[] input, @ForAll @IntRange(min = 8, max = 40) int maxBytes)
      throws IOException {
    List<InputLines.Line> lines = new ArrayList<>();
    InputLines whole = new InputLines(new ByteArrayInputStream(input));
    for (InputLines.Line l = whole.next(); l != null; l = whole.next()) lines.add(l);

    List<InputLines.Line> joined = new ArrayList<>();
    InputLines pieces = new InputLines(new ByteArrayInputStream(input));
    StringBuilder text = new StringBuilder();
    for (InputLines.Piece p = pieces.nextPiece(maxBytes); p != null; p = pieces.nextPiece(maxBytes)) {
      assertThat(p.error() != null && !p.endsLine()).as("an error piece stands for its whole line").isFalse();
      if (p.error() != null) {
        joined.add(p.toLine());
        text.setLength(0);
        continue;
      }
      text.append(p.text());
      if (p.endsLine()) {
        joined.add(new InputLines.Line(p.number(), text.toString(), null));
        text.setLength(0);
      }
    }
    assertThat(joined).isEqualTo(lines);
  }

  @Provide
  Arbitrary<byte[]> inputs() {
    Arbitrary<byte[]> chunk = Arbitraries.oneOf(
        Arbitraries.of("a", "{\"id\":1}", " ", "é", "€", "😀", "\uFEFF", "\r", "\n", "\r\n", "[", "]")
            .map(s -> s.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
        Arbitraries.bytes().map(b -> new byte[] {b}));
    return chunk.list().ofMaxSize(120).map(parts -> {
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      parts.forEach(out::writeBytes);
      return out.toByteArray();
    });
  }
}
