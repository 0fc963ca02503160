package org.caveat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.caveat.policy.Grant;
import org.caveat.policy.Reliability;

/**
 * What a front end may know of a loaded grant: its pack description ({@link Grant}: id, grantor,
 * grantee, every version as written), its versions as the engine holds them (oldest first) and
 * the reliabilities admitted when choosing the version in force. A description, not the program
 * that decides: {@link Caveat#grants()} builds it once per engine.
 */
public record GrantInfo(Grant grant, List<VersionInfo> versions, Set<Reliability> admitted) {
  public GrantInfo {
    versions = List.copyOf(versions);
    admitted = Set.copyOf(admitted);
  }

  public String id() {
    return grant.id();
  }

  /** Whether the version's reliability is admitted. */
  public boolean admits(VersionInfo v) {
    return admitted.contains(v.policy().reliability());
  }

  /** The admitted version in force at {@code time}, as when deciding; null before the first. */
  public VersionInfo inForceAt(Instant time) {
    VersionInfo found = null;
    for (VersionInfo v : versions) {
      if (!v.policy().inForce().isAfter(time) && admits(v)) found = v;
    }
    return found;
  }
}
