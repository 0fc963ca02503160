package org.caveat.store;

import java.util.Set;

/** A newly created token: {@code secret} is returned this once and never stored; {@code person} is normalised. */
public record IssuedToken(String name, String person, String secret, Set<String> roles) {

  public IssuedToken {
    roles = Set.copyOf(roles);
  }

  @Override
  public String toString() {
    return "IssuedToken[name=" + name + ", person=" + person + ", roles=" + roles + "]";
  }
}
