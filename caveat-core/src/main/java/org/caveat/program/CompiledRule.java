package org.caveat.program;

import org.caveat.policy.Rule;

/**
 * A rule with its compiled condition. Compiled rules are unique objects, so equality is
 * identity: cheap to use as (part of) a cache key.
 */
public record CompiledRule(Rule rule, CompiledCondition condition) {
  @Override
  public boolean equals(Object o) {
    return this == o;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(this);
  }
}
