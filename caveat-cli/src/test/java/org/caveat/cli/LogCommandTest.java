package org.caveat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.caveat.Caveat;
import org.caveat.explain.Answer;
import org.caveat.json.Json;
import org.caveat.json.RequestReader;
import org.caveat.server.decide.LoggedDecisions;
import org.caveat.store.ChangeRequest;
import org.caveat.store.DecisionEntry;
import org.caveat.store.LogHead;
import org.caveat.store.Store;
import org.caveat.store.StoreConfig;
import org.caveat.store.head.LogSigningKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code caveat log verify} (alone and with a saved head) and {@code restore-versions}: ok on an
 * untouched log, names the first bad entry, a cut tail or an edited published version after
 * tampering.
 */
class LogCommandTest {
  @TempDir
  Path dir;

  /** The built-in packs, built once for the class: the decisions logged are real ones, so they can be decided again. */
  static final Caveat ENGINE = Caveat.builder().build();

  @BeforeEach
  void logThreeDecisions() throws Exception {
    try (Store s = Store.open(StoreConfig.sqlite(dir))) {
      for (int i = 0; i < 3; i++) {
        String request = "{\"id\":\"e" + i + "\",\"time\":\"2024-06-01T03:00:00Z\",\"user\":\"UA\",\"weapon\":"
            + "{\"origin\":\"US\",\"class\":\"rocket_artillery\",\"range_km\":84},\"target\":{\"location\":"
            + "{\"lat\":50.59,\"lon\":36.58},\"category\":\"artillery\",\"activity\":\"attacking\","
            + "\"used_in_invasion\":true},\"purpose\":\"counter_fire\"}";
        Answer a = ENGINE.answer(RequestReader.read(Json.MAPPER.readTree(request)).request());
        // one append (one commit, one row) at a time
        s.log().append(LoggedDecisions.entry("e" + i, Instant.parse("2024-06-02T00:00:00Z"),
            request.getBytes(StandardCharsets.UTF_8), a, ENGINE, Map.of(), false)).join();
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
  void everyEntryDecidedAgainGivesItsLoggedVerdict() {
    Cli.Result r = Cli.run("log", "verify", "--data", dir.toString(), "--redecide");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("redecide ok: 3 compact entries decided again, 0 differ; 0 passed over");
  }

  /**
   * A verdict edited in the database: the hash check names the entry as the first bad one, and
   * deciding again names it too (its logged verdict is not what the pinned policy says).
   */
  @Test
  void anEditedVerdictIsNamedByTheHashCheckAndByDecidingAgain() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(StoreConfig.SQLITE_FILE))) {
      byte[] row;
      try (var q = c.prepareStatement("SELECT entries FROM log_batch WHERE first_idx = 1"); var rs = q.executeQuery()) {
        rs.next();
        row = rs.getBytes(1);
      }
      byte[] plain = new GZIPInputStream(new ByteArrayInputStream(row)).readAllBytes();
      String text = new String(plain, StandardCharsets.ISO_8859_1);
      int verdict = text.indexOf("PERMIT", text.indexOf("counter_fire"));
      System.arraycopy("DENIED".getBytes(StandardCharsets.US_ASCII), 0, plain, verdict, 6);
      ByteArrayOutputStream z = new ByteArrayOutputStream();
      try (GZIPOutputStream gz = new GZIPOutputStream(z)) {
        gz.write(plain);
      }
      try (var u = c.prepareStatement("UPDATE log_batch SET entries = ? WHERE first_idx = 1")) {
        u.setBytes(1, z.toByteArray());
        u.executeUpdate();
      }
    }
    Cli.Result r = Cli.run("log", "verify", "--data", dir.toString(), "--redecide");
    assertThat(r.code()).isEqualTo(CaveatCli.FAILED);
    assertThat(r.err()).startsWith("log BAD: entry 1: content does not match its leaf hash")
        .contains("first bad entry: 1")
        .contains("redecide BAD: entry 1 (e1): logged DENIED [us-ua PERMIT [kharkiv-counter-fire];], decided again"
            + " PERMIT [us-ua PERMIT [kharkiv-counter-fire];]")
        .contains("redecide BAD: 3 compact entries decided again, 1 differ");
  }

  @Test
  void aDeletedRowIsNamed() throws Exception {
    sql("DELETE FROM log_batch WHERE first_idx = 1");
    Cli.Result r = Cli.run("log", "verify", "--data", dir.toString());
    assertThat(r.code()).isEqualTo(CaveatCli.FAILED);
    assertThat(r.err()).contains("first bad entry: 1");
  }

  /** Signs the store's current head with the data folder's key and saves it, as a client of GET /v1/log/head would. */
  Path saveHead(String name) throws Exception {
    try (Store s = Store.open(StoreConfig.sqlite(dir))) {
      LogHead h = s.log().head();
      Path file = dir.resolve(name);
      Files.write(file, LogSigningKey.openOrCreate(dir.resolve("log-signing.key")).sign(h.size(), h.rootHex(), h.time())
          .toJson());
      return file;
    }
  }

  void log(int from, int to) {
    try (Store s = Store.open(StoreConfig.sqlite(dir))) {
      for (int i = from; i < to; i++) {
        s.log().append(new DecisionEntry("e" + i, Instant.parse("2024-06-01T00:00:00Z"), new byte[] {'{', '}'}, List.of(),
            Map.of(), false, "NOT_APPLICABLE", List.of())).join();
      }
    }
  }

  @Test
  void aCutTailWithARewrittenCheckpointPassesAloneButNotAgainstASavedHead() throws Exception {
    log(3, 100);
    Path head = saveHead("head.json");
    assertThat(Cli.run("log", "verify", "--data", dir.toString(), "--head", head.toString()).out())
        .contains("log ok: 100 entries").contains("consistent with the head saved at ");
    sql("DELETE FROM log_batch WHERE first_idx >= 90"); // one row per append here
    sql("UPDATE log_checkpoint SET size = 90, root = (SELECT root_after FROM log_batch WHERE first_idx = 89)");
    assertThat(Cli.run("log", "verify", "--data", dir.toString()).code()).isZero();
    Cli.Result r = Cli.run("log", "verify", "--data", dir.toString(), "--head", head.toString());
    assertThat(r.code()).isEqualTo(CaveatCli.FAILED);
    assertThat(r.err()).startsWith("log BAD: the log has 90 entries; the saved head has 100: entries 90..99 were removed");
  }

  @Test
  void aHeadThatIsAlteredOrSignedByAnotherKeyIsRefused() throws Exception {
    Path head = saveHead("head.json");
    Files.writeString(head, Files.readString(head).replace("\"size\" : 3", "\"size\" : 2"));
    Cli.Result altered = Cli.run("log", "verify", "--data", dir.toString(), "--head", head.toString());
    assertThat(altered.code()).isEqualTo(CaveatCli.FAILED);
    assertThat(altered.err()).contains("the signature does not match the head's size, root and time");
    Path other = dir.resolve("other.key");
    LogSigningKey.openOrCreate(other);
    Cli.Result wrongKey = Cli.run("log", "verify", "--data", dir.toString(), "--head", saveHead("h2.json").toString(),
        "--key", dir.resolve("other.pub").toString());
    assertThat(wrongKey.err()).contains("not by the given key");
    Cli.Result noKey = Cli.run("log", "verify", "--data", dir.resolve("x").toString(), "--head", head.toString());
    assertThat(noKey.err()).contains("no public key at ").contains("give --key FILE");
    Files.writeString(head, "{\"size\": 1}");
    assertThat(Cli.run("log", "verify", "--data", dir.toString(), "--head", head.toString()).err())
        .contains("is not a signed tree head: root is missing or not a string");
  }

  @Test
  void anEditedPublishedVersionIsReportedAndRestoredFromTheLog() throws Exception {
    try (Store s = Store.open(StoreConfig.sqlite(dir))) {
      ChangeRequest cr = s.changeRequests().submit("alice", "us-ua", "v9", LocalDate.parse("2026-01-01"),
          "grant: us-ua\nversion: v9\n", null);
      s.changeRequests().approve(cr.id(), "bob", null);
      s.changeRequests().publish(cr.id(), "bob");
    }
    assertThat(Cli.run("log", "verify", "--data", dir.toString()).code()).isZero();
    sql("UPDATE published_version SET yaml = 'grant: us-ua\nversion: v9\nforbid: all\n'");
    Cli.Result r = Cli.run("log", "verify", "--data", dir.toString());
    assertThat(r.code()).isEqualTo(CaveatCli.FAILED);
    assertThat(r.err()).contains("published versions BAD: published version us-ua/v9: its YAML does not match its"
        + " content hash").contains("published versions BAD: published version us-ua/v9 differs from the text logged"
        + " at entry 3").contains("caveat log restore-versions");
    Cli.Result restored = Cli.run("log", "restore-versions", "--data", dir.toString());
    assertThat(restored.code()).as(restored.err()).isZero();
    assertThat(restored.out()).contains("  - published version us-ua/v9 differs from the text logged at entry 3");
    assertThat(Cli.run("log", "verify", "--data", dir.toString()).code()).isZero();
    assertThat(Cli.run("log", "restore-versions", "--data", dir.toString()).out()).contains("nothing was changed");
  }

  @Test
  void aConsistencyProofIsCheckedOfflineAgainstTwoSavedHeads() throws Exception {
    Path old = saveHead("old.json");
    log(3, 10);
    Path now = saveHead("new.json");
    String proof;
    String first;
    try (Store s = Store.open(StoreConfig.sqlite(dir))) {
      org.caveat.store.ConsistencyProof p = s.log().consistency(3, 10);
      proof = "{\"from\":3,\"to\":10,\"from_root\":\"" + p.fromRootHex() + "\",\"to_root\":\"" + p.toRootHex()
          + "\",\"path\":[\"" + String.join("\",\"", p.pathHex()) + "\"]}";
      first = p.pathHex().get(0);
    }
    Files.writeString(dir.resolve("c.json"), proof);
    String[] args = {"log", "proof", dir.resolve("c.json").toString(), "--old-head", old.toString(), "--head",
        now.toString(), "--key", dir.resolve("log-signing.pub").toString()};
    Cli.Result ok = Cli.run(args);
    assertThat(ok.out()).as(ok.err()).startsWith("proof ok: the log of 10 entries signed at ")
        .contains(" holds, unchanged, the 3 entries of the head signed at ");
    String flipped = (first.charAt(0) == '0' ? "1" : "0") + first.substring(1);
    Files.writeString(dir.resolve("c.json"), proof.replace(first, flipped));
    Cli.Result bent = Cli.run(args);
    assertThat(bent.code()).isEqualTo(CaveatCli.FAILED);
    assertThat(bent.err()).startsWith("proof BAD: ");
    assertThat(Cli.run("log", "proof", dir.resolve("c.json").toString(), "--head", now.toString(), "--key",
        dir.resolve("log-signing.pub").toString()).code()).isEqualTo(CaveatCli.USAGE);
  }

  @Test
  void aMissingStoreAndAMissingSubcommand() {
    assertThat(Cli.run("log", "verify", "--data", dir.resolve("none").toString()).code()).isEqualTo(CaveatCli.FAILED);
    assertThat(Cli.run("log").code()).isEqualTo(CaveatCli.USAGE);
    assertThat(Cli.run("log", "verify", "--help").out()).contains("Examples:");
  }
}
