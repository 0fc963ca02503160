package org.caveat.store;

import java.time.Instant;
import java.util.Set;

/**
 * What is known about a token without its secret: its name, the person holding it (normalised),
 * roles and dates; {@code revokedAt} is null while active.
 */
public record TokenInfo(String name, String person, Set<String> roles, Instant createdAt, Instant revokedAt) {

  public TokenInfo {
    roles = Set.copyOf(roles);
  }

  public boolean active() {
    return revokedAt == null;
  }
}
