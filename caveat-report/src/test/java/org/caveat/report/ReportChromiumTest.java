package org.caveat.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.caveat.decide.Outcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report opened in a real headless Chromium: it renders, the map has every marker, no errors,
 * nothing fetched. Chromium comes from scripts/test/ensure-chromium.sh (installed when root on
 * Debian); without it the tests fail when CI is set and are skipped otherwise.
 */
class ReportChromiumTest {
  private static final Duration BROWSER_TIMEOUT = Duration.ofSeconds(90);
  private static final String MARKERS = "JSON.stringify({"
      + "all: document.querySelectorAll('#map-svg circle.event').length,"
      + "permit: document.querySelectorAll('#map-svg circle.event.permit').length,"
      + "deny: document.querySelectorAll('#map-svg circle.event.deny').length,"
      + "indeterminate: document.querySelectorAll('#map-svg circle.event.indeterminate').length,"
      + "notApplicable: document.querySelectorAll('#map-svg circle.event.not-applicable').length,"
      + "tables: document.querySelectorAll('table').length,"
      + "pwned: window.__pwned === 1,"
      + "title: document.title,"
      // The legend's DENY box hides the DENY markers, and only them.
      + "hiddenAfterToggle: (function () {"
      + "  var box = document.querySelector('input[data-toggle=\"event deny\"]');"
      + "  box.checked = false; box.dispatchEvent(new Event('change', {bubbles: true}));"
      + "  return document.querySelectorAll('#map-svg circle.event.hidden').length; })()})";
  private static List<ReplayRow> rows;
  private static HeadlessChromium browser;

  @TempDir Path dir;

  /** Installing Chromium on a clean machine may take minutes; the script itself gives up after ten. */
  @BeforeAll
  @Timeout(value = 11, unit = TimeUnit.MINUTES)
  static void prepare() throws Exception {
    Path chromium = ChromiumLocator.chromium();
    rows = SyntheticRows.rows();
    browser = HeadlessChromium.start(chromium, BROWSER_TIMEOUT);
  }

  @AfterAll
  static void stop() throws Exception {
    if (browser != null) browser.close();
  }

  private Path writeReport() throws Exception {
    ReportBuilder b = SyntheticRows.report().build();
    rows.forEach(b::accept);
    b.acceptBadRow(40, "latitude `<script>x</script>` is not a number");
    Path file = dir.resolve("report.html");
    b.writeHtml(file);
    return file;
  }

  @Test
  @Timeout(120)
  void rendersEveryMarkerWithoutErrorsOrFetches() throws Exception {
    Path file = writeReport();
    HeadlessChromium.Page page = browser.load(file, MARKERS);
    var v = new com.fasterxml.jackson.databind.ObjectMapper().readTree(page.value().asText());
    assertThat(page.errors()).as("console and script errors").isEmpty();
    assertThat(page.requests()).as("only the file itself is loaded").containsExactly(file.toUri().toString());
    assertThat(v.get("title").asText()).isEqualTo("Replay <of> test events");
    assertThat(page.dom()).contains("<h1>Replay &lt;of&gt; test events</h1>", "id=\"by-version\"", "id=\"by-region\"",
        "id=\"by-category\"", "id=\"denies\"", "<svg id=\"map-svg\"");
    assertThat(v.get("tables").asInt()).isGreaterThanOrEqualTo(7);
    assertThat(v.get("all").asLong()).isEqualTo(rows.stream().filter(r -> r.lat() != null).count());
    assertThat(v.get("permit").asLong()).isEqualTo(SyntheticRows.located(rows, Outcome.PERMIT));
    assertThat(v.get("deny").asLong()).isEqualTo(SyntheticRows.located(rows, Outcome.DENY));
    assertThat(v.get("indeterminate").asLong()).isEqualTo(SyntheticRows.located(rows, Outcome.INDETERMINATE));
    assertThat(v.get("notApplicable").asLong()).isEqualTo(SyntheticRows.located(rows, Outcome.NOT_APPLICABLE));
    assertThat(v.get("hiddenAfterToggle").asLong()).isEqualTo(SyntheticRows.located(rows, Outcome.DENY));
    assertThat(v.get("pwned").asBoolean()).as("the <script> in an event id must stay text").isFalse();
  }

  @Test
  @Timeout(120)
  void theErrorCheckCatchesABrokenScript() throws Exception {
    Path broken = dir.resolve("broken.html");
    String html = Files.readString(writeReport(), StandardCharsets.UTF_8);
    Files.writeString(broken, html.replace("</body>",
        "<script>console.error('report check: deliberate'); notDefinedAnywhere();</script>\n</body>"),
        StandardCharsets.UTF_8);
    HeadlessChromium.Page page = browser.load(broken, "1");
    assertThat(page.errors()).anyMatch(e -> e.startsWith("uncaught:") && e.contains("notDefinedAnywhere"));
    assertThat(page.errors()).anyMatch(e -> e.startsWith("console.error:") && e.contains("report check: deliberate"));
  }
}
