package org.caveat.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.sql.SQLException;
import org.caveat.store.StoreConfig;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** PostgreSQL connections are bounded in connect and login time unless the URL says otherwise. */
class DialectTimeoutsTest {
  @Test
  void connectAndLoginAreBoundedByDefault() throws SQLException {
    PGSimpleDataSource ds = (PGSimpleDataSource) Dialect.POSTGRESQL.dataSource(
        StoreConfig.jdbc("jdbc:postgresql://127.0.0.1:5432/caveat", "u", null));
    assertThat(ds.getConnectTimeout()).isEqualTo(Dialect.CONNECT_TIMEOUT_SECONDS);
    assertThat(ds.getLoginTimeout()).isEqualTo(Dialect.CONNECT_TIMEOUT_SECONDS);
  }

  @Test
  void theUrlsOwnTimeoutsWin() throws SQLException {
    PGSimpleDataSource ds = (PGSimpleDataSource) Dialect.POSTGRESQL.dataSource(StoreConfig.jdbc(
        "jdbc:postgresql://127.0.0.1:5432/caveat?connectTimeout=3&loginTimeout=4", "u", null));
    assertThat(ds.getConnectTimeout()).isEqualTo(3);
    assertThat(ds.getLoginTimeout()).isEqualTo(4);
  }

  /** A server that accepts the connection and never answers: the login fails instead of hanging. */
  @Test
  void aSilentServerFailsTheLoginInsteadOfHanging() throws Exception {
    try (ServerSocket silent = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      PGSimpleDataSource ds = (PGSimpleDataSource) Dialect.POSTGRESQL.dataSource(StoreConfig.jdbc(
          "jdbc:postgresql://127.0.0.1:" + silent.getLocalPort() + "/caveat?loginTimeout=1", "u", null));
      long start = System.nanoTime();
      org.assertj.core.api.Assertions.assertThatThrownBy(ds::getConnection).isInstanceOf(SQLException.class);
      assertThat((System.nanoTime() - start) / 1_000_000_000L).as("seconds until the failure").isLessThan(30);
    }
  }
}
