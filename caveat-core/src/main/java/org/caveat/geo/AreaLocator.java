package org.caveat.geo;

import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;

/**
 * Point-in-area test that includes the boundary, prepared once: an envelope check, then JTS's
 * {@link IndexedPointInAreaLocator} (an interval index over the edges, ray crossing count).
 */
final class AreaLocator {
  private final Envelope envelope;
  private final IndexedPointInAreaLocator locator;

  AreaLocator(Geometry area) {
    if (area.getDimension() != 2) {
      throw new IllegalArgumentException("not an area: " + area.getGeometryType());
    }
    this.envelope = area.getEnvelopeInternal();
    this.locator = new IndexedPointInAreaLocator(area);
    // Build the index now rather than on the first query, so queries are read-only and thread-safe.
    locator.locate(new Coordinate(envelope.getMinX(), envelope.getMinY()));
  }

  boolean covers(double lat, double lon) {
    if (!envelope.covers(lon, lat)) {
      return false;
    }
    return locator.locate(new Coordinate(lon, lat)) != Location.EXTERIOR;
  }
}
