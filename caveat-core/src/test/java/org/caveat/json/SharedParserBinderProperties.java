package org.caveat.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.caveat.model.Request;
import org.junit.jupiter.api.Test;

/**
 * Binding a batch's lines with one shared parser ({@link SharedParserBinder}, behind
 * {@link RequestReader#read(List, RequestDefaults)}) gives every line exactly what binding it alone
 * gives, whatever its neighbours: good lines, damaged ones (cut short, so that the next line could
 * complete them; two values; stray brackets), blank ones, and lines with surrounding white space.
 */
class SharedParserBinderProperties {
  private static final String GOOD = compact(RequestReaderTest.GOOD);

  private static String compact(String json) {
    try {
      return Json.MAPPER.readTree(json).toString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
  private static final List<RequestDefaults> DEFAULTS = List.of(RequestDefaults.NONE,
      RequestDefaults.asOf(Instant.parse("2024-06-01T00:00:00Z")));

  @Property(tries = 1000)
  void everyLineBindsAsItBindsAlone(@ForAll @LongRange(min = 1) long seed) throws Exception {
    Random rnd = new Random(seed);
    ByteArrayOutputStream in = new ByteArrayOutputStream();
    in.writeBytes((GOOD + "\n").getBytes(StandardCharsets.UTF_8));
    int n = 1 + rnd.nextInt(40);
    for (int i = 0; i < n; i++) {
      in.writeBytes(line(rnd));
      in.write('\n');
    }
    List<RequestStream.Item> items = new ArrayList<>();
    try (RequestStream s = new RequestStream(new ByteArrayInputStream(in.toByteArray()), false)) {
      s.next();
      while (s.hasNext()) items.add(s.next());
    }
    byte[][] lines = new byte[items.size()][];
    for (int i = 0; i < lines.length; i++) {
      RequestStream.Item item = items.get(i);
      if (item.node() == null && item.error() == null) lines[i] = item.ascii();
    }
    for (RequestDefaults d : DEFAULTS) {
      Request[] shared = new Request[lines.length];
      SharedParserBinder.bind(lines, d, shared);
      RequestReader.Parsed[] batch = RequestReader.read(items, d);
      for (int i = 0; i < lines.length; i++) {
        Request alone = lines[i] == null ? null : RequestBinder.bind(lines[i], d);
        assertThat(String.valueOf(shared[i])).as("line %d", i).isEqualTo(String.valueOf(alone));
        RequestReader.Parsed one = RequestReader.read(items.get(i), d);
        assertThat(batch[i].error()).isEqualTo(one.error());
        assertThat(String.valueOf(batch[i].request())).isEqualTo(String.valueOf(one.request()));
      }
    }
  }

  /** A good line (sometimes with white space around it, or a number last in an object) or a damaged one. */
  private static byte[] line(Random rnd) {
    return switch (rnd.nextInt(5)) {
      case 0 -> Mutations.mutate(GOOD, rnd);
      case 1 -> (" \t".repeat(rnd.nextInt(2)) + GOOD + " \r".repeat(rnd.nextInt(2))).getBytes(StandardCharsets.UTF_8);
      case 2 -> GOOD.replace("\"id\":\"evt-0001\",", "").replace("}}", ",\"id\":" + rnd.nextInt(99) + "}}")
          .getBytes(StandardCharsets.UTF_8);
      default -> GOOD.replace("evt-0001", "evt-" + rnd.nextInt(1000)).getBytes(StandardCharsets.UTF_8);
    };
  }

  @Test
  void goodLinesShareOneParserAcrossSegments() {
    // ~2.3 KB each, so 200 of them fill several segments
    String longLine = GOOD.replace("evt-0001", "e").replace("\"kept\":", "\"pad\":\"" + "p".repeat(2000) + "\",\"kept\":");
    assertThat(longLine).isNotEqualTo(GOOD);
    byte[][] lines = new byte[200][];
    for (int i = 0; i < lines.length; i++) lines[i] = (i % 2 == 0 ? longLine : GOOD).getBytes(StandardCharsets.US_ASCII);
    lines[7] = "{\"id\":\"cut\",\"x\":".getBytes(StandardCharsets.US_ASCII); // would swallow line 8 if read on
    lines[9] = null;
    Request[] out = new Request[lines.length];
    assertThat(SharedParserBinder.bind(lines, RequestDefaults.NONE, out)).isEqualTo(198);
    assertThat(out[7]).isNull();
    assertThat(out[9]).isNull();
    assertThat(String.valueOf(out[8])).isEqualTo(String.valueOf(RequestBinder.bind(lines[8], RequestDefaults.NONE)));
    assertThat(String.valueOf(out[199])).isEqualTo(String.valueOf(RequestBinder.bind(lines[199], RequestDefaults.NONE)));
  }

  @Test
  void aLineLongerThanASegmentBindsAlone() {
    String huge = GOOD.replace("\"kept\":", "\"pad\":\"" + "p".repeat(SharedParserBinder.SEGMENT_BYTES) + "\",\"kept\":");
    byte[][] lines = {GOOD.getBytes(StandardCharsets.US_ASCII), huge.getBytes(StandardCharsets.US_ASCII),
        GOOD.getBytes(StandardCharsets.US_ASCII)};
    Request[] out = new Request[3];
    assertThat(SharedParserBinder.bind(lines, RequestDefaults.NONE, out)).isEqualTo(2);
    assertThat(out).doesNotContainNull();
  }
}
