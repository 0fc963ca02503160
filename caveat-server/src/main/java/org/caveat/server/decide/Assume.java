package org.caveat.server.decide;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import org.caveat.policy.Diagnostic;
import org.caveat.policy.PolicyException;
import org.caveat.policy.Setting;
import org.caveat.server.policy.WhatIfEngines;
import org.caveat.server.problem.Problem;
import org.caveat.server.problem.ProblemException;
import org.caveat.server.problem.Problems;

/** {@code ?assume=NAME=VALUE} (repeatable), read and checked before anything is decided. */
final class Assume {
  private Assume() {}

  /**
   * The overrides of the query, in order; a 400 problem for one without {@code =}, an unknown
   * assumption or a value of the wrong type (the engine for the set is built, and cached, here).
   */
  static Map<String, String> query(Context ctx, WhatIfEngines engines) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String p : ctx.queryParams("assume")) {
      int eq = p.indexOf('=');
      if (eq <= 0) {
        throw Problems.badRequest("query parameter assume must be NAME=VALUE, got `" + p + "`",
            new Problem.Error("query.invalid", "assume", null, null, "NAME=VALUE", "e.g. assume=kharkiv_band_depth_km=20"));
      }
      out.put(p.substring(0, eq).strip(), p.substring(eq + 1).strip());
    }
    if (out.isEmpty()) return out;
    try {
      engines.with(out);
    } catch (PolicyException e) {
      throw problem(e);
    }
    return out;
  }

  private static ProblemException problem(PolicyException e) {
    Diagnostic first = e.diagnostics().get(0);
    Problem p = Problem.of(400, "bad-request", "Bad request", "query parameter assume: " + first.message()
        + (hint(first) == null ? "" : "; " + hint(first)));
    for (Diagnostic d : e.diagnostics()) {
      p = p.with(new Problem.Error(d.code(), "assume", null, null, d.message(), hint(d)));
    }
    return p.exception();
  }

  /** Core's example value as this parameter takes it: {@code e.g. assume=NAME=100.0}. */
  private static String hint(Diagnostic d) {
    Setting s = d.setting();
    return s == null || s.example() == null ? d.hint() : "e.g. assume=" + s.name() + "=" + s.example();
  }
}
