package org.caveat.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.caveat.decide.Outcome;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the report says: counts, reasons, the DENY section, bad rows, escaping, determinism. */
class ReportContentTest {
  private static List<ReplayRow> rows;
  private static String html;

  @BeforeAll
  static void build() {
    rows = SyntheticRows.rows();
    ReportBuilder b = SyntheticRows.report().build();
    rows.forEach(b::accept);
    b.acceptBadRow(17, "event_date `31 Febuary 2024` is not a date");
    b.acceptBadRow(40, "notes <script>alert(1)</script>");
    html = SyntheticRows.html(b);
  }

  /** Keeps the report for a look in a browser: target/report-content.html. */
  @org.junit.jupiter.api.AfterAll
  static void keep() throws java.io.IOException {
    java.nio.file.Files.writeString(java.nio.file.Path.of("target", "report-content.html"), html);
  }

  @Test
  void theFixtureHasEveryKindOfDecision() {
    assertThat(rows).hasSize(33);
    assertThat(rows.stream().map(r -> r.answer().decision())).contains(Outcome.values());
  }

  @Test
  void countsByGrantVersionAndDecision() {
    assertThat(html).contains("<tr><th scope=\"row\">us-ua@2024-05-30</th><td>14</td><td>12</td><td>4</td><td>0</td>"
        + "<td>30</td></tr>");
    assertThat(html).contains("<tr><th scope=\"row\">(no grant applies)</th><td>0</td><td>0</td><td>0</td><td>3</td>");
    assertThat(html).contains("<tr class=\"deny\"><th scope=\"row\">DENY</th><td>12</td><td>36.4%</td></tr>");
    assertThat(html).containsPattern("us-ua@2024-05-30</th><td><code>sha256:[0-9a-f]{64}</code></td>"
        + "<td>2024-05-30T00:00:00Z</td><td>(official|reported|disputed)</td><td>[^<]+</td></tr>");
  }

  @Test
  void countsByRegionAndCategory() {
    assertThat(html).contains("<tr><th scope=\"row\">UA-63 Kharkiv</th><td>6</td><td>0</td><td>0</td><td>0</td><td>6</td>");
    assertThat(html).contains("<tr><th scope=\"row\">RU-KRS Kursk</th><td>0</td><td>2</td>");
    assertThat(html).contains("<tr><th scope=\"row\">civilian_infrastructure</th><td>0</td><td>6</td>");
    assertThat(html).contains("<tr><th scope=\"row\">unknown</th><td>0</td><td>0</td><td>4</td>");
  }

  @Test
  void indeterminateReasonsCountMissingAttributes() {
    assertThat(html).contains("<tr><th scope=\"row\">target.category missing</th><td>4</td></tr>",
        "<tr><th scope=\"row\">weapon.class missing</th><td>4</td></tr>");
  }

  @Test
  void everyDenyIsGroupedWithItsReasonsAndSources() {
    assertThat(html).contains("12 rows DENY, in 3 groups");
    assertThat(html).contains("6 DENY — us-ua@2024-05-30: forbidden (a forbid rule matched)");
    assertThat(html).contains("4 DENY — us-ua@2024-05-30: not permitted (no permit rule matched)");
    assertThat(html).contains("<code>civilian-infrastructure</code> (forbid)");
    // The quote behind the forbid rule, with its outlet, attribution and reliability.
    assertThat(html).containsPattern("data-source-id=\"politico-limits\"><blockquote>[^<]+</blockquote>\\s*"
        + "<figcaption><code>politico-limits</code> — [^<]*Politico[^<]*; reliability: (official|reported|disputed)");
    assertThat(html).contains("6 of 6 events listed", "4 of 4 events listed", "2 of 2 events listed");
    // Kursk rows are not permitted by their own margins: the second lists its own explanation.
    Matcher kursk = Pattern.compile("<td>kursk-1</td><td>2024-06-05</td><td>([^<]+)</td>").matcher(html);
    assertThat(kursk.find()).isTrue();
    assertThat(kursk.group(1)).startsWith("Denied: not permitted").contains("km");
  }

  @Test
  void badRowsAreListedWithLineAndReason() {
    assertThat(html).contains("2 rows could not be read and were skipped.");
    assertThat(html).contains("<tr><td>17</td><td>event_date `31 Febuary 2024` is not a date</td></tr>");
  }

  @Test
  void everyTextIsEscaped() {
    assertThat(html).doesNotContain("<script>window.__pwned", "<script>alert(1)", "<of>");
    assertThat(html).contains("evt-&lt;script&gt;window.__pwned=1&lt;/script&gt;");
    assertThat(html).contains("notes &lt;script&gt;alert(1)&lt;/script&gt;");
    assertThat(html).contains("<title>Replay &lt;of&gt; test events</title>");
    // The only script element is the report's own.
    assertThat(Pattern.compile("<script").matcher(html).results().count()).isEqualTo(1);
  }

  @Test
  void theHeaderShowsTheInjectedClock() {
    assertThat(html).contains("<dd id=\"generated\">2026-01-02T03:04:05Z</dd>", "<dd id=\"input-name\">events.csv</dd>");
  }

  @Test
  void sameRowsAndClockGiveTheSameBytes() {
    ReportBuilder again = SyntheticRows.report().build();
    SyntheticRows.rows().forEach(again::accept);
    again.acceptBadRow(17, "event_date `31 Febuary 2024` is not a date");
    again.acceptBadRow(40, "notes <script>alert(1)</script>");
    assertThat(SyntheticRows.html(again)).isEqualTo(html);
  }

  @Test
  void anEmptyReplayStillGivesAWholeReport() {
    String empty = SyntheticRows.html(SyntheticRows.report().build());
    assertThat(empty).contains("<dd id=\"rows\">0</dd>", "Showing 0 of 0 located events", "0 rows DENY, in 0 groups",
        "No grant version was in force for these rows.", "</html>");
    assertThat(empty).contains("<path class=\"border\"");
  }

  @Test
  void aBuilderNeedsAnEngineAndSaneCaps() {
    assertThatThrownBy(() -> ReportBuilder.builder().build()).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("engine");
    assertThatThrownBy(() -> SyntheticRows.report().maxMarkers(-1).build())
        .hasMessageContaining("maxMarkers=-1");
  }
}
