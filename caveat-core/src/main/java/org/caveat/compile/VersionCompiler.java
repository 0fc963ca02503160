package org.caveat.compile;

import dev.cel.runtime.CelRuntime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.caveat.check.CelEnvironment;
import org.caveat.geo.ReferenceGeography;
import org.caveat.policy.Assumption;
import org.caveat.policy.Diagnostic;
import org.caveat.policy.PolicyException;
import org.caveat.policy.PolicyVersion;
import org.caveat.policy.Rule;
import org.caveat.program.CelFallback;
import org.caveat.program.CompiledCondition;
import org.caveat.program.CompiledRule;
import org.caveat.program.CompiledVersion;
import org.caveat.program.ZoneRef;

/**
 * Compiles policy versions. One compiler serves a whole engine so that zone memo slots are
 * unique across versions.
 */
public final class VersionCompiler {
  private final ReferenceGeography geo;
  private final AtomicInteger slots = new AtomicInteger();

  public VersionCompiler(ReferenceGeography geo) {
    this.geo = geo;
  }

  /**
   * Loads and initialises cel-java (a large share of cold start-up) by compiling a trivial
   * expression, so callers can overlap it with other start-up work.
   */
  public static void warmUp() {
    CelEnvironment.warmUp();
    CelFallback.runtime(CelEnvironment.OPTIONS, null);
  }

  /**
   * @param overrides assumption values replacing the file's (only names the version defines
   *                  are applied; their type must match)
   * @throws PolicyException with every diagnostic found
   */
  public CompiledVersion compile(PolicyVersion v, Map<String, Object> overrides) {
    List<Diagnostic> diagnostics = new ArrayList<>();
    Map<String, Object> assumptions = new LinkedHashMap<>();
    for (Assumption a : v.assumptions()) {
      Object value = a.value();
      if (overrides.containsKey(a.name())) {
        Object o = overrides.get(a.name());
        if (value != null && o != null && value.getClass() != o.getClass()) {
          diagnostics.add(new Diagnostic("assumption.type", a.at(), "--assume " + a.name() + ": expected a "
              + kind(value) + ", got `" + o + "`", null));
        } else {
          value = o;
        }
      }
      if (value != null) assumptions.put(a.name(), value);
    }
    Map<String, ZoneRef> zones = new ZoneCompiler(geo, assumptions, slots, diagnostics).compile(v.zones());
    boolean zonesOk = zones.size() == v.zones().size();
    CelEnvironment env = new CelEnvironment(zonesOk ? zones.keySet() : allZoneNames(v, zones), assumptions);
    CelRuntime runtime = CelFallback.runtime(CelEnvironment.OPTIONS, geo);
    // When zones failed, conditions are still checked (syntax, names, types) but not built.
    ConditionCompiler conditions = new ConditionCompiler(env, runtime, zones, assumptions, geo.regionCodes(),
        diagnostics, !zonesOk);
    CompiledCondition scope = conditions.compileScope(v.scope(), v.scopeMap(), v.grant(), v.grantor());
    List<CompiledRule> rules = new ArrayList<>();
    for (Rule r : v.rules()) {
      CompiledCondition c = conditions.compile(r.when(), r.whenMap());
      if (c != null) rules.add(new CompiledRule(r, c));
    }
    if (!diagnostics.isEmpty()) {
      throw new PolicyException(diagnostics);
    }
    return new CompiledVersion(v, scope, rules, zones, assumptions);
  }

  /** The compiled zones' names, then those that failed: every name a condition may use is declared. */
  private static Set<String> allZoneNames(PolicyVersion v, Map<String, ZoneRef> zones) {
    Set<String> all = new LinkedHashSet<>(zones.keySet());
    v.zones().forEach(z -> all.add(z.name()));
    return all;
  }

  private static String kind(Object v) {
    return v instanceof Double ? "number" : v instanceof Boolean ? "true/false" : "string";
  }
}
