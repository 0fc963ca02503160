package org.caveat.explain;

import java.util.List;
import java.util.Objects;
import org.caveat.decide.Basis;
import org.caveat.program.CompiledRule;
import org.caveat.program.CompiledVersion;

/**
 * What identifies a grant's part of an answer when it does not depend on the request itself;
 * for a not-permitted part also its closest miss and the value that failed (null otherwise).
 * The compiled version, rules and conjuncts are compared by identity (they live as long as the
 * engine, and the decision hands out those same objects), so a look-up never runs the records'
 * deep {@code equals} over rule texts; only the failing value is compared by value.
 */
final class PartKey {
  private final CompiledVersion version;
  private final Basis basis;
  private final List<CompiledRule> determining;
  private final long missing;
  private final List<CompiledVersion> skipped;
  private final Object missRule, missFailed, actual;
  private final int hash;

  PartKey(CompiledVersion version, Basis basis, List<CompiledRule> determining, long missing,
    List<CompiledVersion> skipped, ClosestPermit.Miss miss, Object actual) {
    this.version = version;
    this.basis = basis;
    this.determining = determining;
    this.missing = missing;
    this.skipped = skipped;
    this.missRule = miss == null ? null : miss.rule();
    this.missFailed = miss == null ? null : miss.failed();
    this.actual = actual;
    int h = System.identityHashCode(version) * 31 + basis.ordinal();
    h = h * 31 + identityHash(determining);
    h = h * 31 + Long.hashCode(missing);
    h = h * 31 + identityHash(skipped);
    h = h * 31 + System.identityHashCode(missRule);
    h = h * 31 + System.identityHashCode(missFailed);
    this.hash = h * 31 + Objects.hashCode(actual);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PartKey k && hash == k.hash && version == k.version && basis == k.basis
        && missing == k.missing && missRule == k.missRule && missFailed == k.missFailed
        && sameElements(determining, k.determining) && sameElements(skipped, k.skipped)
        && Objects.equals(actual, k.actual);
  }

  private static int identityHash(List<?> xs) {
    int h = xs.size();
    for (int i = 0; i < xs.size(); i++) h = h * 31 + System.identityHashCode(xs.get(i));
    return h;
  }

  private static boolean sameElements(List<?> a, List<?> b) {
    if (a.size() != b.size()) return false;
    for (int i = 0; i < a.size(); i++) {
      if (a.get(i) != b.get(i)) return false;
    }
    return true;
  }
}
