package org.caveat.decide;

import java.util.ArrayList;
import java.util.List;
import org.caveat.model.Attribute;
import org.caveat.policy.Rule;
import org.caveat.program.CompiledRule;
import org.caveat.program.CompiledVersion;
import org.caveat.program.EvalContext;
import org.caveat.program.SplitDomains;
import org.caveat.program.Tri;

/**
 * Settles a three-valued "unknown" outcome by case analysis. Kleene logic cannot see that
 * {@code weapon.class in L} and {@code !(weapon.class in L)} together cover every class, yet
 * docs/SEMANTICS.md (step 4) asks for INDETERMINATE only when a missing attribute <em>could
 * change</em> the outcome.
 * So the open rules (those left unknown) are re-evaluated with the missing attributes they read
 * given each value of their vocabulary in turn: depth first, one attribute per level, still in
 * three-valued logic so a level only splits what is still open. The outcome stands when every case
 * agrees; the search stops at the first disagreement or after {@link #MAX_CASES} cases.
 *
 * <p>A value stands for its whole class of the version's {@link SplitDomains}: the values no rule
 * of the version can tell apart give the same case subtree, so one representative per class (the
 * first in sorted order) decides exactly as trying them all would, in fewer cases. A case's values
 * are assumed in the caller's {@link EvalContext} over the request, so no request is built per case.
 *
 * <p>Only closed domains are split: the vocabularies and {@code target.used_in_invasion}. A
 * missing {@code weapon.range_km}, {@code weapon.system} or {@code weapon.munition} stays with
 * three-valued logic, which is sound (it never claims a certainty that does not hold).
 */
final class CaseSplit {
  /**
   * Bound on the cases explored for one grant (one per class, not per value), so a pathological
   * version cannot stall a decision. Counting classes, a search that trying every value gave up on
   * here may now finish; below the bound the two decide alike.
   */
  static final int MAX_CASES = 4096;

  private final CompiledVersion version;
  private final List<CompiledRule> open;
  private final boolean surePermit;
  /**
   * The caller's context, given each case's values ({@link EvalContext#assumeCase}) over the
   * request: the cases share the request's target location, so the geographic facts it memoised
   * (location, exact distances) serve every case, and no request is built and validated per case;
   * {@link #settle} puts it back on the request's own values before returning.
   */
  private final EvalContext ctx;
  private final boolean[] trueSomewhere;
  private int cases;
  private Outcome agreed;
  private boolean forbiddenEverywhere = true;

  private CaseSplit(CompiledVersion version, List<CompiledRule> open, boolean surePermit, EvalContext ctx) {
    this.version = version;
    this.open = open;
    this.surePermit = surePermit;
    this.ctx = ctx;
    this.trueSomewhere = new boolean[open.size()];
  }

  /**
   * The decision when every case agrees, or null when a missing attribute could change it.
   *
   * @param open       the open rules, in file order (forbids and permits left unknown)
   * @param sure       the permits that matched, to cite when every case permits
   * @param missing    the missing attributes the open rules read (their three-valued results)
   */
  static GrantDecision settle(CompiledGrant g, CompiledVersion v, EvalContext ctx, List<CompiledRule> open,
      List<CompiledRule> sure, long missing) {
    CaseSplit s = new CaseSplit(v, open, !sure.isEmpty(), ctx);
    boolean agreed;
    try {
      // The caller has just evaluated the open rules on the request itself: split at once.
      agreed = s.split(missing);
    } finally {
      ctx.endCases(); // the caller goes on with the request itself (other grants, the explanation)
    }
    if (!agreed) return null;
    if (s.agreed == Outcome.PERMIT) {
      return new GrantDecision(g, v, Outcome.PERMIT, Basis.PERMITTED, sure.isEmpty() ? s.matched(Rule.Effect.PERMIT) : sure,
          missing);
    }
    // Denied in every case: "forbidden" only when a forbid matches in every case. Otherwise some
    // cases lack a permit (and the rest are forbidden): reported as not permitted, whatever the values.
    return s.forbiddenEverywhere
        ? new GrantDecision(g, v, Outcome.DENY, Basis.FORBIDDEN, s.matched(Rule.Effect.FORBID), missing)
        : new GrantDecision(g, v, Outcome.DENY, Basis.NOT_PERMITTED, List.of(), missing);
  }

  /** Explores the cases under the values assumed so far; false as soon as two cases disagree or the bound is hit. */
  private boolean explore() {
    long[] values = new long[open.size()];
    long stillMissing = 0;
    for (int i = 0; i < open.size(); i++) {
      values[i] = open.get(i).condition().eval(ctx);
      stillMissing |= Tri.missing(values[i]);
    }
    // Split until every open rule is settled, so the rules cited are exactly those that match.
    if (stillMissing != 0) return split(stillMissing);
    if (++cases > MAX_CASES) return false;
    boolean forbid = false, permit = surePermit;
    for (int i = 0; i < open.size(); i++) {
      if (values[i] != Tri.TRUE) continue;
      trueSomewhere[i] = true;
      if (open.get(i).rule().effect() == Rule.Effect.FORBID) forbid = true;
      else permit = true;
    }
    Outcome o = forbid || !permit ? Outcome.DENY : Outcome.PERMIT;
    forbiddenEverywhere &= forbid;
    if (agreed != null && agreed != o) return false;
    agreed = o;
    return true;
  }

  /**
   * Explores one value per class of the first splittable attribute in {@code missing} (the classes
   * the version's rules cannot tell apart, {@link org.caveat.program.SplitDomains}); false as
   * {@link #explore}.
   */
  private boolean split(long missing) {
    Attribute a = splittable(missing);
    if (a == null) return false;
    for (Object value : version.splitDomains().representatives(a)) {
      ctx.assumeCase(a, value);
      if (!explore()) return false; // settle ends every case
    }
    ctx.dropCase(a); // back to the enclosing case, as the next value of an outer attribute expects
    return true;
  }

  /** The open rules of this effect that matched in some case, in file order. */
  private List<CompiledRule> matched(Rule.Effect effect) {
    List<CompiledRule> out = new ArrayList<>();
    for (CompiledRule r : version.rules()) {
      int i = open.indexOf(r);
      if (i >= 0 && trueSomewhere[i] && r.rule().effect() == effect) out.add(r);
    }
    return out;
  }

  /** The first missing attribute with a closed domain, in {@link Attribute} order; null if none. */
  private static Attribute splittable(long missing) {
    for (Attribute a : Attribute.values()) {
      if ((missing & a.bit()) != 0 && SplitDomains.splittable(a)) return a;
    }
    return null;
  }
}
