package org.caveat.decide;

import java.time.Instant;
import java.util.List;
import org.caveat.compile.CompiledVersion;
import org.caveat.policy.Grant;

/** A grant with its versions compiled, oldest first. */
public record CompiledGrant(Grant grant, List<CompiledVersion> versions) {
  public CompiledGrant {
    versions = List.copyOf(versions);
    if (versions.isEmpty()) {
      throw new IllegalArgumentException("grant " + grant.id() + " has no versions");
    }
  }

  /** The version in force at {@code time}, or null before the first one. */
  public CompiledVersion inForceAt(Instant time) {
    CompiledVersion found = null;
    for (CompiledVersion v : versions) {
      if (!v.policy().inForce().isAfter(time)) found = v;
    }
    return found;
  }
}
