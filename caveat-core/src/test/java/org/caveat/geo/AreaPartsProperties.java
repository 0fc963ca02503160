package org.caveat.geo;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * Land taken polygon by polygon ({@link AreaParts}) classifies cells and points exactly as the
 * whole multipolygon did (JTS prepared {@code covers}/{@code intersects} of the world's land, and
 * its point-in-area locator): on cells of the sea model's size anywhere on the globe, around the
 * shipped countries, on cells holding coast vertices (where boxes cross, touch and hold small
 * islands), on coarser cells, and on points near coast vertices.
 */
class AreaPartsProperties {
  private static final SeaModel.Land LAND = ReferenceGeography.shipped().land();
  private static final Geometry[] AREAS = {LAND.world(), LAND.foreignNear()};
  private static final PreparedGeometry[] WHOLE = {
      PreparedGeometryFactory.prepare(AREAS[0]), PreparedGeometryFactory.prepare(AREAS[1])};
  private static final AreaLocator[] WHOLE_POINTS = {new AreaLocator(AREAS[0]), new AreaLocator(AREAS[1])};
  private static final AreaParts[] PARTS = {new AreaParts(AREAS[0]), new AreaParts(AREAS[1])};

  @Test
  void theLandIsAValidMultipolygon() {
    // The union covers a box iff one polygon does only when polygons share at most points.
    for (Geometry g : AREAS) assertThat(g.isValid()).isTrue();
  }

  private static void sameCell(int area, double south, double west, double size) {
    Envelope cell = new Envelope(west, west + size, south, south + size);
    Geometry box = GeoJson.FACTORY.toGeometry(cell);
    int[] meeting = PARTS[area].meeting(cell);
    assertThat(PARTS[area].covers(meeting, box)).as("covers %s", cell).isEqualTo(WHOLE[area].covers(box));
    assertThat(PARTS[area].intersects(meeting, box)).as("intersects %s", cell).isEqualTo(WHOLE[area].intersects(box));
  }

  @Property(tries = 3000)
  void cellsAnywhere(@ForAll @IntRange(min = -720, max = 719) int row, @ForAll @IntRange(min = -1440, max = 1439) int col,
      @ForAll @IntRange(min = 0, max = 1) int area) {
    sameCell(area, row * SeaCells.CELL_DEGREES, col * SeaCells.CELL_DEGREES, SeaCells.CELL_DEGREES);
  }

  @Property(tries = 3000)
  void cellsAroundTheShippedCountries(@ForAll @DoubleRange(min = 40, max = 80) double lat,
      @ForAll @DoubleRange(min = 19, max = 180) double lon, @ForAll @IntRange(min = 0, max = 1) int area,
      @ForAll @IntRange(min = 0, max = 3) int scale) {
    double size = SeaCells.CELL_DEGREES * (1 << scale); // 1/8° to 1°
    sameCell(area, Math.floor(lat / size) * size, Math.floor(lon / size) * size, size);
  }

  @Property(tries = 4000)
  void cellsOnTheCoast(@ForAll @IntRange(min = 0, max = 1_000_000) int vertex, @ForAll @IntRange(min = 0, max = 1) int area,
      @ForAll @IntRange(min = -1, max = 1) int dRow, @ForAll @IntRange(min = -1, max = 1) int dCol) {
    Coordinate[] cs = AREAS[area].getCoordinates();
    Coordinate c = cs[vertex % cs.length];
    double size = SeaCells.CELL_DEGREES;
    sameCell(area, (Math.floor(c.y / size) + dRow) * size, (Math.floor(c.x / size) + dCol) * size, size);
  }

  @Property(tries = 4000)
  void pointsNearTheCoast(@ForAll @IntRange(min = 0, max = 1_000_000) int vertex, @ForAll @IntRange(min = 0, max = 1) int area,
      @ForAll @DoubleRange(min = -0.05, max = 0.05) double dLat, @ForAll @DoubleRange(min = -0.05, max = 0.05) double dLon,
      @ForAll @IntRange(min = 0, max = 4) int scale) {
    Coordinate[] cs = AREAS[area].getCoordinates();
    Coordinate c = cs[vertex % cs.length];
    double s = scale == 4 ? 0 : Math.pow(10, -scale); // on the vertex itself, or up to 0.05° off it
    double lat = c.y + dLat * s, lon = c.x + dLon * s;
    AreaLocator[] near = PARTS[area].locators(PARTS[area].meeting(new Envelope(lon, lon, lat, lat)));
    assertThat(AreaParts.covers(near, lat, lon)).as("%s, %s", lat, lon).isEqualTo(WHOLE_POINTS[area].covers(lat, lon));
  }
}
