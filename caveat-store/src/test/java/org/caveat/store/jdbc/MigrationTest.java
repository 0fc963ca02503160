package org.caveat.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.caveat.store.ChangeRequest;
import org.caveat.store.Principal;
import org.caveat.store.Store;
import org.caveat.store.StoreConfig;
import org.caveat.store.StoreConflict;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Migrations on SQLite and PostgreSQL with the store's own Flyway set-up: a store of V1 with
 * tokens and change requests gets persons by V3 (the old spelling rule, lower-cased names), and a
 * store already at V3 still accepts a V2 written on another branch (out of order, numbering gaps).
 */
class MigrationTest {
  private static EmbeddedPostgres postgres;
  private static int databases;

  @TempDir
  Path dir;

  @BeforeAll
  static void startPostgres() throws IOException {
    postgres = EmbeddedPostgres.builder().start();
  }

  @AfterAll
  static void stopPostgres() throws IOException {
    if (postgres != null) postgres.close();
  }

  private StoreConfig fresh(String kind) throws SQLException {
    if (kind.equals("sqlite")) return StoreConfig.sqlite(dir.resolve("data"));
    String name = "migration_" + (++databases);
    try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    }
    return StoreConfig.jdbc("jdbc:postgresql://localhost:" + postgres.getPort() + "/" + name, "postgres", null);
  }

  /** A folder holding copies of the named shipped migrations of {@code dialect}. */
  private Path only(Dialect dialect, String folder, String... files) throws IOException {
    Path out = Files.createDirectories(dir.resolve(folder));
    for (String f : files) {
      try (InputStream in = getClass().getResourceAsStream("/" + dialect.migrations + "/" + f)) {
        assertThat(in).as(f).isNotNull();
        Files.copy(in, out.resolve(f));
      }
    }
    return out;
  }

  private static DataSource dataSource(StoreConfig config) {
    if (config.kind() == StoreConfig.Kind.SQLITE) {
      try {
        Files.createDirectories(Path.of(config.url().substring("jdbc:sqlite:".length())).getParent());
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    return Dialect.of(config).dataSource(config);
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql"})
  void aV1StoreWithDataGetsPersonsAndKeepsFourEyes(String kind) throws Exception {
    StoreConfig config = fresh(kind);
    Dialect dialect = Dialect.of(config);
    DataSource ds = dataSource(config);
    Database.flyway(ds, "filesystem:" + only(dialect, "v1", "V1__store_schema.sql")).migrate();
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      s.execute("INSERT INTO access_token (name, secret_sha256, roles, created_at) VALUES"
          + " ('Alice', 'aa', 'approver:US', '2026-01-01T00:00:00Z')");
      s.execute("INSERT INTO change_request (grant_name, version, in_force, author, state, yaml, content_hash)"
          + " VALUES ('us-ua', 'v2', '2026-04-01', 'alice', 'SUBMITTED', 'x', 'sha256:00')");
      s.execute("INSERT INTO change_request_step (cr_seq, step_no, action, principal, at_utc)"
          + " VALUES (1, 1, 'submit', 'alice', '2026-01-01T00:00:00Z')");
    }
    try (Store store = Store.open(config)) {
      assertThat(store.tokens().list()).singleElement().satisfies(t -> assertThat(t.person()).isEqualTo("alice"));
      ChangeRequest cr = store.changeRequests().get("cr-1").orElseThrow();
      assertThat(cr.authorPerson()).isEqualTo("alice");
      assertThat(cr.history().get(0).person()).isEqualTo("alice");
      assertThat(cr.retroactiveReason()).isNull();
      Principal upper = new Principal("Alice", Set.of("approver:US"));
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.changeRequests().approve("cr-1", upper, null))
          .isInstanceOf(StoreConflict.class).hasMessageContaining("four-eyes");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql"})
  void aStoreAlreadyAtV3StillGetsAV2WrittenElsewhere(String kind) throws Exception {
    StoreConfig config = fresh(kind);
    Dialect dialect = Dialect.of(config);
    DataSource ds = dataSource(config);
    Path shipped = only(dialect, "shipped", "V1__store_schema.sql", "V3__persons_and_retroactive.sql");
    assertThat(Database.flyway(ds, "filesystem:" + shipped).migrate().migrationsExecuted).isEqualTo(2);
    Path branch = Files.createDirectories(dir.resolve("branch"));
    Files.writeString(branch.resolve("V2__written_on_another_branch.sql"), "CREATE TABLE gap_probe (x INTEGER);\n");
    assertThat(Database.flyway(ds, "filesystem:" + shipped, "filesystem:" + branch).migrate().migrationsExecuted)
        .isEqualTo(1);
    List<String> applied = new ArrayList<>();
    try (Connection c = ds.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank")) {
      while (rs.next()) applied.add(rs.getString(1));
      s.executeQuery("SELECT COUNT(*) FROM gap_probe").close();
    }
    assertThat(applied).containsExactly("1", "3", "2");
    assertThat(Database.flyway(ds, "filesystem:" + shipped, "filesystem:" + branch).validateWithResult().validationSuccessful)
        .isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql"})
  void aStoreMigratedByANewerReleaseIsRefusedSayingSo(String kind) throws Exception {
    StoreConfig config = fresh(kind);
    Dialect dialect = Dialect.of(config);
    Path newer = Files.createDirectories(dir.resolve("newer"));
    Files.writeString(newer.resolve("V99__from_a_newer_release.sql"), "CREATE TABLE newer_probe (x INTEGER);\n");
    Database.flyway(dataSource(config), "classpath:" + dialect.migrations, "filesystem:" + newer).migrate();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Store.open(config).close())
        .isInstanceOf(org.caveat.store.StoreException.class)
        .hasMessageContaining("migrated by a newer release of Caveat (schema V99 (from a newer release))")
        .hasMessageContaining("open it with that release or a later one");
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql"})
  void versionsPublishedBeforeV5AreFoundByContentHash(String kind) throws Exception {
    StoreConfig config = fresh(kind);
    Dialect dialect = Dialect.of(config);
    DataSource ds = dataSource(config);
    Database.flyway(ds, "filesystem:" + only(dialect, "v4", "V1__store_schema.sql",
        "V2__published_versions_in_the_log.sql", "V3__persons_and_retroactive.sql", "V4__compact_decision_log.sql"))
        .migrate();
    String yaml = "grant: us-ua\nversion: v2\n";
    String hash = JdbcChangeRequests.contentHash(yaml);
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      s.execute("INSERT INTO change_request (grant_name, version, in_force, author, author_person, state, yaml,"
          + " content_hash) VALUES ('us-ua', 'v2', '2026-04-01', 'alice', 'alice', 'PUBLISHED', '" + yaml + "', '"
          + hash + "')");
      s.execute("INSERT INTO published_version (grant_name, version, yaml, content_hash, cr_seq, published_at)"
          + " SELECT grant_name, version, yaml, content_hash, seq, '2026-04-02T10:00:00Z' FROM change_request");
    }
    try (Store store = Store.open(config)) {
      assertThat(store.versionTexts().find(hash)).contains(new org.caveat.store.VersionTexts.Text(hash,
          "us-ua/v2.yaml", yaml));
    }
  }

  /** What a release before V4 would do to a store holding compact decisions: append at an index they hold. */
  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql"})
  void aRowAtAnIndexACompactDecisionHoldsIsRefused(String kind) throws Exception {
    StoreConfig config = fresh(kind);
    try (Store store = Store.open(config)) {
      for (int i = 0; i < 2; i++) {
        store.log().append(new org.caveat.store.DecisionEntry("e" + i, java.time.Instant.parse("2026-03-01T10:00:00Z"),
            "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8), List.of(), java.util.Map.of(), false, "NOT_APPLICABLE",
            List.of())).join();
      }
    }
    try (Connection c = dataSource(config).getConnection(); Statement s = c.createStatement()) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.executeUpdate("INSERT INTO log_entry (idx, id, time_utc,"
          + " request, answer, version_hashes, leaf_hash, root_after) VALUES (1, 'old', 't', '{}', '{}', '', 'x', 'x')"))
          .isInstanceOf(SQLException.class).hasMessageContaining("written by a newer release of Caveat");
    }
    try (Store store = Store.open(config)) {
      assertThat(store.log().verify().ok()).isTrue();
    }
  }
}
