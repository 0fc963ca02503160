package org.caveat.store;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Bearer tokens. The secret is shown once, at creation; only its SHA-256 is stored, so a copy of
 * the database does not give access.
 */
public interface Tokens {

  /**
   * Creates a token named {@code name}, held by {@code person}, carrying {@code roles} (see
   * {@link Roles}). Several tokens may belong to one person; four-eyes treats them as one.
   *
   * @param person who holds the token, normalised by {@link Persons}; null means the name itself
   *     (so {@code Alice} and {@code alice} are one person unless told otherwise)
   * @throws IllegalArgumentException for a blank name or person, or an unknown role (with a suggestion)
   * @throws StoreConflict {@code token.exists} when an active token has that name
   */
  IssuedToken create(String name, String person, Set<String> roles);

  /** {@link #create(String, String, Set)} with the person defaulting to the normalised name. */
  default IssuedToken create(String name, Set<String> roles) {
    return create(name, null, roles);
  }

  /** The principal a secret belongs to; empty for unknown or revoked secrets. */
  Optional<Principal> authenticate(String secret);

  /** Every token, active and revoked, by name; never the secrets. */
  List<TokenInfo> list();

  /** Revokes the active token named {@code name}; false when there is none. */
  boolean revoke(String name);

  /** The number of active tokens. */
  long count();
}
