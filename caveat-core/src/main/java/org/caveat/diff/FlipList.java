package org.caveat.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.caveat.Caveat;
import org.caveat.GrantInfo;
import org.caveat.VersionInfo;
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

  /**
   * One side of a comparison: a grant and the version of it to decide with. Front ends see the
   * descriptions; the compiled program stays inside this package.
   */
  public static final class Side {
    private final GrantInfo grant;
    private final VersionInfo version;
    final CompiledGrant compiledGrant;
    final CompiledVersion compiled;

    private Side(GrantInfo grant, VersionInfo version, CompiledGrant compiledGrant, CompiledVersion compiled) {
      this.grant = grant;
      this.version = version;
      this.compiledGrant = compiledGrant;
      this.compiled = compiled;
    }

    /** The side of {@code version} of {@code grant}, both as {@code engine} describes them. */
    public static Side of(Caveat engine, GrantInfo grant, VersionInfo version) {
      for (CompiledGrant g : engine.compiledGrants()) {
        if (!g.grant().id().equals(grant.id())) continue;
        for (CompiledVersion v : g.versions()) {
          if (v.policy() == version.policy()) return new Side(grant, version, g, v);
        }
      }
      throw new IllegalArgumentException("version " + grant.id() + "@" + version.id() + " is not in this engine");
    }

    public GrantInfo grant() {
      return grant;
    }

    public VersionInfo version() {
      return version;
    }
  }

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
  static Decision decide(Side side, boolean checkScope, Request r, EvalContext ctx) {
    return Decider.decideWith(side.compiledGrant, side.compiled, checkScope, r, ctx);
  }
}
