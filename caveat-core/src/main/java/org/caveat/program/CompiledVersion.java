package org.caveat.program;

import java.util.List;
import java.util.Map;
import org.caveat.policy.PolicyVersion;

/**
 * A policy version ready to decide: compiled scope, rules in file order (forbids and permits
 * also kept apart for the decision loop), zones, and the assumption values it was compiled with.
 */
public final class CompiledVersion {
  private final PolicyVersion policy;
  private final CompiledCondition scope;
  private final List<CompiledRule> rules;
  private final Map<String, ZoneRef> zones;
  private final Map<String, Object> assumptions;

  public CompiledVersion(PolicyVersion policy, CompiledCondition scope, List<CompiledRule> rules,
      Map<String, ZoneRef> zones, Map<String, Object> assumptions) {
    this.policy = policy;
    this.scope = scope;
    this.rules = List.copyOf(rules);
    this.zones = Map.copyOf(zones);
    this.assumptions = Map.copyOf(assumptions);
  }

  public PolicyVersion policy() { return policy; }
  public CompiledCondition scope() { return scope; }
  public List<CompiledRule> rules() { return rules; }
  public Map<String, ZoneRef> zones() { return zones; }

  /** Assumption values in effect (file values with per-call overrides applied). */
  public Map<String, Object> assumptions() { return assumptions; }
}
