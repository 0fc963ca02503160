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
   * Creates a token named {@code name} carrying {@code roles} (see {@link Roles}).
   *
   * @throws IllegalArgumentException for a blank name or an unknown role (with a suggestion)
   * @throws StoreConflict {@code token.exists} when an active token has that name
   */
  IssuedToken create(String name, Set<String> roles);

  /** The principal a secret belongs to; empty for unknown or revoked secrets. */
  Optional<Principal> authenticate(String secret);

  /** Every token, active and revoked, by name; never the secrets. */
  List<TokenInfo> list();

  /** Revokes the active token named {@code name}; false when there is none. */
  boolean revoke(String name);

  /** The number of active tokens. */
  long count();
}
