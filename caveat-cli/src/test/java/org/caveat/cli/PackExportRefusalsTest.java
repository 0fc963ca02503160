package org.caveat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import org.caveat.store.ChangeRequest;
import org.caveat.store.Store;
import org.caveat.store.StoreConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code caveat pack export} refuses, each in one line and leaving the target as it was: no
 * store, a bad database URL, a non-empty target without {@code --force}, published versions that
 * differ from the decision log (the server's own start-up message), packs that do not load.
 */
class PackExportRefusalsTest {
  @TempDir
  Path dir;

  Path data() {
    Path data = dir.resolve("data");
    Store.open(StoreConfig.sqlite(data)).close();
    return data;
  }

  /** Submits, approves (another person) and publishes us-ua 2026-01-01 through the store's change requests. */
  static void publishReissued2022(Path data) throws Exception {
    try (Store s = Store.open(StoreConfig.sqlite(data))) {
      ChangeRequest cr = s.changeRequests().submit("alice", "us-ua", "2026-01-01", LocalDate.parse("2026-01-01"),
          PackExportCommandTest.reissued2022(), null);
      s.changeRequests().approve(cr.id(), "bob", null);
      s.changeRequests().publish(cr.id(), "bob");
    }
  }

  @Test
  void noStoreOrABadDatabaseUrlIsOneLineAndExitOne() {
    Path out = dir.resolve("out");
    Cli.Result none = Cli.run("pack", "export", "--data", dir.resolve("none").toString(), out.toString());
    assertThat(none.code()).isEqualTo(CaveatCli.FAILED);
    assertThat(none.err()).startsWith("caveat: no Caveat store in ").hasLineCount(1);
    Cli.Result sqliteUrl = Cli.run("pack", "export", "--db", "jdbc:sqlite:x.db", out.toString());
    assertThat(sqliteUrl.code()).isEqualTo(CaveatCli.FAILED);
    assertThat(sqliteUrl.err()).contains("names SQLite").contains("--data DIR").hasLineCount(1);
    Cli.Result mysql = Cli.run("pack", "export", "--db", "jdbc:mysql://localhost/caveat", out.toString());
    assertThat(mysql.err()).contains("only PostgreSQL is supported");
    assertThat(out).doesNotExist();
  }

  @Test
  void wrongUsageIsExit64() {
    assertThat(Cli.run("pack").err()).contains("a subcommand is required (export)");
    assertThat(Cli.run("pack").code()).isEqualTo(CaveatCli.USAGE);
    Cli.Result help = Cli.run("pack", "export", "--help");
    assertThat(help.code()).isZero();
    assertThat(help.out()).contains("Usage: caveat pack export").contains("tests/").contains("Examples:");
    Cli.Result noOut = Cli.run("pack", "export", "--data", dir.toString());
    assertThat(noOut.code()).isEqualTo(CaveatCli.USAGE);
    assertThat(noOut.err()).contains("missing OUT");
    assertThat(Cli.run("pack", "export", "--data", data().toString(), "--db-user", "x", dir.resolve("o").toString()).code())
        .isEqualTo(CaveatCli.USAGE);
  }

  @Test
  void aNonEmptyTargetIsKeptUnlessForceReplacesItWhole() throws Exception {
    Path data = data();
    Path out = Files.createDirectories(dir.resolve("out"));
    Files.writeString(out.resolve("notes.txt"), "mine");
    Cli.Result refused = Cli.run("pack", "export", "--data", data.toString(), out.toString());
    assertThat(refused.code()).isEqualTo(CaveatCli.FAILED);
    assertThat(refused.err()).isEqualTo("caveat: " + out + " exists and is not empty; give --force to replace it whole\n");
    assertThat(out.resolve("notes.txt")).hasContent("mine");
    Cli.Result forced = Cli.run("pack", "export", "--data", data.toString(), "--force", out.toString());
    assertThat(forced.code()).as(forced.err()).isZero();
    assertThat(out.resolve("notes.txt")).doesNotExist();
    assertThat(out.resolve("us-ua/2024-05-30.yaml")).exists();
    assertThat(Cli.run("pack", "export", "--data", data.toString(), dir.resolve("empty").toString()).code()).isZero();
    Path intoPacks = out.resolve("us-ua/again");
    Cli.Result nested = Cli.run("pack", "export", "--data", data.toString(), "--packs", out.toString(),
        intoPacks.toString());
    assertThat(nested.err()).contains("it overlaps the packs it copies");
    assertThat(intoPacks).doesNotExist();
  }

  @Test
  void publishedVersionsThatDifferFromTheLogAreRefusedWithTheServersMessage() throws Exception {
    Path data = data();
    publishReissued2022(data);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve(StoreConfig.SQLITE_FILE));
         Statement st = c.createStatement()) {
      st.executeUpdate("UPDATE published_version SET yaml = yaml || '# edited'");
    }
    Path out = dir.resolve("out");
    Cli.Result r = Cli.run("pack", "export", "--data", data.toString(), out.toString());
    assertThat(r.code()).isEqualTo(CaveatCli.FAILED);
    assertThat(r.err()).startsWith("caveat: nothing exported: the published versions do not match the decision log")
        .contains("  - published version us-ua/2026-01-01 differs from the text logged at entry 0")
        .contains("`caveat log restore-versions`");
    assertThat(out).doesNotExist();
  }

  /**
   * The service can hold a pack file and a published version of one name (in force at different
   * dates); one folder cannot, and silently keeping one of them would change decisions.
   */
  @Test
  void aPublishedVersionNamedLikeAPackFileIsRefused() throws Exception {
    Path packs = Files.createDirectories(dir.resolve("packs/us-ua"));
    Files.writeString(packs.resolve("2026-01-01.yaml"), PackExportCommandTest.reissued2022()
        .replace("in_force: 2026-01-01", "in_force: 2026-06-01"));
    Path data = data();
    publishReissued2022(data);
    Path out = dir.resolve("out");
    Cli.Result r = Cli.run("pack", "export", "--data", data.toString(), "--packs", packs.getParent().toString(),
        out.toString());
    assertThat(r.code()).as(r.out()).isEqualTo(CaveatCli.FAILED);
    assertThat(r.err()).isEqualTo("caveat: published version `us-ua/2026-01-01.yaml` has the name of a file of the"
        + " packs; the service holds both, one pack folder cannot\n");
    try (var left = Files.list(dir)) {
      assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("data", "packs");
    }
  }

  @Test
  void packsThatDoNotLoadAreReportedAsDiagnostics() {
    Path out = dir.resolve("out");
    Cli.Result r = Cli.run("pack", "export", "--data", data().toString(), "--packs", dir.resolve("nopacks").toString(),
        out.toString());
    assertThat(r.code()).isEqualTo(CaveatCli.FAILED);
    assertThat(r.err()).contains("error[pack.not_found]");
    assertThat(out).doesNotExist();
  }
}
