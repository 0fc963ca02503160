package org.caveat.geo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;

/**
 * The banded edge index of {@link AreaLocator} answers exactly as JTS's
 * {@link IndexedPointInAreaLocator} (boundary included): inside the envelope, on vertices, on
 * edges' midpoints and on the latitude of a vertex (where a ray meets a vertex), for every shipped
 * region (some have holes), a whole country and a buffered border.
 */
class AreaLocatorProperties {
  private static final ReferenceGeography GEO = ReferenceGeography.shipped();
  private static final List<Geometry> AREAS = areas();
  private static final List<AreaLocator> BANDED = new ArrayList<>();
  private static final List<IndexedPointInAreaLocator> JTS = new ArrayList<>();

  static {
    for (Geometry g : AREAS) {
      BANDED.add(new AreaLocator(g));
      JTS.add(new IndexedPointInAreaLocator(g));
    }
  }

  private static List<Geometry> areas() {
    List<Geometry> out = new ArrayList<>();
    for (String code : GEO.regionCodes()) out.add(GEO.area(code).geometry());
    out.add(GEO.area("UA").geometry());
    Zone border = GEO.border("kharkiv_border", Set.of("UA-63"), Set.of("RU"));
    out.add(Zones.buffer("band", border, 40).geometry());
    return out;
  }

  private static void agree(int area, double lat, double lon) {
    boolean jts = JTS.get(area).locate(new Coordinate(lon, lat)) != Location.EXTERIOR;
    assertThat(BANDED.get(area).covers(lat, lon)).as("area %d at %s, %s", area, lat, lon).isEqualTo(jts);
  }

  private static Coordinate[] vertices(int area) {
    return AREAS.get(area).getCoordinates();
  }

  @Property(tries = 3000)
  void agreesInsideTheEnvelope(@ForAll @IntRange(min = 0, max = 1000) int area,
      @ForAll @DoubleRange(min = 0, max = 1) double u, @ForAll @DoubleRange(min = 0, max = 1) double v) {
    int a = area % AREAS.size();
    var env = AREAS.get(a).getEnvelopeInternal();
    agree(a, env.getMinY() + v * env.getHeight(), env.getMinX() + u * env.getWidth());
  }

  @Property(tries = 3000)
  void agreesOnVerticesAndEdges(@ForAll @IntRange(min = 0, max = 1000) int area,
      @ForAll @IntRange(min = 0, max = 1_000_000) int vertex, @ForAll @DoubleRange(min = -0.2, max = 0.2) double dx) {
    int a = area % AREAS.size();
    Coordinate[] cs = vertices(a);
    Coordinate p = cs[vertex % cs.length], q = cs[(vertex + 1) % cs.length];
    agree(a, p.y, p.x);
    agree(a, (p.y + q.y) / 2, (p.x + q.x) / 2);
    agree(a, p.y, p.x + dx); // a horizontal ray through a vertex
  }

  @Property(tries = 1000)
  void agreesAnywhere(@ForAll @DoubleRange(min = -90, max = 90) double lat,
      @ForAll @DoubleRange(min = -180, max = 180) double lon) {
    for (int a = 0; a < AREAS.size(); a += 7) agree(a, lat, lon);
  }
}
