package org.caveat.server.map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.caveat.VersionInfo;
import org.caveat.diff.DiffGeoJson;
import org.caveat.geo.Zone;
import org.caveat.json.Json;
import org.caveat.policy.ZoneSpec;
import org.caveat.server.policy.Memo;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;

/**
 * The zones a version declares, as a GeoJSON FeatureCollection for display, in the order the
 * pack declares them: properties {@code zone}, {@code kind} (area or line), {@code defined_as}
 * (region, geojson, border, buffer, union, intersection, difference), {@code note} and, for zones
 * derived from buffers, {@code approximate: true}. Each geometry is simplified on its own with
 * JTS's {@link TopologyPreservingSimplifier} (a zone is one geometry, not a coverage); decisions
 * never see this geometry. Documents are cached per version content (bounded).
 */
final class ZoneGeoJson {
  /** Degrees, about 200 m: zones are drawn over the regions at the same scale. */
  static final double TOLERANCE = 0.002;
  private static final int MAX_CACHED = 64;

  private final Memo<String, CachedJson> cache = new Memo<>(MAX_CACHED);

  CachedJson of(String grant, VersionInfo v) {
    String key = grant + "@" + v.policy().version() + "#" + v.policy().contentHash() + "#" + v.assumptions();
    return cache.get(key, () -> new CachedJson(bytes(v)));
  }

  static byte[] bytes(VersionInfo v) {
    ObjectNode fc = Json.MAPPER.createObjectNode();
    fc.put("type", "FeatureCollection");
    ArrayNode features = fc.putArray("features");
    for (ZoneSpec spec : v.policy().zones()) {
      Zone z = v.zones().get(spec.name());
      if (z == null) continue;
      ObjectNode f = features.addObject();
      f.put("type", "Feature");
      ObjectNode p = f.putObject("properties");
      p.put("zone", spec.name());
      p.put("kind", z.isArea() ? "area" : "line");
      p.put("defined_as", spec.kind().name().toLowerCase());
      p.put("note", spec.note());
      if (!z.isMeasurable()) p.put("approximate", true);
      Geometry g = TopologyPreservingSimplifier.simplify(z.geometry(), TOLERANCE);
      f.set("geometry", DiffGeoJson.geometry(g, 5));
    }
    try {
      return Json.MAPPER.writeValueAsBytes(fc);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
