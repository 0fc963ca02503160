package org.caveat.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * How a zone is defined in a pack, before it is compiled into geometry.
 *
 * @param kind      region (shipped region or country codes), geojson, border, buffer, union,
 *                  intersection or difference
 * @param args      codes (region, border sides joined by '+') or zone names (buffer, set operations)
 * @param distance  buffer distance: a number of km or {@code assume.NAME}
 * @param geojson   the parsed file for kind geojson
 */
public record ZoneSpec(String name, Kind kind, List<String> args, String distance, JsonNode geojson,
    String note, Span at) {
  /** Zone definition kinds. */
  public enum Kind { REGION, GEOJSON, BORDER, BUFFER, UNION, INTERSECTION, DIFFERENCE }
}
