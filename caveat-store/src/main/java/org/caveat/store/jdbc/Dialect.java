package org.caveat.store.jdbc;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.caveat.store.StoreConfig;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteErrorCode;

/** What differs between the two databases: connecting, migrations folder, error codes, cursors. */
enum Dialect {
  SQLITE("db/migration/sqlite"),
  POSTGRESQL("db/migration/postgresql");

  final String migrations;

  Dialect(String migrations) {
    this.migrations = migrations;
  }

  static Dialect of(StoreConfig config) {
    return config.kind() == StoreConfig.Kind.SQLITE ? SQLITE : POSTGRESQL;
  }

  /**
   * Where connections come from, also handed to Flyway so that its connection has the same
   * settings. SQLite: WAL with synchronous=FULL (a commit is on disk before it returns, so an
   * acknowledged append survives a crash), write transactions begin IMMEDIATE (take the write
   * lock up front instead of failing on upgrade), and a busy timeout so that a second process
   * (the CLI beside a running server) waits for the lock instead of failing.
   */
  /** Connect and login bound for PostgreSQL when the URL sets none. */
  static final int CONNECT_TIMEOUT_SECONDS = 10;

  DataSource dataSource(StoreConfig config) {
    if (this == SQLITE) {
      SQLiteConfig sqlite = new SQLiteConfig();
      sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
      sqlite.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
      sqlite.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
      sqlite.setBusyTimeout(30_000);
      sqlite.enforceForeignKeys(true);
      SQLiteDataSource ds = new SQLiteDataSource(sqlite);
      ds.setUrl(config.url());
      return ds;
    }
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL(config.url());
    if (config.user() != null) {
      ds.setUser(config.user());
    }
    if (config.password() != null) {
      ds.setPassword(config.password());
    }
    ds.setReWriteBatchedInserts(true);
    ds.setApplicationName("caveat");
    // A database host that is gone, or a server that accepts connections but never completes the
    // login, must surface as an error (503 store.unavailable), not as requests that hang: bounded
    // connect and login unless the URL sets its own. Reads are not bounded here (a migration of a
    // large log may run long); a URL may add socketTimeout=SECONDS.
    String url = config.url().toLowerCase(java.util.Locale.ROOT);
    if (!url.contains("connecttimeout=")) ds.setConnectTimeout(CONNECT_TIMEOUT_SECONDS);
    if (!url.contains("logintimeout=")) ds.setLoginTimeout(CONNECT_TIMEOUT_SECONDS);
    return ds;
  }

  /** PostgreSQL streams a result set only inside a transaction with a fetch size. */
  boolean cursorNeedsTransaction() {
    return this == POSTGRESQL;
  }

  /**
   * The suffix that locks the rows a SELECT reads until the transaction ends: PostgreSQL's
   * {@code FOR UPDATE}; none for SQLite, whose write transactions begin IMMEDIATE and so never overlap.
   */
  String lockRows() {
    return this == POSTGRESQL ? " FOR UPDATE" : "";
  }

  /** A UNIQUE or PRIMARY KEY violation. */
  boolean isUniqueViolation(SQLException e) {
    if (this == POSTGRESQL) {
      return "23505".equals(e.getSQLState());
    }
    int code = e.getErrorCode();
    return code == SQLiteErrorCode.SQLITE_CONSTRAINT.code
        || code == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE.code
        || code == SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY.code
        || String.valueOf(e.getMessage()).contains("UNIQUE constraint failed");
  }
}
