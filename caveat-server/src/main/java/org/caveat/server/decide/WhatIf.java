package org.caveat.server.decide;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.caveat.Caveat;
import org.caveat.json.RequestError;
import org.caveat.policy.Diagnostic;
import org.caveat.policy.PolicyException;
import org.caveat.policy.Setting;
import org.caveat.server.policy.LiveEngine;
import org.caveat.server.policy.WhatIfEngines;

/**
 * The assumption overrides of a decision call (what-ifs): those of the query
 * ({@code ?assume=NAME=VALUE}), then those of each request's own {@code "assume": {NAME: value}}
 * object, which win. A request with overrides is decided by an engine built with them (cached
 * per set) and its answer ends with {@code "assumed"}; one without is decided by the call's engine,
 * byte for byte as before. The request is logged as sent, {@code assume} included.
 */
public final class WhatIf {
  /** Overrides from the query, for every request of the call. */
  private final Map<String, String> query;
  private final WhatIfEngines engines;

  /** How one request is decided: the engine, the overrides it was built with, or why not. */
  public record Choice(Caveat engine, Map<String, String> assumed, RequestError error) {}

  public WhatIf(Map<String, String> query, WhatIfEngines engines) {
    this.query = Map.copyOf(query);
    this.engines = engines;
  }

  /** No overrides from the query: a request without its own {@code assume} is decided by the call's engine. */
  boolean none() {
    return query.isEmpty();
  }

  /**
   * @param base the policy of the call: its engine decides requests without overrides, and
   *     engines with overrides are built from the same versions
   */
  Choice choose(JsonNode request, LiveEngine.Pinned base) {
    JsonNode own = request.get("assume");
    if (query.isEmpty() && (own == null || own.isNull())) return new Choice(base.engine(), Map.of(), null);
    Map<String, String> assumed = new LinkedHashMap<>(new TreeMap<>(query));
    if (own != null && !own.isNull()) {
      if (!own.isObject()) return error(request, "request.type", "assume must be an object such as"
          + " {\"kharkiv_band_depth_km\": 20}", "/assume");
      for (Iterator<Map.Entry<String, JsonNode>> it = own.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!e.getValue().isValueNode() || e.getValue().isNull()) {
          return error(request, "request.type", "assume." + e.getKey() + " must be a number, a string or true/false",
              "/assume/" + e.getKey());
        }
        assumed.put(e.getKey(), e.getValue().asText());
      }
    }
    try {
      return new Choice(engines.with(base, assumed), assumed, null);
    } catch (PolicyException e) {
      Diagnostic d = e.diagnostics().get(0);
      // The packs built already, so this is about an override: its setting names the member of "assume".
      Setting s = d.setting();
      String hint = s == null || s.example() == null ? d.hint()
          : "e.g. \"assume\": {\"" + s.name() + "\": " + s.example() + "}";
      return error(request, d.code(), d.message() + (hint == null ? "" : "; " + hint),
          s == null ? "/assume" : "/assume/" + s.name());
    }
  }

  private static Choice error(JsonNode request, String code, String message, String at) {
    JsonNode id = request.get("id");
    return new Choice(null, Map.of(), new RequestError(id == null || !id.isTextual() ? null : id.asText(), code,
        message, at));
  }
}
