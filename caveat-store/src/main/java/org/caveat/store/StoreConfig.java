package org.caveat.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * Where the store keeps its data, validated when built so that a wrong option fails at startup
 * with a clear message rather than at the first decision.
 *
 * <p>Immutable: {@link #clock(Clock)} returns a copy.
 */
public final class StoreConfig {

  /** The database file name inside a SQLite data folder. */
  public static final String SQLITE_FILE = "caveat.db";

  /** Which database engine a config names. */
  public enum Kind { SQLITE, POSTGRESQL }

  private final Kind kind;
  private final String url;
  private final String user;
  private final String password;
  private final Path sqliteFile;
  private final Clock clock;

  private StoreConfig(Kind kind, String url, String user, String password, Path sqliteFile, Clock clock) {
    this.kind = kind;
    this.url = url;
    this.user = user;
    this.password = password;
    this.sqliteFile = sqliteFile;
    this.clock = clock;
  }

  /**
   * An embedded SQLite database in {@code dataDir/caveat.db}; the folder is created if missing.
   *
   * @throws IllegalArgumentException when the folder cannot be created or is not a folder
   */
  public static StoreConfig sqlite(Path dataDir) {
    Objects.requireNonNull(dataDir, "dataDir");
    Path dir = dataDir.toAbsolutePath().normalize();
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new IllegalArgumentException("data folder " + dir + " exists but is not a folder");
    }
    try {
      Files.createDirectories(dir);
    } catch (IOException | UncheckedIOException e) {
      throw new IllegalArgumentException("cannot create data folder " + dir + ": " + e.getMessage(), e);
    }
    if (!Files.isWritable(dir)) {
      throw new IllegalArgumentException("data folder " + dir + " is not writable");
    }
    Path file = dir.resolve(SQLITE_FILE);
    return new StoreConfig(Kind.SQLITE, "jdbc:sqlite:" + file, null, null, file, Clock.systemUTC());
  }

  /**
   * A PostgreSQL database, e.g. {@code jdbc:postgresql://localhost:5432/caveat}.
   *
   * @param user null to take it from the URL
   * @param password null to take it from the URL
   * @throws IllegalArgumentException for any URL that is not {@code jdbc:postgresql:}
   */
  public static StoreConfig jdbc(String url, String user, String password) {
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("database URL is empty; expected jdbc:postgresql://host:port/database");
    }
    String u = url.strip();
    if (u.startsWith("jdbc:sqlite:")) {
      throw new IllegalArgumentException("database URL " + redact(u)
          + " names SQLite; use a data folder (StoreConfig.sqlite / --data DIR) for the embedded database");
    }
    if (!u.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException("unsupported database URL " + redact(u)
          + ": only PostgreSQL is supported, e.g. jdbc:postgresql://localhost:5432/caveat");
    }
    return new StoreConfig(Kind.POSTGRESQL, u, user, password, null, Clock.systemUTC());
  }

  /** A copy that reads time from {@code clock} (log entries' head time, change-request steps, tokens). */
  public StoreConfig clock(Clock clock) {
    return new StoreConfig(kind, url, user, password, sqliteFile, Objects.requireNonNull(clock, "clock"));
  }

  public Kind kind() {
    return kind;
  }

  /** The JDBC URL, which may carry a password: never print it, use {@link #describe()}. */
  public String url() {
    return url;
  }

  public String user() {
    return user;
  }

  public String password() {
    return password;
  }

  /** The SQLite database file, or null for PostgreSQL. */
  public Path sqliteFile() {
    return sqliteFile;
  }

  public Clock clock() {
    return clock;
  }

  /** The database without secrets: {@code sqlite:/path/caveat.db} or the URL minus its password. */
  public String describe() {
    return kind == Kind.SQLITE ? "sqlite:" + sqliteFile : redact(url);
  }

  @Override
  public String toString() {
    return describe();
  }

  /** Drops query parameters (password=…) and user-info (user:pw@) from a JDBC URL. */
  static String redact(String url) {
    String s = url;
    int q = s.indexOf('?');
    if (q >= 0) {
      s = s.substring(0, q);
    }
    int at = s.indexOf('@');
    int scheme = s.indexOf("//");
    if (at > 0 && scheme >= 0 && at > scheme) {
      s = s.substring(0, scheme + 2) + s.substring(at + 1);
    }
    return s;
  }
}
