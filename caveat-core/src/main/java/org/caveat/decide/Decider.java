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
      // Belt and braces behind validation (GrantorScope): a grant never decides another supplier's weapon.
      if (!g.grant().grantee().equals(request.user()) || !g.governsOrigin(request.weaponOrigin())) continue;
      CompiledVersion v = g.inForceAt(request.time());
      // Before the first version, the first version's scope says whether the grant would apply.
      CompiledVersion scopeOf = v != null ? v : g.versions().get(0);
      long scope = scopeOf.scope().eval(ctx);
      if (scope == Tri.FALSE) continue;
      GrantDecision d;
      if (v == null) {
        d = new GrantDecision(g, null, Outcome.INDETERMINATE, Basis.NO_VERSION_IN_FORCE, List.of(), 0);
      } else if (Tri.isUnknown(scope)) {
        d = new GrantDecision(g, v, Outcome.INDETERMINATE, Basis.MISSING_ATTRIBUTES, List.of(), Tri.missing(scope));
      } else {
        d = decideVersion(g, v, ctx);
      }
      decisions.add(d);
      outcome = outcome.combine(d.outcome());
    }
    return new Decision(request, outcome, decisions);
  }

  /**
   * Forbid-overrides within one version, with unknowns only where they could change the outcome.
   * Public for tools that decide against one chosen version (diff flips); {@code ctx} must already
   * be reset to the request, and the grant's scope is the caller's to check.
   */
  public static GrantDecision decideVersion(CompiledGrant g, CompiledVersion v, EvalContext ctx) {
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
