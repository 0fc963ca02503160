package org.caveat.flink;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.caveat.Caveat;
import org.caveat.GrantInfo;
import org.caveat.VersionInfo;
import org.caveat.json.Json;

/**
 * The record of the policy stream, one line per slot per version received, in the
 * {@code policies/} bucket: {@code {"policy":"us-ua/2026-01-01.yaml","status":"applied",
 * "version":…,"hash":"sha256:…","in_force":…,"subtask":0}}, or {@code "status":"refused"} with the
 * {@code "error"} that kept it out. It says from when each slot decided with which version.
 */
final class PolicyLines {
  static final String BUCKET = "policies";

  private PolicyLines() {}

  static DecisionLine applied(String name, Caveat engine, int subtask) {
    ObjectNode line = Json.MAPPER.createObjectNode().put("policy", name).put("status", "applied");
    String grant = name.substring(0, name.indexOf('/'));
    String stem = name.substring(name.indexOf('/') + 1).replaceFirst("\\.ya?ml$", "");
    for (GrantInfo g : engine.grants()) {
      if (!g.grant().id().equals(grant)) continue;
      for (VersionInfo v : g.versions()) {
        if (!stem.equals(v.policy().version())) continue;
        line.put("version", v.policy().version()).put("hash", v.policy().contentHash())
            .put("in_force", v.policy().inForce().toString());
      }
    }
    return text(line.put("subtask", subtask));
  }

  static DecisionLine refused(String name, String error, int subtask) {
    return text(Json.MAPPER.createObjectNode().put("policy", name).put("status", "refused").put("error", error)
        .put("subtask", subtask));
  }

  private static DecisionLine text(ObjectNode line) {
    try {
      return new DecisionLine(BUCKET, 0, Json.MAPPER.writeValueAsString(line) + "\n");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
