package org.caveat.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.caveat.Caveat;
import org.caveat.decide.CompiledGrant;
import org.caveat.policy.ZoneSpec;
import org.caveat.program.CompiledVersion;
import org.caveat.program.ZoneRef;

/** The compiled zones of the grant versions a replay used, one layer per version, zones in file order. */
final class ZoneLayers {
  /** One version's zones: its key ({@code grant@version}) and its zones by name. */
  record Layer(String version, Map<String, org.caveat.geo.Zone> zones) {}

  private ZoneLayers() {}

  /** Layers for the given {@code grant@version} keys (sorted by the caller), skipping unknown keys. */
  static List<Layer> of(Caveat engine, Collection<String> versionKeys) {
    List<Layer> out = new ArrayList<>();
    for (String key : versionKeys) {
      CompiledVersion v = find(engine, key);
      if (v == null) continue;
      Map<String, org.caveat.geo.Zone> zones = new LinkedHashMap<>();
      for (ZoneSpec spec : v.policy().zones()) {
        ZoneRef ref = v.zones().get(spec.name());
        if (ref != null && ref.zone() != null) zones.put(spec.name(), ref.zone());
      }
      out.add(new Layer(key, zones));
    }
    return out;
  }

  /** The compiled version a {@code grant@version} key names, or null. */
  static CompiledVersion find(Caveat engine, String key) {
    int at = key.indexOf('@');
    if (at < 0) return null;
    String grant = key.substring(0, at), version = key.substring(at + 1);
    for (CompiledGrant g : engine.grants()) {
      if (!g.grant().id().equals(grant)) continue;
      for (CompiledVersion v : g.versions()) {
        if (v.policy().version().equals(version)) return v;
      }
    }
    return null;
  }
}
