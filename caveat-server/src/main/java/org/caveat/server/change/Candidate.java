package org.caveat.server.change;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.caveat.Caveat;
import org.caveat.GrantInfo;
import org.caveat.VersionInfo;
import org.caveat.policy.Diagnostic;
import org.caveat.policy.PolicyException;
import org.caveat.policy.Span;
import org.caveat.server.policy.LiveEngine;
import org.caveat.server.problem.Problems;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * A proposed version, validated the only way that counts: by building the engine with it on top
 * of the published versions. The YAML is read here only to learn the version id, which names the
 * file ({@code grant/version.yaml}); every real check, with file:line:col, is caveat-core's
 * (including that the version decides only weapons of its grantor).
 *
 * @param inForce the date of {@code effective}, as the store records it
 * @param effective the instant the version comes into force
 */
record Candidate(String grant, String grantor, String version, LocalDate inForce, Instant effective, String fileName,
    String yaml, Caveat engine) {

  static Candidate of(String grant, String yaml, LiveEngine live) {
    String version = versionId(yaml);
    if (version == null) {
      // Let the core report why (a syntax error with its line); if it somehow loads, say what is missing.
      build(live, grant + "/unnamed.yaml", yaml);
      throw Problems.invalidPolicy(List.of(new Diagnostic("version.missing", new Span(grant + "/unnamed.yaml", 1, 1),
          "the version file has no `version:`", "e.g. version: \"2025-01-01\"")));
    }
    String file = grant + "/" + version + ".yaml";
    Caveat engine = build(live, file, yaml);
    for (GrantInfo g : engine.grants()) {
      if (!g.grant().id().equals(grant)) continue;
      for (VersionInfo v : g.versions()) {
        if (v.policy().version().equals(version) && file.equals(v.policy().file())) {
          return new Candidate(grant, g.grant().grantor(), version,
              LocalDate.ofInstant(v.policy().inForce(), ZoneOffset.UTC), v.policy().inForce(), file, yaml, engine);
        }
      }
    }
    throw new IllegalStateException("the engine built with " + file + " does not hold it");
  }

  private static Caveat build(LiveEngine live, String file, String yaml) {
    try {
      return live.withCandidate(file, yaml);
    } catch (PolicyException e) {
      throw Problems.invalidPolicy(e.diagnostics());
    }
  }

  /** The {@code version:} of the YAML text, or null when it cannot be read or has none. */
  static String versionId(String yaml) {
    try {
      Object doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
      if (!(doc instanceof Map<?, ?> m) || m.get("version") == null) return null;
      Object v = m.get("version");
      if (v instanceof java.util.Date d) return LocalDate.ofInstant(d.toInstant(), ZoneOffset.UTC).toString();
      String s = v.toString();
      return s.matches("[A-Za-z0-9._-]+") ? s : null;
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** The {@code grantor:} of a stored YAML text, for a grant the live engine does not know. */
  static String grantorOf(String yaml) {
    try {
      Object doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
      return doc instanceof Map<?, ?> m && m.get("grantor") != null ? m.get("grantor").toString() : null;
    } catch (RuntimeException e) {
      return null;
    }
  }
}
