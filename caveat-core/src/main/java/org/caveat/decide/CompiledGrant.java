package org.caveat.decide;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.caveat.policy.Grant;
import org.caveat.policy.Reliability;
import org.caveat.program.CompiledVersion;

/**
 * A grant with its versions compiled, oldest first, and the reliabilities admitted when choosing
 * the version in force (every version stays compiled; versions of a weaker reliability are only
 * passed over, so the previous admitted version applies).
 */
public record CompiledGrant(Grant grant, List<CompiledVersion> versions, Set<Reliability> admitted) {
  public CompiledGrant {
    versions = List.copyOf(versions);
    // An EnumSet, read-only through admitted(): admits() runs for every version of every grant a
    // request reaches, and a bit test costs less than Set.of's hashed probe.
    admitted = admitted.isEmpty() ? EnumSet.noneOf(Reliability.class) : EnumSet.copyOf(admitted);
    if (versions.isEmpty()) {
      throw new IllegalArgumentException("grant " + grant.id() + " has no versions");
    }
  }

  private static final int RELIABILITIES = Reliability.values().length;

  /** The admitted reliabilities (unmodifiable). */
  @Override
  public Set<Reliability> admitted() {
    return Collections.unmodifiableSet(admitted);
  }

  /** Every version admitted. */
  public CompiledGrant(Grant grant, List<CompiledVersion> versions) {
    this(grant, versions, EnumSet.allOf(Reliability.class));
  }

  /**
   * Whether this grant may decide a weapon of {@code origin}: only weapons of its own grantor,
   * whatever a version's scope says (validation refuses scopes that reach further; this is the
   * run-time guard behind it).
   */
  public boolean governsOrigin(String origin) {
    return grant.grantor().equals(origin);
  }

  /** Whether the version's reliability is admitted. */
  public boolean admits(CompiledVersion v) {
    return admitted.contains(v.policy().reliability());
  }

  /** The admitted version in force at {@code time}, or null before the first admitted one. */
  public CompiledVersion inForceAt(Instant time) {
    CompiledVersion found = null;
    for (CompiledVersion v : versions) {
      if (!v.policy().inForce().isAfter(time) && admits(v)) found = v;
    }
    return found;
  }

  /**
   * The versions left out at {@code time}: not admitted, newer than {@code chosen} (every one
   * when it is null) and not after {@code time}; oldest first, empty when none.
   */
  public List<CompiledVersion> skippedAt(Instant time, CompiledVersion chosen) {
    if (admitted.size() == RELIABILITIES) return List.of();
    List<CompiledVersion> out = null;
    for (CompiledVersion v : versions) {
      if (admits(v) || v.policy().inForce().isAfter(time)) continue;
      if (chosen != null && !v.policy().inForce().isAfter(chosen.policy().inForce())) continue;
      if (out == null) out = new ArrayList<>(2);
      out.add(v);
    }
    return out == null ? List.of() : out;
  }
}
