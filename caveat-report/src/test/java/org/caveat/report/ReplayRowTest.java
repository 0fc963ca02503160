package org.caveat.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.caveat.explain.Answer;
import org.caveat.model.Request;
import org.junit.jupiter.api.Test;

/** Rows from requests, rows without a category, and long texts from the input. */
class ReplayRowTest {
  @Test
  void aRowFromARequestTakesItsIdDatePositionAndCategory() {
    Request r = SyntheticRows.counterFire("cf-x", 50.5, 36.6);
    Answer a = SyntheticRows.engine().answer(r);
    ReplayRow row = ReplayRow.of(7, r, a);
    assertThat(row).isEqualTo(new ReplayRow(7, "cf-x", LocalDate.of(2024, 6, 5), 50.5, 36.6, null, a, "artillery"));
    assertThat(row.effectiveRegion()).isEqualTo("RU-BEL");
  }

  @Test
  void aRowWithoutCategoryOrRegionIsCountedAsSuch() {
    Request r = SyntheticRows.counterFire("cf-y", 50.5, 36.6);
    Answer a = SyntheticRows.engine().answer(r);
    Answer outside = new Answer(a.id(), a.decision(), a.grants(), null, a.explanation(), a.sources());
    ReportBuilder b = SyntheticRows.report().build();
    b.accept(new ReplayRow(3, "cf-y", null, null, null, null, outside));
    String html = SyntheticRows.html(b);
    assertThat(html).contains("<th scope=\"row\">(not given)</th>", "<th scope=\"row\">(outside the shipped geography)</th>");
    assertThat(html).contains("Showing 0 of 0 located events; 1 rows without a position are not drawn.");
  }

  @Test
  void longReasonsAndIdsAreClippedWithoutSplittingCharacters() {
    ReportBuilder b = SyntheticRows.report().build();
    b.acceptBadRow(5, "x".repeat(10_000));
    assertThat(SyntheticRows.html(b)).contains("<td>5</td><td>" + "x".repeat(BadRows.MAX_REASON - 1) + "…</td>");
    String emoji = "a" + "\uD83D\uDE00".repeat(10);
    assertThat(Html.clip(emoji, 4)).isEqualTo("a\uD83D\uDE00…");
  }
}
