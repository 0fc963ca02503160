package org.caveat.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The SVG map: projection, markers and their cap, geography and zones. */
class MapTest {
  private static final Pattern CIRCLE = Pattern.compile("<circle class=\"event ([a-z-]+)\" data-event-id=\"([^\"]*)\" "
      + "data-line=\"(\\d+)\" cx=\"([-0-9.]+)\" cy=\"([-0-9.]+)\"");
  private static List<ReplayRow> rows;

  @BeforeAll
  static void decide() {
    rows = SyntheticRows.rows();
  }

  private static String report(int maxMarkers) {
    ReportBuilder b = SyntheticRows.report().maxMarkers(maxMarkers).build();
    rows.forEach(b::accept);
    return SyntheticRows.html(b);
  }

  private static List<String> circles(String html) {
    return CIRCLE.matcher(html).results().map(java.util.regex.MatchResult::group).toList();
  }

  @Test
  void everyLocatedEventIsDrawnWithItsDecisionAndTooltip() {
    String html = report(ReportBuilder.DEFAULT_MAX_MARKERS);
    assertThat(circles(html)).hasSize(32);
    assertThat(html).contains("Showing 32 of 32 located events; 1 rows without a position are not drawn.");
    assertThat(html).contains("<circle class=\"event permit\" data-event-id=\"cf-0\" data-line=\"2\"");
    assertThat(html).contains("<title>cf-0 · 2024-06-05 · PERMIT</title></circle>");
    assertThat(html).contains("class=\"event not-applicable\" data-event-id=\"kr-0\"");
    assertThat(html).doesNotContain("data-event-id=\"no-position\"");
  }

  @Test
  void markersAreCappedByADeterministicSampleAndTheReportSaysSo() {
    String html = report(5);
    List<String> shown = circles(html);
    assertThat(shown).hasSize(5);
    assertThat(html).contains("Showing 5 of 32 located events (a deterministic random sample)");
    assertThat(circles(report(5))).isEqualTo(shown);
    // The sample is drawn in input order.
    List<Long> lines = shown.stream().map(c -> Long.parseLong(c.replaceAll(".*data-line=\"(\\d+)\".*", "$1"))).toList();
    assertThat(lines).isSorted();
    assertThat(circles(report(0))).isEmpty();
  }

  @Test
  void aPointInKharkivLandsInsideTheViewBox() {
    MapProjection p = MapProjection.around(new double[] {49.9, 51.6, 34.5, 37.0});
    double x = p.x(36.23), y = p.y(49.99);
    assertThat(x).isBetween(0.0, MapProjection.WIDTH);
    assertThat(y).isBetween(0.0, p.height());
    // North is up and east is right.
    assertThat(p.y(51.0)).isLessThan(y);
    assertThat(p.x(37.0)).isGreaterThan(x);
    assertThat(p.viewBox()).isEqualTo("0 0 1000.0 " + Html.coord(p.height()));
  }

  @Test
  void theDefaultWindowShowsTheKharkivBorderWhenNoEventHasAPosition() {
    MapProjection p = MapProjection.around(null);
    assertThat(p.south()).isLessThan(49.99);
    assertThat(p.north()).isGreaterThan(50.6);
    assertThat(p.west()).isLessThan(36.23);
    assertThat(p.east()).isGreaterThan(36.6);
  }

  @Test
  void drawnMarkersLieInsideTheViewBox() {
    String html = report(ReportBuilder.DEFAULT_MAX_MARKERS);
    Matcher vb = Pattern.compile("viewBox=\"0 0 ([0-9.]+) ([0-9.]+)\"").matcher(html);
    assertThat(vb.find()).isTrue();
    double w = Double.parseDouble(vb.group(1)), h = Double.parseDouble(vb.group(2));
    CIRCLE.matcher(html).results().forEach(m -> {
      assertThat(Double.parseDouble(m.group(4))).isBetween(0.0, w);
      assertThat(Double.parseDouble(m.group(5))).isBetween(0.0, h);
    });
  }

  @Test
  void theMapDrawsUkraineRussiaTheBorderAndTheZonesInForce() {
    String html = report(ReportBuilder.DEFAULT_MAX_MARKERS);
    assertThat(html).containsPattern("<path class=\"country ua\" d=\"M[-0-9. LMZ]+\"><title>UA</title>");
    assertThat(html).containsPattern("<path class=\"country ru\" d=\"M[-0-9. LMZ]+\"><title>RU</title>");
    assertThat(html).containsPattern("<path class=\"border\" d=\"M[-0-9. LM]+\"><title>UA–RU border</title>");
    assertThat(html).contains("<g class=\"zones\" data-version=\"us-ua@2024-05-30\">");
    assertThat(html).containsPattern("<path class=\"zone z0\" d=\"M[-0-9. LMZ]+\"><title>kharkiv_band \\(us-ua@2024-05-30\\)");
    assertThat(html).containsPattern("<path class=\"zone z0 line\" d=\"M[-0-9. LM]+\"><title>kharkiv_border");
    assertThat(html).contains("data-toggle-version=\"us-ua@2024-05-30\"");
    // Simplified and clipped to the window: the whole report stays small.
    assertThat(html.length()).isLessThan(300_000);
  }
}
