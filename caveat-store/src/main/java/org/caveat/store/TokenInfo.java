package org.caveat.store;

import java.time.Instant;
import java.util.Set;

/** What is known about a token without its secret; {@code revokedAt} is null while active. */
public record TokenInfo(String name, Set<String> roles, Instant createdAt, Instant revokedAt) {

  public TokenInfo {
    roles = Set.copyOf(roles);
  }

  public boolean active() {
    return revokedAt == null;
  }
}
