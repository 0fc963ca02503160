package org.caveat.store;

import java.util.Set;

/**
 * Who presented a token: the token's name, the person holding it (normalised by {@link Persons};
 * four-eyes compares persons, never names) and its roles.
 */
public record Principal(String name, String person, Set<String> roles) {

  public Principal {
    person = Persons.normalise(person);
    roles = Set.copyOf(roles);
  }

  /** A principal whose person is its normalised name, the default for a token created without one. */
  public Principal(String name, Set<String> roles) {
    this(name, name, roles);
  }

  /** Whether this principal may act as {@code role}; {@code admin} implies every role. */
  public boolean has(String role) {
    return Roles.grants(roles, role);
  }

  /** Whether {@code otherPerson} (as stored: already normalised) is this principal's person. */
  public boolean isPerson(String otherPerson) {
    return person.equals(otherPerson);
  }
}
