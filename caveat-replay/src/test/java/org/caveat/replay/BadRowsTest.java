package org.caveat.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Bad rows are reported with their line and reason and skipped; the rows around them are replayed. */
class BadRowsTest {
  static String row(String id, String date, String lat, String notes) {
    String[] v = new String[AcledColumns.NAMES.size()];
    java.util.Arrays.fill(v, "");
    v[0] = id;
    v[1] = date;
    v[7] = "Military Forces of Ukraine (2019-)";
    v[22] = lat;
    v[23] = "36.4180";
    v[27] = notes;
    return String.join(",", v);
  }

  static final String GOOD = "\"Ukrainian forces struck Russian artillery firing on Kharkiv with HIMARS rockets.\"";

  @Test
  void eachBadRowIsReportedWithItsLineAndSkipped() throws Exception {
    String csv = String.join("\n",
        String.join(",", AcledColumns.NAMES),                         // 1
        row("A1", "2024-06-01", "50.458", GOOD),                      // 2
        row("A2", "2024-06-01", "50.458", GOOD) + ",extra",           // 3 wrong column count
        row("A3", "2024-06-01", "95", GOOD),                          // 4 latitude 95
        row("A4", "2024-13-45", "50.458", GOOD),                      // 5 bad date
        row("A5", "2024-06-01", "50.458", "\"closed\"garbage"),       // 6 broken quoting
        row("A6", "2024-06-01", "50.458", GOOD),                      // 7
        row("A7", "2024-06-01", "50.458", "\"never closed"),          // 8 unterminated quote
        row("A8", "2024-06-01", "50.458", GOOD)) + "\n";              // 9
    Replays.Result r = Replays.replay(csv, EventFormat.ACLED, 2);
    List<String> bad = r.events().stream().filter(ReplayEvent::isBad).map(e -> e.line() + ": " + e.bad()).toList();
    assertThat(bad).hasSize(5);
    assertThat(bad.get(0)).isEqualTo("3: wrong column count: the header has 31 columns, this row 32");
    assertThat(bad.get(1)).isEqualTo("4: latitude 95 is outside [-90, 90]");
    assertThat(bad.get(2)).isEqualTo("5: event_date `2024-13-45` is not a date (2024-06-01 or 01 June 2024)");
    assertThat(bad.get(3)).startsWith("6: broken quoting: ");
    assertThat(bad.get(4)).isEqualTo("8: broken quoting: a quoted field opened on this line is not closed"
        + " (the lines after it are read as rows of their own)");
    assertThat(r.events().stream().filter(e -> e.answer() != null).map(ReplayEvent::id))
        .containsExactly("A1", "A6", "A8");
    assertThat(r.summary().bad()).isEqualTo(5);
    assertThat(r.summary().table()).contains("bad rows (skipped, reported on stderr): 5");
  }

  @Test
  void aQuotedFieldWithLineBreaksIsOneRecordAndLaterLinesKeepTheirNumbers() throws Exception {
    String csv = String.join("\n", String.join(",", AcledColumns.NAMES),
        row("B1", "2024-06-01", "50.458", "\"first line,\nsecond line with HIMARS,\nthird\""),
        row("B2", "2024-06-01", "95", GOOD)) + "\n";
    Replays.Result r = Replays.replay(csv, EventFormat.ACLED, 1);
    assertThat(r.events()).hasSize(2);
    assertThat(r.events().get(0).line()).isEqualTo(2);
    assertThat(r.events().get(0).request().weaponSystem()).isEqualTo("M142 HIMARS");
    assertThat(r.events().get(1).line()).isEqualTo(5);
    assertThat(r.events().get(1).bad()).contains("latitude 95");
  }

  @Test
  void ndjsonErrorsAreBadRowsWithTheirLines() throws Exception {
    String ndjson = "{\"id\":\"n1\",\"time\":\"2024-06-01T03:00:00Z\",\"user\":\"UA\",\"weapon\":{\"origin\":\"US\","
        + "\"class\":\"rocket_artillery\"},\"target\":{\"location\":{\"lat\":95,\"lon\":36.58},\"category\":\"artillery\","
        + "\"activity\":\"attacking\"}}\n{broken\n";
    Replays.Result r = Replays.replay(ndjson, EventFormat.NDJSON, 1);
    assertThat(r.events()).extracting(ReplayEvent::line).containsExactly(1L, 2L);
    assertThat(r.events().get(0).bad()).isEqualTo("request.range at /target/location/lat: latitude 95 is outside [-90, 90]");
    assertThat(r.events().get(1).bad()).startsWith("json.syntax: malformed JSON");
  }

  /**
   * Issue 8's reproducer: line 3 gets {@code ,"oops} inserted and line 14 starts with a stray
   * quote. Before, lines 3-14 were read as one record and lines 4-14 were neither decided,
   * reported nor counted. Now lines 3 and 14 are bad and every other record is replayed as in
   * the file without the damage.
   */
  @Test
  void aBrokenQuoteNeverHidesTheRowsAfterIt() throws Exception {
    java.nio.file.Path file = java.nio.file.Path.of(System.getProperty("user.dir")).getParent()
        .resolve("examples/replay/synthetic-300.csv");
    List<String> lines = new java.util.ArrayList<>(java.nio.file.Files.readAllLines(file));
    Replays.Result clean = Replays.replay(String.join("\n", lines) + "\n", EventFormat.ACLED, 2);
    lines.set(2, lines.get(2).replaceFirst(",", ",\"oops"));
    lines.set(13, "\"" + lines.get(13));
    Replays.Result r = Replays.replay(String.join("\n", lines) + "\n", EventFormat.ACLED, 2);
    assertThat(r.events().stream().filter(ReplayEvent::isBad).map(ReplayEvent::line)).containsExactly(3L, 14L);
    assertThat(r.events()).extracting(ReplayEvent::line).containsExactlyElementsOf(
        clean.events().stream().map(ReplayEvent::line).toList());
    for (int i = 0; i < r.events().size(); i++) {
      ReplayEvent e = r.events().get(i);
      if (e.line() == 3 || e.line() == 14) continue;
      assertThat(Replays.describe(e)).isEqualTo(Replays.describe(clean.events().get(i)));
    }
    Summary s = r.summary();
    assertThat(s.decided() + s.unattributed() + s.bad()).isEqualTo(clean.events().size());
    assertThat(s.bad()).isEqualTo(2);
  }

  @Test
  void invalidUtf8AndByteOrderMarksInCsv() throws Exception {
    java.io.ByteArrayOutputStream in = new java.io.ByteArrayOutputStream();
    in.writeBytes(("\uFEFF" + String.join(",", AcledColumns.NAMES) + "\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    in.writeBytes(("\uFEFF" + row("C1", "2024-06-01", "50.458", GOOD) + "\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    in.writeBytes(row("C2", "2024-06-01", "50.458", "\"bad ").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    in.writeBytes(new byte[] {(byte) 0xFF, '"', '\n'});
    in.writeBytes((row("C3", "2024-06-01", "50.458", GOOD) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    Replays.Result r = Replays.replay(in.toByteArray(), EventFormat.ACLED, 1);
    assertThat(r.events()).extracting(ReplayEvent::line).containsExactly(2L, 3L, 4L);
    assertThat(r.events().get(0).id()).isEqualTo("C1");
    assertThat(r.events().get(0).isBad()).isFalse();
    assertThat(r.events().get(1).bad()).startsWith("invalid UTF-8 at column");
    assertThat(r.events().get(2).isBad()).isFalse();
  }
}
