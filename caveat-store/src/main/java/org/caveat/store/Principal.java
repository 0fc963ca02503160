package org.caveat.store;

import java.util.Set;

/** Who presented a token: its name and roles. */
public record Principal(String name, Set<String> roles) {

  public Principal {
    roles = Set.copyOf(roles);
  }

  /** Whether this principal may act as {@code role}; {@code admin} implies every role. */
  public boolean has(String role) {
    return Roles.grants(roles, role);
  }
}
