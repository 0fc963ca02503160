package org.caveat.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Instant;
import org.caveat.Caveat;
import org.caveat.GrantInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PermittedAreaTest {
  @Test
  void cellAreaMatchesTheSphericalZoneFormulaClosely() {
    // A 1° × 1° cell at the equator is about 111.32 km × 110.57 km.
    assertThat(PermittedArea.cellKm2(0, 1, 1)).isCloseTo(12308.8, within(5.0));
  }

  @Test
  void gridEstimateOfAPermittedBoxThatDoubles(@TempDir Path dir) throws Exception {
    Caveat caveat = Caveat.builder().packs(TestPack.write(dir)).build();
    GrantInfo g = caveat.grants().get(0);
    FlipList.Side a = FlipList.Side.of(caveat, g, g.versions().get(0)), b = FlipList.Side.of(caveat, g, g.versions().get(1));
    PermittedArea.Window w = new PermittedArea.Window(49.9, 50.1, 29.85, 30.15, 0.002);
    PermittedArea.Result r = PermittedArea.compare(a, b, true,
        PermittedArea.Profile.COUNTER_FIRE.probe("UA", "US", Instant.parse("2024-06-01T00:00:00Z")), "UA", w, caveat.geography());
    // box: the west half of a 10 km square (50 km²), then the whole square (100 km²); 2 % for the grid.
    assertThat(r.fromKm2()).isCloseTo(50, within(1.0));
    assertThat(r.toKm2()).isCloseTo(100, within(2.0));
    assertThat(r.gainedKm2()).isCloseTo(50, within(1.0));
    assertThat(r.lostKm2()).isZero();
    assertThat(r.countryKm2()).isGreaterThan(r.toKm2());
  }

  @Test
  void gridStatusesAreasAndGeometriesAgreeWithTheComparison(@TempDir Path dir) throws Exception {
    Caveat caveat = Caveat.builder().packs(TestPack.write(dir)).build();
    GrantInfo g = caveat.grants().get(0);
    FlipList.Side a = FlipList.Side.of(caveat, g, g.versions().get(0)), b = FlipList.Side.of(caveat, g, g.versions().get(1));
    PermittedArea.Window w = new PermittedArea.Window(49.9, 50.1, 29.85, 30.15, 0.002);
    var probe = PermittedArea.Profile.COUNTER_FIRE.probe("UA", "US", Instant.parse("2024-06-01T00:00:00Z"));
    PermittedGrid ga = PermittedGrid.of(a, true, probe, "UA", w, caveat.geography());
    PermittedGrid gb = PermittedGrid.of(b, true, probe, "UA", w, caveat.geography());
    PermittedArea.Result r = PermittedArea.compare(ga, gb);
    assertThat(r).isEqualTo(PermittedArea.compare(a, b, true, probe, "UA", w, caveat.geography()));
    assertThat(gb.km2(PermittedGrid.Status.PERMITTED)).isEqualTo(r.toKm2());
    assertThat(gb.km2(null)).isEqualTo(r.countryKm2());
    double classes = 0;
    for (PermittedGrid.Status s : PermittedGrid.Status.values()) classes += gb.km2(s);
    assertThat(classes).isCloseTo(r.countryKm2(), within(1e-6));
    // The geometry of the cells measures what their summed areas say (cells are small, edges geodesic).
    assertThat(GeodesicMeasure.areaKm2(gb.geometry(PermittedGrid.Status.PERMITTED))).isCloseTo(r.toKm2(), within(0.5));
    assertThat(GeodesicMeasure.areaKm2(PermittedArea.changed(ga, gb, true))).isCloseTo(r.gainedKm2(), within(0.5));
    assertThat(PermittedArea.changed(ga, gb, false).isEmpty()).isTrue();
    assertThat(gb.at(50, 75)).isNotNull();
  }
}
