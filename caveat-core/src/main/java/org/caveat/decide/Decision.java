package org.caveat.decide;

import java.util.ArrayList;
import java.util.List;
import org.caveat.model.Request;
import org.caveat.program.CompiledRule;

/** The verdict on one request and how each applicable grant reached it. */
public record Decision(Request request, Outcome outcome, List<GrantDecision> grants) {

  /** One grant's verdict: its id, outcome and the ids of its determining rules, as its answer part lists them. */
  public record GrantVerdict(String grant, Outcome outcome, List<String> determining) {}

  /**
   * Each applicable grant's verdict in the answer's order: what an answer's grants say of the
   * verdict, without explaining it (the log's check of stored verdicts needs no more).
   */
  public List<GrantVerdict> verdicts() {
    List<GrantVerdict> out = new ArrayList<>(grants.size());
    for (GrantDecision g : grants) {
      List<String> rules = new ArrayList<>(g.determining().size());
      for (CompiledRule r : g.determining()) rules.add(r.rule().id());
      out.add(new GrantVerdict(g.grant().grant().id(), g.outcome(), List.copyOf(rules)));
    }
    return List.copyOf(out);
  }
}
