package org.caveat.server.decide;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import org.caveat.policy.Diagnostic;
import org.caveat.policy.PolicyException;
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
    Problem p = Problem.of(400, "bad-request", "Bad request", "query parameter assume: " + e.diagnostics().get(0).message()
        + (e.diagnostics().get(0).hint() == null ? "" : "; " + e.diagnostics().get(0).hint()));
    for (Diagnostic d : e.diagnostics()) {
      p = p.with(new Problem.Error(d.code(), "assume", null, null, d.message(), d.hint()));
    }
    return p.exception();
  }
}
