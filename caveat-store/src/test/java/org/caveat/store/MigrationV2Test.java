package org.caveat.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database of the first schema (V1) with a published version is brought to V2: the version
 * published before V2 is logged once, when the migration is applied, so that the check the server
 * makes at start passes. (Decision entries keep leaf format 1, see
 * {@code StoreContract#leafIsTheLengthPrefixedEncodingOfTheEntryWithItsIndex}.)
 */
class MigrationV2Test {

  @TempDir
  Path dir;

  @Test
  void versionsPublishedBeforeV2AreLoggedOnceAndOldEntriesStillVerify() throws Exception {
    Files.createDirectories(dir);
    String url = "jdbc:sqlite:" + dir.resolve(StoreConfig.SQLITE_FILE);
    Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration/sqlite").target("1").load()
        .migrate();
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      s.executeUpdate("INSERT INTO change_request (grant_name, version, in_force, author, state, yaml, content_hash)"
          + " VALUES ('us-ua', 'v2', '2026-04-01', 'alice', 'PUBLISHED', 'grant: us-ua\n', 'sha256:"
          + IndependentMerkle.hex(IndependentMerkle.sha256("grant: us-ua\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
          + "')");
      s.executeUpdate("INSERT INTO published_version (grant_name, version, yaml, content_hash, cr_seq, published_at)"
          + " SELECT grant_name, version, yaml, content_hash, seq, '2026-04-02T10:00:00Z' FROM change_request");
    }
    String rootBefore;
    try (Store store = Store.open(StoreConfig.sqlite(dir))) {
      store.log().appendAll(List.of(StoreContract.entry(0))).join();
      assertThat(store.log().entry(0).orElseThrow().kind()).isEqualTo(LogRecord.VERSION);
      assertThat(store.log().entry(0).orElseThrow().entry().id()).isEqualTo("us-ua/v2");
      assertThat(store.published().check()).isEmpty();
      assertThat(store.log().verify().ok()).isTrue();
      rootBefore = store.log().head().rootHex();
    }
    try (Store again = Store.open(StoreConfig.sqlite(dir))) {
      assertThat(again.log().head().size()).as("logged once, not at every open").isEqualTo(2);
      assertThat(again.log().head().rootHex()).isEqualTo(rootBefore);
    }
  }
}
