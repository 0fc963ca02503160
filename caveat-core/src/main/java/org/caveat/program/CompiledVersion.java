package org.caveat.program;

import java.util.List;
import java.util.Map;
import org.caveat.policy.PolicyVersion;

/**
 * A policy version ready to decide: compiled scope, rules in file order (forbids and permits
 * also kept apart for the decision loop), zones, the assumption values it was compiled with, and
 * the classes of values its rules cannot tell apart (for case analysis).
 */
public final class CompiledVersion {
  private final PolicyVersion policy;
  private final CompiledCondition scope;
  private final List<CompiledRule> rules;
  private final Map<String, ZoneRef> zones;
  private final Map<String, Object> assumptions;
  private final SplitDomains splitDomains;

  public CompiledVersion(PolicyVersion policy, CompiledCondition scope, List<CompiledRule> rules,
      Map<String, ZoneRef> zones, Map<String, Object> assumptions) {
    this.policy = policy;
    this.scope = scope;
    this.rules = List.copyOf(rules);
    this.zones = Map.copyOf(zones);
    this.assumptions = Map.copyOf(assumptions);
    this.splitDomains = new SplitDomains(this.rules.stream().map(CompiledRule::condition).toList());
  }

  public PolicyVersion policy() { return policy; }
  public CompiledCondition scope() { return scope; }
  public List<CompiledRule> rules() { return rules; }
  public Map<String, ZoneRef> zones() { return zones; }

  /** Assumption values in effect (file values with per-call overrides applied). */
  public Map<String, Object> assumptions() { return assumptions; }

  /** The values case analysis tries for each closed-domain attribute: one per class the rules cannot tell apart. */
  public SplitDomains splitDomains() { return splitDomains; }
}
