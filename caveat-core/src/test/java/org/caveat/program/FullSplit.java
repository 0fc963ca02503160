package org.caveat.program;

import java.util.List;
import org.caveat.decide.CompiledGrant;

/**
 * Test helper: a grant whose versions split every closed domain value by value, as case analysis
 * did before {@link SplitDomains} — each rule condition is wrapped in a node {@link LiteralTests}
 * does not know, which makes every attribute opaque. Decisions are otherwise the same nodes.
 */
public final class FullSplit {
  private FullSplit() {}

  public static CompiledGrant of(CompiledGrant g) {
    return new CompiledGrant(g.grant(), g.versions().stream().map(FullSplit::of).toList(), g.admitted());
  }

  static CompiledVersion of(CompiledVersion v) {
    List<CompiledRule> rules = v.rules().stream().map(r -> new CompiledRule(r.rule(),
        new CompiledCondition(new Unseen(r.condition().whole), r.condition().conjuncts(), r.condition().text()))).toList();
    return new CompiledVersion(v.policy(), v.scope(), rules, v.zones(), v.assumptions());
  }

  /** The same condition behind a node the analysis cannot see through. */
  private static final class Unseen extends Cond {
    private final Cond inner;

    Unseen(Cond inner) {
      this.inner = inner;
    }

    @Override
    long eval(EvalContext c) {
      return inner.eval(c);
    }
  }
}
