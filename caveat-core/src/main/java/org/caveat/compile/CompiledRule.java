package org.caveat.compile;

import org.caveat.policy.Rule;

/** A rule with its compiled condition. */
public record CompiledRule(Rule rule, CompiledCondition condition) {}
