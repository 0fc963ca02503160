package org.caveat;

import java.util.Map;
import org.caveat.geo.Zone;
import org.caveat.policy.PolicyVersion;

/**
 * What a front end may know of a loaded version: its pack description ({@link PolicyVersion}:
 * id, dates, title, summary, reliability, rules' text and sources, zone definitions, assumptions
 * as written, content hash and file), the assumption values the engine compiled it with
 * (overrides applied), and its zones by name ({@link Zone#geometry()} gives longitude/latitude
 * geometry for a map or GeoJSON).
 */
public record VersionInfo(PolicyVersion policy, Map<String, Object> assumptions, Map<String, Zone> zones) {
  public VersionInfo {
    assumptions = Map.copyOf(assumptions);
    zones = Map.copyOf(zones);
  }

  /** The version id, e.g. {@code 2024-05-30}. */
  public String id() {
    return policy.version();
  }
}
