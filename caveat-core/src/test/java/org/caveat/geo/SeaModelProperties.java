package org.caveat.geo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.locationtech.jts.geom.Coordinate;

/**
 * The sea model's cells and distance bounds ({@link SeaModel#offShippedLand}) never change a
 * location: it equals the plain rule ({@link SeaModel#offShippedLandByScan}, exact distances to
 * every coast near the point) at sea, on the coasts, near coast vertices where two regions' or
 * two states' coasts meet (ties and equidistance lines), and anywhere on the globe. And the
 * bounds of {@link GeodesicBounds} hold around every distance they stand for.
 */
class SeaModelProperties {
  private static final ReferenceGeography GEO = ReferenceGeography.shipped();
  /** Vertices of the shipped coasts and the foreign coasts near them, around the Black Sea and Azov. */
  private static final List<Coordinate> COAST = coastVertices();

  private static List<Coordinate> coastVertices() {
    List<Coordinate> out = new ArrayList<>();
    for (String code : GEO.regionCodes()) {
      for (Coordinate c : GEO.area(code).geometry().getCoordinates()) {
        if (c.y > 40 && c.y < 48 && c.x > 26 && c.x < 43 && GEO.locate(c.y - 0.02, c.x).waters() != Waters.LAND) {
          out.add(c);
        }
      }
    }
    return out;
  }

  private static void same(double lat, double lon) {
    assertThat(GEO.locate(lat, lon)).as("%s, %s", lat, lon).isEqualTo(GEO.locateByScan(lat, lon));
  }

  /** South, north, west, east: the Black Sea and Azov; the globe; Russia's other coasts (Baltic, Arctic, Pacific). */
  private static final double[][] BOXES = {{40.5, 47.6, 27, 42}, {-90, 90, -180, 180}, {41, 78, 19, 180}};

  @Property(tries = 9000)
  void inTheSeasOfTheShippedCountriesAndAnywhere(@ForAll @IntRange(min = 0, max = 2) int box,
      @ForAll @DoubleRange(min = 0, max = 1) double u, @ForAll @DoubleRange(min = 0, max = 1) double v) {
    double[] b = BOXES[box];
    same(b[0] + u * (b[1] - b[0]), b[2] + v * (b[3] - b[2]));
  }

  @Property(tries = 6000)
  void nearCoastVertices(@ForAll @IntRange(min = 0, max = 1_000_000) int vertex,
      @ForAll @DoubleRange(min = -0.3, max = 0.3) double dLat, @ForAll @DoubleRange(min = -0.3, max = 0.3) double dLon,
      @ForAll @IntRange(min = 0, max = 4) int scale) {
    Coordinate c = COAST.get(vertex % COAST.size());
    double s = Math.pow(10, -scale); // from 0.3° down to 3·10⁻⁵° (a few metres) off the vertex
    same(c.y + dLat * s, c.x + dLon * s);
  }

  @Property(tries = 3000)
  void boundsHoldAroundTheExactDistance(@ForAll @IntRange(min = 0, max = 1000) int region,
      @ForAll @DoubleRange(min = -80, max = 80) double lat, @ForAll @DoubleRange(min = -180, max = 180) double lon,
      @ForAll @IntRange(min = 0, max = 3) int near) {
    List<String> codes = List.copyOf(GEO.regionCodes());
    GeometryZone zone = (GeometryZone) GEO.area(codes.get(region % codes.size()));
    if (near > 0) { // most points within a few degrees of the region, some on top of it
      Coordinate c = zone.geometry().getCoordinates()[Math.abs((int) (lat * 1000)) % zone.geometry().getNumPoints()];
      lat = c.y + lat / 80 * Math.pow(10, 1 - near);
      lon = c.x + lon / 180 * Math.pow(10, 1 - near);
    }
    if (zone.contains(lat, lon)) return; // inside an area the distance is 0, not the edges'
    double angle = zone.edgeAngle(lat, lon), metres = zone.distanceKm(lat, lon) * 1000;
    assertThat(GeodesicBounds.lower(lat, angle)).isLessThanOrEqualTo(metres);
    assertThat(GeodesicBounds.upper(lat, angle)).isGreaterThanOrEqualTo(metres);
    assertThat(GeodesicBounds.lowerAnywhere(angle)).isLessThanOrEqualTo(metres);
    assertThat(GeodesicBounds.upperAnywhere(angle)).isGreaterThanOrEqualTo(metres);
  }
}
