package org.caveat.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.caveat.Caveat;
import org.caveat.GrantInfo;
import org.caveat.VersionInfo;
import org.caveat.policy.ZoneSpec;

/** The compiled zones of the grant versions a replay used, one layer per version, zones in file order. */
final class ZoneLayers {
  /** One version's zones: its key ({@code grant@version}) and its zones by name. */
  record Layer(String version, Map<String, org.caveat.geo.Zone> zones) {}

  private ZoneLayers() {}

  /** Layers for the given {@code grant@version} keys (sorted by the caller), skipping unknown keys. */
  static List<Layer> of(Caveat engine, Collection<String> versionKeys) {
    List<Layer> out = new ArrayList<>();
    for (String key : versionKeys) {
      VersionInfo v = find(engine, key);
      if (v == null) continue;
      Map<String, org.caveat.geo.Zone> zones = new LinkedHashMap<>();
      for (ZoneSpec spec : v.policy().zones()) {
        org.caveat.geo.Zone z = v.zones().get(spec.name());
        if (z != null) zones.put(spec.name(), z);
      }
      out.add(new Layer(key, zones));
    }
    return out;
  }

  /** The compiled version a {@code grant@version} key names, or null. */
  static VersionInfo find(Caveat engine, String key) {
    int at = key.indexOf('@');
    if (at < 0) return null;
    String grant = key.substring(0, at), version = key.substring(at + 1);
    for (GrantInfo g : engine.grants()) {
      if (!g.grant().id().equals(grant)) continue;
      for (VersionInfo v : g.versions()) {
        if (v.policy().version().equals(version)) return v;
      }
    }
    return null;
  }
}
