package org.caveat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.caveat.store.LogEntry;
import org.caveat.store.Store;
import org.caveat.store.StoreConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code caveat log verify}: ok on an untouched log, names the first bad entry after tampering. */
class LogCommandTest {
  @TempDir
  Path dir;

  @BeforeEach
  void logThreeDecisions() {
    try (Store s = Store.open(StoreConfig.sqlite(dir))) {
      for (int i = 0; i < 3; i++) {
        s.log().append(new LogEntry("e" + i, Instant.parse("2024-06-01T00:00:00Z"), "{\"id\":\"e" + i + "\"}",
            "{\"id\":\"e" + i + "\",\"decision\":\"DENY\"}", List.of("sha256:00"))).join();
      }
    }
  }

  void sql(String statement) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(StoreConfig.SQLITE_FILE));
         Statement s = c.createStatement()) {
      s.executeUpdate(statement);
    }
  }

  @Test
  void anUntouchedLogVerifies() {
    Cli.Result r = Cli.run("log", "verify", "--data", dir.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("log ok: 3 entries, root ").contains("sqlite:");
  }

  @Test
  void anEditedAnswerIsNamed() throws Exception {
    sql("UPDATE log_entry SET answer = replace(answer, 'DENY', 'PERMIT') WHERE idx = 1");
    Cli.Result r = Cli.run("log", "verify", "--data", dir.toString());
    assertThat(r.code()).isEqualTo(CaveatCli.FAILED);
    assertThat(r.err()).startsWith("log BAD: ").contains("first bad entry: 1");
  }

  @Test
  void aDeletedRowIsNamed() throws Exception {
    sql("DELETE FROM log_entry WHERE idx = 1");
    Cli.Result r = Cli.run("log", "verify", "--data", dir.toString());
    assertThat(r.code()).isEqualTo(CaveatCli.FAILED);
    assertThat(r.err()).contains("first bad entry: 1");
  }

  @Test
  void aMissingStoreAndAMissingSubcommand() {
    assertThat(Cli.run("log", "verify", "--data", dir.resolve("none").toString()).code()).isEqualTo(CaveatCli.FAILED);
    assertThat(Cli.run("log").code()).isEqualTo(CaveatCli.USAGE);
    assertThat(Cli.run("log", "verify", "--help").out()).contains("Examples:");
  }
}
