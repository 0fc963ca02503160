package org.caveat.decide;

import java.util.ArrayList;
import java.util.List;
import org.caveat.model.Request;
import org.caveat.policy.Rule;
import org.caveat.program.CompiledRule;
import org.caveat.program.CompiledVersion;
import org.caveat.program.EvalContext;
import org.caveat.program.Tri;

/** Decides requests against a fixed set of compiled grants. Thread-safe. */
public final class Decider {
  private final List<CompiledGrant> grants;

  public Decider(List<CompiledGrant> grants) {
    this.grants = List.copyOf(grants);
  }

  public List<CompiledGrant> grants() {
    return grants;
  }

  /** Decides one request, using {@code ctx} (reset here) for memoised facts. */
  public Decision decide(Request request, EvalContext ctx) {
    ctx.reset(request);
    Outcome outcome = Outcome.NOT_APPLICABLE;
    List<GrantDecision> decisions = new ArrayList<>(2);
    for (CompiledGrant g : grants) {
      if (!concerns(g, request)) continue;
      GrantDecision d = inScope(g, g.inForceAt(request.time()), ctx);
      if (d == null) continue;
      decisions.add(d);
      outcome = outcome.combine(d.outcome());
    }
    return new Decision(request, outcome, decisions);
  }

  /**
   * The verdict of one chosen version alone (diff flips: "what would this version say?"), by the
   * steps of {@link #decide} without choosing the version in force: the grantee must be the user;
   * with {@code checkScope}, the weapon must be the grantor's and the version's scope must hold;
   * without it, the request is read as if its weapon came under the grant.
   */
  public static Decision decideWith(CompiledGrant g, CompiledVersion v, boolean checkScope, Request request,
      EvalContext ctx) {
    ctx.reset(request);
    GrantDecision d = null;
    if (checkScope) {
      if (concerns(g, request)) d = inScope(g, v, ctx);
    } else if (g.grant().grantee().equals(request.user())) {
      d = decideVersion(g, v, ctx);
    }
    return d == null ? new Decision(request, Outcome.NOT_APPLICABLE, List.of())
        : new Decision(request, d.outcome(), List.of(d));
  }

  /** Whether the grant may decide the request at all: its grantee is the user and the weapon its grantor's. */
  private static boolean concerns(CompiledGrant g, Request request) {
    // Belt and braces behind validation (GrantorScope): a grant never decides another supplier's weapon.
    return g.grant().grantee().equals(request.user()) && g.governsOrigin(request.weaponOrigin());
  }

  /**
   * The grant's decision with version {@code v} (null: none in force), or null when the scope
   * excludes the request. Before the first version, the first version's scope says whether the
   * grant would apply.
   */
  private static GrantDecision inScope(CompiledGrant g, CompiledVersion v, EvalContext ctx) {
    CompiledVersion scopeOf = v != null ? v : g.versions().get(0);
    long scope = scopeOf.scope().eval(ctx);
    if (scope == Tri.FALSE) return null;
    if (v == null) return new GrantDecision(g, null, Outcome.INDETERMINATE, Basis.NO_VERSION_IN_FORCE, List.of(), 0);
    if (Tri.isUnknown(scope)) {
      return new GrantDecision(g, v, Outcome.INDETERMINATE, Basis.MISSING_ATTRIBUTES, List.of(), Tri.missing(scope));
    }
    return decideVersion(g, v, ctx);
  }

  /**
   * Forbid-overrides within one version, with unknowns only where they could change the outcome;
   * {@code ctx} must already be reset to the request, and the scope checked by the caller.
   */
  private static GrantDecision decideVersion(CompiledGrant g, CompiledVersion v, EvalContext ctx) {
    List<CompiledRule> forbidden = null, unknownForbids = null, permitted = null, unknownPermits = null;
    long forbidMissing = 0, permitMissing = 0;
    for (CompiledRule r : v.rules()) {
      if (r.rule().effect() != Rule.Effect.FORBID) continue;
      long t = r.condition().eval(ctx);
      if (t == Tri.TRUE) {
        forbidden = add(forbidden, r);
      } else if (Tri.isUnknown(t)) {
        unknownForbids = add(unknownForbids, r);
        forbidMissing |= Tri.missing(t);
      }
    }
    if (forbidden != null) {
      return new GrantDecision(g, v, Outcome.DENY, Basis.FORBIDDEN, forbidden, 0);
    }
    for (CompiledRule r : v.rules()) {
      if (r.rule().effect() != Rule.Effect.PERMIT) continue;
      long t = r.condition().eval(ctx);
      if (t == Tri.TRUE) {
        permitted = add(permitted, r);
      } else if (Tri.isUnknown(t)) {
        unknownPermits = add(unknownPermits, r);
        permitMissing |= Tri.missing(t);
      }
    }
    if (permitted != null) {
      if (unknownForbids == null) {
        return new GrantDecision(g, v, Outcome.PERMIT, Basis.PERMITTED, permitted, 0);
      }
      GrantDecision settled = CaseSplit.settle(g, v, ctx, unknownForbids, permitted, forbidMissing);
      return settled != null ? settled
          : new GrantDecision(g, v, Outcome.INDETERMINATE, Basis.MISSING_ATTRIBUTES, unknownForbids, forbidMissing);
    }
    if (unknownPermits != null) {
      List<CompiledRule> open = new ArrayList<>(unknownPermits);
      if (unknownForbids != null) open.addAll(unknownForbids);
      open = sorted(v, open);
      GrantDecision settled = CaseSplit.settle(g, v, ctx, open, List.of(), permitMissing | forbidMissing);
      return settled != null ? settled
          : new GrantDecision(g, v, Outcome.INDETERMINATE, Basis.MISSING_ATTRIBUTES, open, permitMissing | forbidMissing);
    }
    if (unknownForbids != null) {
      // Denied whatever the missing values; case analysis tells "forbidden in every case" apart.
      GrantDecision settled = CaseSplit.settle(g, v, ctx, unknownForbids, List.of(), forbidMissing);
      if (settled != null) return settled;
    }
    return new GrantDecision(g, v, Outcome.DENY, Basis.NOT_PERMITTED, List.of(), 0);
  }

  private static List<CompiledRule> add(List<CompiledRule> list, CompiledRule r) {
    List<CompiledRule> out = list == null ? new ArrayList<>(2) : list;
    out.add(r);
    return out;
  }

  /** Rules in file order, so answers list them the same way every time. */
  private static List<CompiledRule> sorted(CompiledVersion v, List<CompiledRule> rules) {
    List<CompiledRule> out = new ArrayList<>();
    for (CompiledRule r : v.rules()) if (rules.contains(r)) out.add(r);
    return out;
  }
}
