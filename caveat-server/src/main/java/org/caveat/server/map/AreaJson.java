package org.caveat.server.map;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import org.caveat.diff.DiffGeoJson;
import org.caveat.diff.FlipList;
import org.caveat.diff.PermittedArea;
import org.caveat.diff.PermittedGrid;
import org.caveat.diff.VersionDiff;
import org.caveat.diff.VersionDiffJson;
import org.caveat.json.Json;
import org.locationtech.jts.geom.Geometry;

/**
 * The documents of the permitted-area and compare routes, in a fixed field order with the number
 * format of {@code caveat diff --format json} (km² to 0.1), so the same figure prints the same.
 * Cell geometries lie on the 0.05° grid, so 4 decimals are exact.
 */
final class AreaJson {
  private AreaJson() {}

  private interface Body {
    void write(JsonGenerator g) throws IOException;
  }

  static byte[] permitted(FlipList.Side side, Instant asOf, Instant time, PermittedArea.Profile profile,
      PermittedGrid grid) {
    return write(g -> {
      g.writeStartObject();
      g.writeStringField("grant", side.grant().grant().id());
      g.writeStringField("version", side.version().policy().version());
      g.writeStringField("in_force", side.version().policy().inForce().toString());
      g.writeStringField("as_of", asOf == null ? null : asOf.toString());
      g.writeStringField("probe_time", time.toString());
      profile(g, profile);
      grid(g, grid.country(), grid.window());
      g.writeObjectFieldStart("area_km2");
      VersionDiffJson.number(g, "country", grid.km2(null), 1);
      for (PermittedGrid.Status s : PermittedGrid.Status.values()) VersionDiffJson.number(g, s.label(), grid.km2(s), 1);
      g.writeEndObject();
      g.writeObjectFieldStart("geojson");
      g.writeStringField("type", "FeatureCollection");
      g.writeArrayFieldStart("features");
      for (PermittedGrid.Status s : PermittedGrid.Status.values()) {
        feature(g, "status", s.label(), grid.km2(s), grid.geometry(s));
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeEndObject();
    });
  }

  static byte[] compare(VersionDiff diff, PermittedArea.Profile profile, PermittedGrid a, PermittedGrid b) {
    PermittedArea.Result r = PermittedArea.compare(a, b);
    return write(g -> {
      g.writeStartObject();
      VersionDiffJson.writeFields(g, diff);
      g.writeFieldName("zones_geojson");
      g.writeTree(DiffGeoJson.featureCollection(diff.zones()));
      g.writeObjectFieldStart("area");
      g.writeStringField("probe_time", PermittedArea.later(diff.from(), diff.to()).toString());
      profile(g, profile);
      grid(g, r.country(), r.window());
      VersionDiffJson.number(g, "country_km2", r.countryKm2(), 1);
      VersionDiffJson.number(g, "from_km2", r.fromKm2(), 1);
      VersionDiffJson.number(g, "to_km2", r.toKm2(), 1);
      VersionDiffJson.number(g, "gained_km2", r.gainedKm2(), 1);
      VersionDiffJson.number(g, "lost_km2", r.lostKm2(), 1);
      g.writeObjectFieldStart("geojson");
      g.writeStringField("type", "FeatureCollection");
      g.writeArrayFieldStart("features");
      feature(g, "change", "gained", r.gainedKm2(), PermittedArea.changed(a, b, true));
      feature(g, "change", "lost", r.lostKm2(), PermittedArea.changed(a, b, false));
      g.writeEndArray();
      g.writeEndObject();
      g.writeEndObject();
      g.writeEndObject();
    });
  }

  private static void profile(JsonGenerator g, PermittedArea.Profile p) throws IOException {
    g.writeObjectFieldStart("profile");
    g.writeStringField("purpose", p.purpose());
    g.writeStringField("weapon_class", p.weaponClass());
    g.writeStringField("target_category", p.targetCategory());
    g.writeStringField("target_activity", p.targetActivity());
    g.writeStringField("used_in_invasion", ProfileQuery.label(p.usedInInvasion()));
    g.writeEndObject();
  }

  private static void grid(JsonGenerator g, String country, PermittedArea.Window w) throws IOException {
    g.writeStringField("country", country);
    g.writeObjectFieldStart("window");
    VersionDiffJson.number(g, "min_lat", w.minLat(), 3);
    VersionDiffJson.number(g, "max_lat", w.maxLat(), 3);
    VersionDiffJson.number(g, "min_lon", w.minLon(), 3);
    VersionDiffJson.number(g, "max_lon", w.maxLon(), 3);
    VersionDiffJson.number(g, "step_deg", w.step(), 3);
    g.writeEndObject();
  }

  /** One Feature per class; classes with no cell are left out. */
  private static void feature(JsonGenerator g, String property, String value, double km2, Geometry geometry)
      throws IOException {
    if (geometry.isEmpty()) return;
    g.writeStartObject();
    g.writeStringField("type", "Feature");
    g.writeObjectFieldStart("properties");
    g.writeStringField(property, value);
    VersionDiffJson.number(g, "area_km2", km2, 1);
    g.writeEndObject();
    g.writeFieldName("geometry");
    g.writeTree(DiffGeoJson.geometry(geometry, 4));
    g.writeEndObject();
  }

  private static byte[] write(Body body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
    try (JsonGenerator g = Json.FACTORY.createGenerator(out)) {
      body.write(g);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.write('\n');
    return out.toByteArray();
  }
}
