package org.caveat.program;

import java.util.List;

/**
 * A compiled condition: the whole expression for deciding, and its top-level conjuncts (in
 * source order) for explaining which part failed and by how much.
 */
public final class CompiledCondition {
  final Cond whole;
  final List<Conjunct> conjuncts;
  final String text;

  public CompiledCondition(Cond whole, List<Conjunct> conjuncts, String text) {
    this.whole = whole;
    this.conjuncts = conjuncts;
    this.text = text;
  }

  public long eval(EvalContext c) {
    return whole.eval(c);
  }

  public List<Conjunct> conjuncts() {
    return conjuncts;
  }

  public String text() {
    return text;
  }
}
