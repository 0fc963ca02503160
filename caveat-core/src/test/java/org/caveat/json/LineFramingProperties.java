package org.caveat.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The NDJSON framing invariants over generated damage: 100 tries × 100 mutated lines (10,000 per
 * run), each mutated line between two good sentinel lines. Every non-blank line is exactly one
 * item, in input order, at its own line; every sentinel is answered as it is alone; every error
 * has a code, a message and a position (its line, or a JSON Pointer inside its line's request).
 */
class LineFramingProperties {
  static final String SENTINEL = "{\"id\":\"s\",\"time\":\"2024-06-01T03:00:00Z\",\"user\":\"UA\",\"weapon\":"
      + "{\"origin\":\"US\",\"class\":\"rocket_artillery\",\"range_km\":84},\"target\":{\"location\":"
      + "{\"lat\":50.57,\"lon\":36.66},\"category\":\"artillery\",\"activity\":\"attacking\"},\"purpose\":\"counter_fire\"}";
  static final JsonNode SENTINEL_NODE;

  static {
    try {
      SENTINEL_NODE = Json.MAPPER.readTree(SENTINEL);
    } catch (Exception e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  @Property(tries = 100)
  void everyNonBlankLineIsOneItemInOrderAndSentinelsAreAnsweredAsAlone(@ForAll("seeds") long seed,
      @ForAll boolean crlf, @ForAll boolean parse) throws Exception {
    Random rnd = new Random(seed);
    ByteArrayOutputStream in = new ByteArrayOutputStream();
    List<Long> nonBlank = new ArrayList<>();
    List<Long> sentinels = new ArrayList<>();
    long line = 0;
    byte[] eol = (crlf ? "\r\n" : "\n").getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i <= 100; i++) {
      line++;
      in.writeBytes(SENTINEL.getBytes(StandardCharsets.UTF_8));
      in.writeBytes(eol);
      nonBlank.add(line);
      sentinels.add(line);
      if (i == 100) break;
      byte[] m = Mutations.mutate(SENTINEL, rnd);
      line++;
      in.writeBytes(m);
      in.writeBytes(eol);
      if (!Mutations.blank(m)) nonBlank.add(line);
    }
    List<Long> seen = new ArrayList<>();
    try (RequestStream s = new RequestStream(new ByteArrayInputStream(in.toByteArray()), parse)) {
      while (s.hasNext()) {
        RequestStream.Item i = s.next().parsed();
        assertThat(i.lastLine()).as("one line per item").isEqualTo(i.line());
        seen.add(i.line());
        if (sentinels.contains(i.line())) {
          assertThat(i.error()).as("sentinel on line %d", i.line()).isNull();
          assertThat(i.node()).isEqualTo(SENTINEL_NODE);
        } else if (i.error() != null) {
          assertThat(i.error().code()).matches("[a-z]+\\.[a-z_]+");
          assertThat(i.error().message()).isNotBlank();
          assertThat(i.error().at()).matches("line " + i.line() + "|(/[^/]*)+|");
        }
      }
    }
    assertThat(seen).isEqualTo(nonBlank);
  }

  @Provide
  Arbitrary<Long> seeds() {
    return Arbitraries.longs();
  }
}
