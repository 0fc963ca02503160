package org.caveat.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.caveat.decide.Outcome;
import org.junit.jupiter.api.Test;

/** DENYs are grouped by identical reasons, so memory stays bounded for any number of rows. */
class DenyGroupsTest {
  @Test
  void identicalReasonsShareAGroupAndEveryDenyIsCounted() {
    List<ReplayRow> rows = SyntheticRows.rows();
    DenyGroups groups = new DenyGroups(200, 100);
    rows.forEach(groups::add);
    assertThat(groups.total()).isEqualTo(rows.stream().filter(r -> r.answer().decision() == Outcome.DENY).count());
    assertThat(groups.groups()).extracting(g -> g.count).containsExactlyInAnyOrder(6L, 4L, 2L);
    assertThat(groups.groups()).allSatisfy(g -> assertThat(g.sources).isNotEmpty());
  }

  @Test
  void aMillionRowsKeepTheGroupsAndListsBounded() {
    List<ReplayRow> denies = SyntheticRows.rows().stream().filter(r -> r.answer().decision() == Outcome.DENY).toList();
    DenyGroups groups = new DenyGroups(50, 100);
    for (int i = 0; i < 1_000_000; i++) {
      ReplayRow r = denies.get(i % denies.size());
      groups.add(new ReplayRow(i + 2, "e" + i, LocalDate.of(2024, 6, 5), r.lat(), r.lon(), null, r.answer()));
    }
    assertThat(groups.total()).isEqualTo(1_000_000);
    assertThat(groups.groups()).hasSize(3);
    assertThat(groups.groups()).allSatisfy(g -> assertThat(g.members).hasSize(50));
    assertThat(groups.groups().stream().mapToLong(g -> g.count).sum()).isEqualTo(1_000_000);
  }

  @Test
  void beyondTheGroupCapDeniesAreCountedNotDescribed() {
    DenyGroups groups = new DenyGroups(10, 1);
    SyntheticRows.rows().forEach(groups::add);
    assertThat(groups.groups()).hasSize(1);
    assertThat(groups.ungrouped() + groups.groups().iterator().next().count).isEqualTo(groups.total());
    assertThat(groups.ungrouped()).isPositive();
  }

  @Test
  void theListedCapIsStatedInTheReport() {
    ReportBuilder b = SyntheticRows.report().maxDeniesListed(2).build();
    SyntheticRows.rows().forEach(b::accept);
    String html = SyntheticRows.html(b);
    assertThat(html).contains("2 of 6 events listed", "2 of 4 events listed", "2 of 2 events listed");
  }
}
