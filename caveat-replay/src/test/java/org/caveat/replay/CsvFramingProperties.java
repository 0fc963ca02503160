package org.caveat.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * The CSV framing invariants over generated damage: 100 tries × 100 mutated rows (10,000 per run),
 * each between two good sentinel rows. Every non-blank line after the header is exactly one event,
 * in order, at its own line; decided + unattributed + bad = those lines; every sentinel is decided
 * as it is alone.
 */
class CsvFramingProperties {
  static final String HEADER = String.join(",", AcledColumns.NAMES);
  static final String SENTINEL = BadRowsTest.row("S1", "2024-06-01", "50.458",
      "\"Ukrainian forces struck Russian artillery firing on Kharkiv with HIMARS rockets.\"");
  static final String SENTINEL_ALONE;

  static {
    try {
      SENTINEL_ALONE = Replays.describe(Replays.replay(HEADER + "\n" + SENTINEL + "\n", EventFormat.ACLED, 1).events().get(0));
    } catch (Exception e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  @Property(tries = 100)
  void everyLineIsOneEventAndSentinelsAreDecidedAsAlone(@ForAll long seed, @ForAll boolean crlf) throws Exception {
    Random rnd = new Random(seed);
    ByteArrayOutputStream in = new ByteArrayOutputStream();
    byte[] eol = (crlf ? "\r\n" : "\n").getBytes(StandardCharsets.UTF_8);
    in.writeBytes(HEADER.getBytes(StandardCharsets.UTF_8));
    in.writeBytes(eol);
    long line = 1;
    List<Long> nonBlank = new ArrayList<>();
    List<Long> sentinels = new ArrayList<>();
    for (int i = 0; i <= 100; i++) {
      in.writeBytes(SENTINEL.getBytes(StandardCharsets.UTF_8));
      in.writeBytes(eol);
      nonBlank.add(++line);
      sentinels.add(line);
      if (i == 100) break;
      byte[] m = mutate(SENTINEL, rnd);
      in.writeBytes(m);
      in.writeBytes(eol);
      line++;
      if (!new String(m, StandardCharsets.UTF_8).replace("\uFEFF", "").isBlank()) nonBlank.add(line);
    }
    Replays.Result r = Replays.replay(in.toByteArray(), EventFormat.ACLED, 1);
    assertThat(r.events()).extracting(ReplayEvent::line).isEqualTo(nonBlank);
    for (ReplayEvent e : r.events()) {
      if (sentinels.contains(e.line())) assertThat(Replays.describe(e)).as("line %d", e.line()).isEqualTo(SENTINEL_ALONE);
      if (e.isBad()) assertThat(e.bad()).isNotBlank();
    }
    Summary s = r.summary();
    assertThat(s.decided() + s.unattributed() + s.bad()).isEqualTo(nonBlank.size());
  }

  /** One line of damage: cut short, stray or unclosed quotes, BOM, invalid UTF-8, huge or wrong fields. */
  static byte[] mutate(String good, Random rnd) {
    int at = rnd.nextInt(good.length() + 1);
    String s = switch (rnd.nextInt(10)) {
      case 0 -> good.substring(0, at);
      case 1 -> good.substring(0, at) + "\"" + good.substring(at);
      case 2 -> "\"" + good;
      case 3 -> good.replaceFirst(",", ",\"oops");
      case 4 -> "\uFEFF" + good.substring(0, at);
      case 5 -> good.replace("50.458", new String[] {"NaN", "95", "x", "\"50.458\"", ""}[rnd.nextInt(5)]);
      case 6 -> good.replace("HIMARS", "HIMARS " + "x".repeat(rnd.nextInt(50) == 0 ? 1 << 21 : 3000));
      case 7 -> good + ",extra";
      case 8 -> rnd.nextBoolean() ? "" : "\"";
      default -> null;
    };
    if (s != null) return s.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(good.substring(0, at).getBytes(StandardCharsets.UTF_8));
    out.writeBytes(new byte[][] {{(byte) 0xFF}, {(byte) 0xC3, 0x28}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}}[rnd.nextInt(3)]);
    out.writeBytes(good.substring(at).getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }
}
