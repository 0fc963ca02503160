package org.caveat.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.caveat.Caveat;
import org.caveat.GrantInfo;
import org.caveat.geo.Zones;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

class ZoneDiffTest {
  private static final GeometryFactory GF = new GeometryFactory();

  static Polygon polygon(double[][] ring) {
    Coordinate[] cs = new Coordinate[ring.length + 1];
    for (int i = 0; i <= ring.length; i++) cs[i] = new Coordinate(ring[i % ring.length][1], ring[i % ring.length][0]);
    return GF.createPolygon(cs);
  }

  /** A square of side {@code km} centred {@code eastKm} east of the test centre. */
  static Polygon square(double km, double eastKm) {
    double[] c = GeodesicMeasure.offset(TestPack.LAT, TestPack.LON, 90, eastKm);
    double d = km / 2 * Math.sqrt(2);
    return polygon(new double[][] {GeodesicMeasure.offset(c[0], c[1], 225, d),
        GeodesicMeasure.offset(c[0], c[1], 135, d), GeodesicMeasure.offset(c[0], c[1], 45, d),
        GeodesicMeasure.offset(c[0], c[1], 315, d)});
  }

  @Test
  void tenKilometreSquareIsAHundredSquareKilometres() {
    assertThat(GeodesicMeasure.areaKm2(polygon(TestPack.square()))).isCloseTo(100, within(0.5));
    assertThat(GeodesicMeasure.areaKm2(polygon(TestPack.westHalf()))).isCloseTo(50, within(0.25));
    // Orientation does not matter.
    assertThat(GeodesicMeasure.areaKm2(polygon(TestPack.square()).reverse())).isCloseTo(100, within(0.5));
  }

  @Test
  void holesAreSubtractedAndPartsAdded() {
    Polygon outer = square(10, 0), inner = square(4, 0);
    Polygon withHole = GF.createPolygon(GF.createLinearRing(outer.getExteriorRing().getCoordinates()),
        new org.locationtech.jts.geom.LinearRing[] {GF.createLinearRing(inner.getExteriorRing().getCoordinates())});
    assertThat(GeodesicMeasure.areaKm2(withHole)).isCloseTo(84, within(0.42));
    Geometry two = GF.createMultiPolygon(new Polygon[] {square(10, 0), square(10, 30)});
    assertThat(GeodesicMeasure.areaKm2(two)).isCloseTo(200, within(1.0));
    assertThat(GeodesicMeasure.lengthKm(outer.getExteriorRing())).isCloseTo(40, within(0.2));
  }

  @Test
  void squareGainedIsAboutAHundredSquareKilometres() {
    ZoneDiff d = ZoneDiff.of("z", null, Zones.of("z", square(10, 0)));
    assertThat(d.kind()).isEqualTo("area");
    assertThat(d.from()).isNull();
    assertThat(d.gained()).isCloseTo(100, within(0.5));
    assertThat(d.lost()).isZero();
    assertThat(d.changed()).isTrue();
  }

  @Test
  void shiftedSquareGainsAndLosesHalf() {
    ZoneDiff d = ZoneDiff.of("z", Zones.of("z", square(10, 0)), Zones.of("z", square(10, 5)));
    assertThat(d.gained()).isCloseTo(50, within(0.25));
    assertThat(d.lost()).isCloseTo(50, within(0.25));
    assertThat(d.from()).isCloseTo(100, within(0.5));
    assertThat(d.to()).isCloseTo(100, within(0.5));
  }

  @Test
  void geoJsonExteriorRingsAreCounterClockwiseAndRounded() {
    ZoneDiff d = ZoneDiff.of("z", null, Zones.of("z", (Polygon) square(10, 0).reverse()));
    var fc = DiffGeoJson.featureCollection(List.of(d));
    assertThat(fc.get("features")).hasSize(1);
    var ring = fc.at("/features/0/geometry/coordinates/0");
    double twiceArea = 0;
    for (int i = 0; i + 1 < ring.size(); i++) {
      twiceArea += ring.get(i).get(0).asDouble() * ring.get(i + 1).get(1).asDouble()
          - ring.get(i + 1).get(0).asDouble() * ring.get(i).get(1).asDouble();
    }
    assertThat(twiceArea).isPositive();
    assertThat(ring.get(0).get(0).decimalValue().scale()).isLessThanOrEqualTo(6);
    assertThat(fc.at("/features/0/properties/change").asText()).isEqualTo("gained");
  }

  @Test
  void identicalZonesAreUnchanged() {
    ZoneDiff d = ZoneDiff.of("z", Zones.of("z", square(10, 0)), Zones.of("z", square(10, 0)));
    assertThat(d.gained()).isZero();
    assertThat(d.lost()).isZero();
    assertThat(d.changed()).isFalse();
  }

  @Test
  void linesReportLengthInstead() {
    Geometry line = GF.createLineString(new Coordinate[] {new Coordinate(30, 50), new Coordinate(30, 50.1),
        new Coordinate(30, 50.2)});
    Geometry shorter = GF.createLineString(new Coordinate[] {new Coordinate(30, 50), new Coordinate(30, 50.1)});
    ZoneDiff d = ZoneDiff.of("l", Zones.of("l", line), Zones.of("l", shorter));
    assertThat(d.kind()).isEqualTo("line");
    assertThat(d.gained()).isZero();
    // 0.1° of latitude at 50°N is about 11.1 km.
    assertThat(d.lost()).isCloseTo(11.12, within(0.05));
  }

  @Test
  void endToEndOnATempPackWithGeoJsonZones(@TempDir Path dir) throws Exception {
    Caveat caveat = Caveat.builder().packs(TestPack.write(dir)).build();
    GrantInfo g = caveat.grants().get(0);
    VersionDiff diff = VersionDiff.of(FlipList.Side.of(caveat, g, g.versions().get(0)), FlipList.Side.of(caveat, g, g.versions().get(1)));
    Map<String, ZoneDiff> zones = diff.zones().stream().collect(Collectors.toMap(ZoneDiff::zone, Function.identity()));
    assertThat(diff.zones()).extracting(ZoneDiff::zone).containsExactly("box", "fresh", "gone", "square");
    assertThat(zones.get("box").gained()).isCloseTo(50, within(0.25));
    assertThat(zones.get("box").lost()).isCloseTo(0, within(1e-6));
    assertThat(zones.get("square").lost()).isCloseTo(50, within(0.25));
    assertThat(zones.get("square").gained()).isCloseTo(0, within(1e-6));
    assertThat(zones.get("fresh").gained()).isCloseTo(100, within(0.5));
    assertThat(zones.get("fresh").from()).isNull();
    assertThat(zones.get("gone").lost()).isCloseTo(100, within(0.5));
    assertThat(zones.get("gone").to()).isNull();

    var fc = DiffGeoJson.featureCollection(diff.zones());
    List<String> features = new java.util.ArrayList<>();
    fc.get("features").forEach(f -> features.add(f.at("/properties/zone").asText() + " "
        + f.at("/properties/change").asText() + " " + Math.round(f.at("/properties/area_km2").asDouble())));
    assertThat(features).containsExactly("box gained 50", "fresh gained 100", "gone lost 100", "square lost 50");
    assertThat(fc.at("/features/0/geometry/type").asText()).isEqualTo("Polygon");

    RuleDiff rules = diff.rules();
    assertThat(rules.added()).isEmpty();
    assertThat(rules.removed()).isEmpty();
    assertThat(rules.changed()).hasSize(1);
    RuleDiff.Changed c = rules.changed().get(0);
    assertThat(c.id()).isEqualTo("in-box");
    assertThat(c.effect()).isNull();
    assertThat(c.text()).isNull();
    assertThat(c.conjunctsRemoved()).containsExactly("target.category in military_objectives");
    assertThat(c.conjunctsAdded()).containsExactly("target.category == \"artillery\"");
    assertThat(c.conjunctsKept()).containsExactly("within(target.location, zones.box)");

    assertThat(diff.assumptions().changed()).containsExactly(new AssumptionDiff.Entry("depth_km", 40.0, 60.0, "km"));
    assertThat(diff.assumptions().added()).isEmpty();
    assertThat(diff.assumptions().removed()).isEmpty();
  }
}
