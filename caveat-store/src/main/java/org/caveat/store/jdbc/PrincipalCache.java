package org.caveat.store.jdbc;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.caveat.store.Principal;

/**
 * Recently authenticated token hashes, so that a busy service does not query the database on
 * every request. Only successes are kept (a flood of wrong secrets cannot fill it), for at most
 * {@value #TTL_MS} ms: a token revoked by another process (the CLI beside a running server) stops
 * working within that time; one revoked through this store stops at once.
 *
 * <p>The age is measured with {@link System#nanoTime()}, not the store's clock: it bounds
 * staleness and is never recorded, and a fixed test clock must not make entries immortal.
 */
final class PrincipalCache {

  static final long TTL_MS = 2_000;
  private static final int MAX_ENTRIES = 10_000;

  private record Cached(Principal principal, long bornNanos) {}

  private final ConcurrentHashMap<String, Cached> byHash = new ConcurrentHashMap<>();

  Optional<Principal> get(String secretHash) {
    Cached c = byHash.get(secretHash);
    if (c == null) {
      return Optional.empty();
    }
    if (System.nanoTime() - c.bornNanos() > TTL_MS * 1_000_000) {
      byHash.remove(secretHash, c);
      return Optional.empty();
    }
    return Optional.of(c.principal());
  }

  void put(String secretHash, Principal p) {
    if (byHash.size() >= MAX_ENTRIES) {
      byHash.clear();
    }
    byHash.put(secretHash, new Cached(p, System.nanoTime()));
  }

  /** Forgets every entry of the token named {@code name}. */
  void forget(String name) {
    byHash.values().removeIf(c -> c.principal().name().equals(name));
  }
}
