package org.caveat.compile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.caveat.geo.GeoJson;
import org.caveat.geo.ReferenceGeography;
import org.caveat.geo.Zone;
import org.caveat.geo.Zones;
import org.caveat.policy.Diagnostic;
import org.caveat.policy.Span;
import org.caveat.policy.Suggest;
import org.caveat.policy.ZoneSpec;
import org.caveat.program.ZoneRef;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.valid.IsValidOp;

/** Compiles the zone definitions of a version, in dependency order, reporting every problem. */
final class ZoneCompiler {
  private final ReferenceGeography geo;
  private final Map<String, Object> assumptions;
  private final AtomicInteger slots;
  private final List<Diagnostic> diagnostics;
  private final Map<String, ZoneSpec> specs = new LinkedHashMap<>();
  private final Map<String, ZoneRef> done = new LinkedHashMap<>();
  private final Set<String> inProgress = new LinkedHashSet<>();
  private final Set<String> failed = new TreeSet<>();

  ZoneCompiler(ReferenceGeography geo, Map<String, Object> assumptions, AtomicInteger slots, List<Diagnostic> diagnostics) {
    this.geo = geo;
    this.assumptions = assumptions;
    this.slots = slots;
    this.diagnostics = diagnostics;
  }

  /** Compiled zones by name; zones that failed are absent (and diagnosed). */
  Map<String, ZoneRef> compile(List<ZoneSpec> zoneSpecs) {
    zoneSpecs.forEach(z -> specs.put(z.name(), z));
    for (ZoneSpec z : zoneSpecs) resolve(z.name(), z.at());
    return done;
  }

  private ZoneRef resolve(String name, Span from) {
    if (done.containsKey(name)) return done.get(name);
    if (failed.contains(name)) return null;
    ZoneSpec spec = specs.get(name);
    if (spec == null) {
      diagnostics.add(new Diagnostic("zone.unknown", from, "unknown zone `" + name + "`",
          Suggest.didYouMean(name, specs.keySet())));
      return null;
    }
    if (!inProgress.add(name)) {
      diagnostics.add(new Diagnostic("zone.cycle", spec.at(), "zone `" + name + "` is defined in terms of itself ("
          + String.join(" → ", inProgress) + " → " + name + ")", null));
      failed.add(name);
      return null;
    }
    Zone zone = null;
    try {
      zone = build(spec);
    } catch (IllegalArgumentException | UnsupportedOperationException e) {
      diagnostics.add(new Diagnostic("zone.invalid", spec.at(), "zone `" + name + "`: " + e.getMessage(), null));
    } catch (GeoJson.InvalidGeoJson e) {
      diagnostics.add(new Diagnostic("geojson.invalid", spec.at(), "zone `" + name + "`: " + spec.args().get(0)
          + " at " + (e.path().isEmpty() ? "/" : e.path()) + ": " + e.getMessage(), null));
    }
    inProgress.remove(name);
    if (zone == null) {
      failed.add(name);
      return null;
    }
    ZoneRef ref = new ZoneRef(name, zone, slots.getAndIncrement());
    done.put(name, ref);
    return ref;
  }

  private Zone build(ZoneSpec spec) {
    String name = spec.name();
    switch (spec.kind()) {
      case REGION: {
        List<Zone> parts = new ArrayList<>();
        for (String code : spec.args()) {
          Zone z = geo.area(code);
          if (z == null) {
            diagnostics.add(new Diagnostic("region.unknown", spec.at(), "no shipped region or country `" + code + "`",
                Suggest.didYouMean(code, allCodes())));
            return null;
          }
          parts.add(z);
        }
        return parts.size() == 1 ? geo.area(name, spec.args().get(0)) : Zones.union(name, parts);
      }
      case GEOJSON: {
        if (spec.geojson() == null) return null;
        Geometry g = GeoJson.read(spec.geojson());
        IsValidOp valid = new IsValidOp(g);
        if (!valid.isValid()) {
          var err = valid.getValidationError();
          throw new IllegalArgumentException("invalid geometry in " + spec.args().get(0) + ": " + err.getMessage()
              + " near [" + err.getCoordinate().x + ", " + err.getCoordinate().y + "]");
        }
        return Zones.of(name, g);
      }
      case BORDER: {
        Set<String> a = codes(spec, spec.args().get(0)), b = codes(spec, spec.args().get(1));
        if (a == null || b == null) return null;
        Zone z = geo.border(name, a, b);
        if (z == null) {
          throw new IllegalArgumentException("the sides " + a + " and " + b + " share no land border in the shipped geography");
        }
        return z;
      }
      case BUFFER: {
        ZoneRef source = resolve(spec.args().get(0), spec.at());
        Double km = kilometres(spec);
        return source == null || km == null ? null : Zones.buffer(name, source.zone(), km);
      }
      default: {
        List<Zone> parts = new ArrayList<>();
        for (String n : spec.args()) {
          ZoneRef r = resolve(n, spec.at());
          if (r == null) return null;
          parts.add(r.zone());
        }
        return switch (spec.kind()) {
          case UNION -> Zones.union(name, parts);
          case INTERSECTION -> Zones.intersection(name, parts);
          case DIFFERENCE -> Zones.difference(name, parts);
          default -> throw new AssertionError(spec.kind());
        };
      }
    }
  }

  private Set<String> codes(ZoneSpec spec, String side) {
    Set<String> out = new LinkedHashSet<>();
    for (String code : side.split("\\+")) {
      if (!geo.hasArea(code)) {
        diagnostics.add(new Diagnostic("region.unknown", spec.at(), "no shipped region or country `" + code + "`",
            Suggest.didYouMean(code, allCodes())));
        return null;
      }
      out.add(code);
    }
    return out;
  }

  private Double kilometres(ZoneSpec spec) {
    String d = spec.distance();
    if (d == null) return null;
    if (d.startsWith("assume.")) {
      Object v = assumptions.get(d.substring(7));
      if (v instanceof Double km) return km;
      diagnostics.add(new Diagnostic(v == null ? "assumption.unknown" : "assumption.type", spec.at(),
          v == null ? "unknown assumption `" + d + "`" : "assumption `" + d + "` is not a number",
          v == null ? Suggest.didYouMean(d.substring(7), assumptions.keySet()) : null));
      return null;
    }
    try {
      double km = Double.parseDouble(d);
      if (km >= 0 && Double.isFinite(km)) return km;
    } catch (NumberFormatException ignored) {
      // reported below
    }
    diagnostics.add(new Diagnostic("pack.bad_value", spec.at(), "`km` must be a number ≥ 0 or assume.NAME, got `" + d + "`", null));
    return null;
  }

  private Set<String> allCodes() {
    Set<String> all = new TreeSet<>(geo.regionCodes());
    all.addAll(geo.countryCodes());
    return all;
  }
}
