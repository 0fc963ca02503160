package org.caveat.store;

import java.util.Set;

/** A newly created token: {@code secret} is returned this once and never stored. */
public record IssuedToken(String name, String secret, Set<String> roles) {

  public IssuedToken {
    roles = Set.copyOf(roles);
  }

  @Override
  public String toString() {
    return "IssuedToken[name=" + name + ", roles=" + roles + "]";
  }
}
