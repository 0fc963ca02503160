package org.caveat.policy;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * The standing permission of one supplier (grantor) to one user (grantee), as a timeline of
 * versions sorted by the date they enter into force.
 */
public record Grant(String id, String grantor, String grantee, List<PolicyVersion> versions) {
  public Grant {
    versions = versions.stream().sorted(Comparator.comparing(PolicyVersion::inForce)).toList();
  }

  /** The version in force at {@code time}, or null before the first version. */
  public PolicyVersion inForceAt(Instant time) {
    PolicyVersion found = null;
    for (PolicyVersion v : versions) {
      if (!v.inForce().isAfter(time)) found = v;
    }
    return found;
  }
}
