package org.caveat.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.caveat.decide.CompiledGrant;
import org.caveat.decide.Decider;
import org.caveat.decide.Decision;
import org.caveat.explain.Answer;
import org.caveat.explain.Explainer;
import org.caveat.geo.ReferenceGeography;
import org.caveat.model.Request;
import org.caveat.program.CompiledVersion;
import org.caveat.program.EvalContext;

/**
 * The requests whose verdict differs between two versions. Each request is decided against each
 * version alone, at the request's own time whatever the versions' in-force dates (the question is
 * "what would each version say about this use?"), and explained for both sides.
 *
 * <p>A version applies when its grantee is the request's user and, with {@code checkScope}, the
 * weapon's origin is the grantor and its scope matches; otherwise that side is
 * NOT_APPLICABLE. Across grants the scopes usually exclude each other (a US weapon is not under
 * the German grant), so a cross-grant comparison passes {@code checkScope = false}: each request
 * is then read as if its weapon came under each grant.
 */
public final class FlipList {
  private final Explainer explainer;
  private final ReferenceGeography geography;

  public FlipList(ReferenceGeography geography) {
    this.geography = geography;
    this.explainer = new Explainer(geography);
  }

  /** One side of a comparison: a grant and the version of it to decide with. */
  public record Side(CompiledGrant grant, CompiledVersion version) {}

  /** A request whose verdict differs: its position in the input list and both answers. */
  public record Flip(int index, Request request, Answer from, Answer to) {
    public Transition transition() {
      return new Transition(from.decision(), to.decision());
    }
  }

  /**
   * @param evaluated   requests decided
   * @param transitions count of flips per transition, sorted
   * @param flips       the flips, in input order
   */
  public record Result(int evaluated, Map<Transition, Integer> transitions, List<Flip> flips) {}

  public Result compare(Side from, Side to, boolean checkScope, List<Request> requests) {
    EvalContext ctx = new EvalContext(geography);
    List<Flip> flips = new ArrayList<>();
    Map<Transition, Integer> transitions = new TreeMap<>();
    for (int i = 0; i < requests.size(); i++) {
      Request r = requests.get(i);
      Decision a = decide(from, checkScope, r, ctx);
      Decision b = decide(to, checkScope, r, ctx);
      if (a.outcome() == b.outcome()) continue;
      Flip f = new Flip(i, r, explainer.explain(a, ctx.reset(r)), explainer.explain(b, ctx.reset(r)));
      flips.add(f);
      transitions.merge(f.transition(), 1, Integer::sum);
    }
    return new Result(requests.size(), transitions, List.copyOf(flips));
  }

  /** The verdict of one version alone on one request ({@link Decider#decideWith}). */
  public static Decision decide(Side side, boolean checkScope, Request r, EvalContext ctx) {
    return Decider.decideWith(side.grant(), side.version(), checkScope, r, ctx);
  }
}
