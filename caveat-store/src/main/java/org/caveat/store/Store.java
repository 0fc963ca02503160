package org.caveat.store;

import java.util.ServiceLoader;

/**
 * The decision service's durable state: one database (SQLite file or PostgreSQL) holding the
 * decision log, the access tokens, the change requests and the published versions.
 *
 * <p>Open once per process and share; every part is thread-safe. Closing drains the decision
 * log's pending appends first (their futures complete) and then releases the connections.
 */
public interface Store extends AutoCloseable {

  /**
   * Opens (and, on first use, creates or migrates by Flyway) the database named by the config.
   *
   * <p>The implementation is the {@link StoreProvider} on the class path (caveat-store's JDBC one),
   * so this package does not depend on it.
   *
   * @throws StoreException when the database cannot be reached or migrated, with the reason, or
   *     when no implementation is on the class path
   */
  static Store open(StoreConfig config) {
    return ServiceLoader.load(StoreProvider.class, Store.class.getClassLoader()).findFirst()
        .orElseThrow(() -> new StoreException("no store implementation on the class path ("
            + StoreProvider.class.getName() + " in caveat-store's META-INF/services)"))
        .open(config);
  }

  /** The append-only, tamper-evident decision log. */
  DecisionLog log();

  /** Bearer tokens (only their SHA-256 is stored) and the roles they carry. */
  Tokens tokens();

  /** Proposed new policy versions and their four-eyes review. */
  ChangeRequests changeRequests();

  /** Versions made part of the service's policy by publishing a change request. */
  PublishedVersions published();

  /** Every version text the service decided with, by content hash (to decide logged entries again). */
  VersionTexts versionTexts();

  /** Where the data lives, without secrets, e.g. {@code sqlite:/srv/caveat/caveat.db}. */
  String describe();

  /** Completes pending log appends, then releases the database. */
  @Override
  void close();
}
