package org.caveat.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import javax.sql.DataSource;
import org.caveat.store.StoreConfig;
import org.caveat.store.StoreConflict;
import org.caveat.store.StoreException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;

/**
 * Connections to one database: a small pool for reads and short write transactions (the decision
 * log's writer keeps a connection of its own), and the Flyway migration run at open.
 */
final class Database implements AutoCloseable {

  private static final int POOL_SIZE = 4;

  /**
   * Flyway logs every open at INFO through java.util.logging, which a CLI would print on every
   * start; unless the application configured that logger, only warnings are shown. Held here
   * because JUL keeps loggers weakly and would forget the level.
   */
  private static final java.util.logging.Logger FLYWAY_LOG = java.util.logging.Logger.getLogger("org.flywaydb");

  static {
    if (FLYWAY_LOG.getLevel() == null) {
      FLYWAY_LOG.setLevel(java.util.logging.Level.WARNING);
    }
  }

  final StoreConfig config;
  final Dialect dialect;
  private final DataSource dataSource;
  private final Semaphore permits = new Semaphore(POOL_SIZE, true);
  private final ConcurrentLinkedQueue<Connection> idle = new ConcurrentLinkedQueue<>();

  Database(StoreConfig config) {
    this.config = config;
    this.dialect = Dialect.of(config);
    this.dataSource = dialect.dataSource(config);
  }

  /**
   * Brings the schema to the newest migration; first opening a connection sets SQLite's WAL mode.
   *
   * @return whether this call applied the migration that made published versions log entries (V2),
   *     so that the versions published before it are to be logged now
   */
  boolean migrate() {
    try (Connection c = connect()) {
      // Opening is enough: journal_mode=WAL is stored in the database file.
    } catch (SQLException e) {
      throw new StoreException("cannot open " + config.describe() + ": " + e.getMessage(), e);
    }
    try {
      Flyway flyway = flyway(dataSource, "classpath:" + dialect.migrations);
      refuseNewerSchema(flyway);
      return flyway.migrate().migrations.stream().anyMatch(m -> "2".equals(m.version));
    } catch (FlywayException e) {
      throw new StoreException("cannot migrate the schema of " + config.describe() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Refuses a store that a newer release has migrated: Flyway by default ignores applied
   * migrations it has no file for ("future" ones) and would open it, but this release neither
   * reads nor writes what those migrations added (a newer log format, say), so it could serve a
   * log it cannot verify or write rows the newer release does not expect. One release per store.
   */
  private void refuseNewerSchema(Flyway flyway) {
    List<String> newer = new ArrayList<>();
    for (MigrationInfo m : flyway.info().all()) {
      if (m.getState() == MigrationState.FUTURE_SUCCESS || m.getState() == MigrationState.FUTURE_FAILED) {
        newer.add("V" + m.getVersion() + " (" + m.getDescription() + ")");
      }
    }
    if (!newer.isEmpty()) {
      throw new StoreException(config.describe() + " was migrated by a newer release of Caveat (schema "
          + String.join(", ", newer) + "), which this release does not know; open it with that release or a later"
          + " one. A store is used by one release at a time: newer releases migrate older stores, never the other"
          + " way round.");
    }
  }

  /**
   * The Flyway set-up of every store. {@code outOfOrder}: migrations are numbered on parallel
   * branches, so a store may already be at V3 when V2 arrives; Flyway then applies V2 late
   * instead of refusing to open the store ("resolved migration not applied"). Gaps in the
   * numbering need nothing: Flyway orders by version and does not require consecutive numbers.
   * Hence every migration after V1 must not depend on another one but V1.
   */
  static Flyway flyway(DataSource dataSource, String... locations) {
    return Flyway.configure().dataSource(dataSource).locations(locations).outOfOrder(true).load();
  }

  /** A new connection owned by the caller. */
  Connection connect() throws SQLException {
    return dataSource.getConnection();
  }

  /** Runs {@code work} on a pooled connection in autocommit mode. */
  <T> T read(String what, SqlWork<T> work) {
    return withConnection(what, c -> work.run(c));
  }

  /** Runs {@code work} in one transaction; rolls back on any failure. */
  <T> T write(String what, SqlWork<T> work) {
    return withConnection(what, c -> inTransaction(c, work));
  }

  /**
   * Streams a query: PostgreSQL needs a transaction and a fetch size to use a cursor instead of
   * loading every row; SQLite streams in autocommit (a transaction there would take the write lock).
   */
  <T> T stream(String what, SqlWork<T> work) {
    if (dialect.cursorNeedsTransaction()) {
      return write(what, work);
    }
    return read(what, work);
  }

  static <T> T inTransaction(Connection c, SqlWork<T> work) throws SQLException {
    c.setAutoCommit(false);
    try {
      T result = work.run(c);
      c.commit();
      return result;
    } catch (SQLException | RuntimeException e) {
      try {
        c.rollback();
      } catch (SQLException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    } finally {
      c.setAutoCommit(true);
    }
  }

  private <T> T withConnection(String what, SqlWork<T> work) {
    try {
      permits.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("interrupted while " + what);
    }
    Connection c = null;
    boolean healthy = false;
    try {
      c = idle.poll();
      if (c == null) {
        c = connect();
      }
      T result = work.run(c);
      healthy = true;
      return result;
    } catch (StoreConflict | IllegalArgumentException e) {
      healthy = true;
      throw e;
    } catch (SQLException e) {
      healthy = isValid(c);
      throw new StoreException("database error while " + what + " (" + config.describe() + "): "
          + e.getMessage(), e);
    } finally {
      if (c != null) {
        if (healthy) {
          idle.add(c);
        } else {
          closeQuietly(c);
        }
      }
      permits.release();
    }
  }

  private static boolean isValid(Connection c) {
    try {
      return c != null && c.isValid(1);
    } catch (SQLException e) {
      return false;
    }
  }

  static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (SQLException ignored) {
      // closing a broken connection: nothing left to release
    }
  }

  @Override
  public void close() {
    Connection c;
    while ((c = idle.poll()) != null) {
      closeQuietly(c);
    }
  }
}
