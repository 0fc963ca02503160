package org.caveat.geo;

import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * A valid multipolygon (the world's land: ~1,300 polygons) taken polygon by polygon, so that a
 * test near one coast touches the few polygons there: an STR-tree of their envelopes finds them,
 * and each is prepared by JTS ({@link PreparedGeometryFactory}) or indexed ({@link AreaLocator})
 * only when a test first reaches it.
 *
 * <p>Prepared {@code covers} and {@code intersects} of the whole multipolygon test a
 * representative point of every one of its polygons against the box, and build their edge
 * indexes over all of them: most of the cost of classifying a small cell. The answers here are
 * the same: a box meets the union iff it meets one polygon (a polygon whose envelope misses the
 * box cannot); a point is in the union iff it is in one polygon; and the box, being connected,
 * lies in the union iff it lies in one polygon, because the polygons of a valid multipolygon
 * share at most finitely many points (OGC validity, checked by
 * {@code AreaPartsProperties}).
 */
final class AreaParts {
  private final Geometry[] parts;
  private final STRtree index = new STRtree();
  private final AtomicReferenceArray<PreparedGeometry> prepared;
  private final AtomicReferenceArray<AreaLocator> locators;

  AreaParts(Geometry area) {
    if (area.getDimension() != 2) {
      throw new IllegalArgumentException("not an area: " + area.getGeometryType());
    }
    parts = new Geometry[area.getNumGeometries()];
    for (int i = 0; i < parts.length; i++) {
      parts[i] = area.getGeometryN(i);
      index.insert(parts[i].getEnvelopeInternal(), i);
    }
    index.build(); // built now: queries of a built tree are read-only, so safe from any thread
    prepared = new AtomicReferenceArray<>(parts.length);
    locators = new AtomicReferenceArray<>(parts.length);
  }

  /** The polygons whose envelope meets {@code box}, in ascending order. */
  int[] meeting(Envelope box) {
    @SuppressWarnings("unchecked")
    List<Integer> found = index.query(box);
    return found.stream().mapToInt(Integer::intValue).sorted().toArray();
  }

  /** Whether the union covers {@code box}, given the polygons {@link #meeting} its envelope. */
  boolean covers(int[] meeting, Geometry box) {
    for (int i : meeting) {
      if (prepared(i).covers(box)) return true;
    }
    return false;
  }

  /** Whether the union meets {@code box}, given the polygons {@link #meeting} its envelope. */
  boolean intersects(int[] meeting, Geometry box) {
    for (int i : meeting) {
      if (prepared(i).intersects(box)) return true;
    }
    return false;
  }

  /** The point-in-area locators of the polygons {@code meeting}, in the same order. */
  AreaLocator[] locators(int[] meeting) {
    AreaLocator[] out = new AreaLocator[meeting.length];
    for (int k = 0; k < meeting.length; k++) {
      int i = meeting[k];
      AreaLocator l = locators.get(i);
      if (l == null) {
        locators.compareAndSet(i, null, new AreaLocator(parts[i]));
        l = locators.get(i);
      }
      out[k] = l;
    }
    return out;
  }

  /** Whether one of {@code locators} covers the point (the union does, given every polygon near it). */
  static boolean covers(AreaLocator[] locators, double lat, double lon) {
    for (AreaLocator l : locators) {
      if (l.covers(lat, lon)) return true;
    }
    return false;
  }

  private PreparedGeometry prepared(int i) {
    PreparedGeometry p = prepared.get(i);
    if (p == null) {
      prepared.compareAndSet(i, null, PreparedGeometryFactory.prepare(parts[i]));
      p = prepared.get(i);
    }
    return p;
  }
}
