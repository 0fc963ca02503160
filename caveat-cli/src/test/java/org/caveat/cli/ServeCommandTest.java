package org.caveat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code caveat serve} end to end: starts on a free port over a fresh data folder, prints the URL
 * and a one-time admin token, answers {@code /v1/decisions} with exactly the bytes {@code caveat
 * check} prints for the same file, and on a second start prints no new token.
 */
class ServeCommandTest {
  @TempDir
  Path dir;

  /** A running {@code caveat serve}, its output so far, and how to stop it. */
  record Running(ServeCommand serve, Thread thread, ByteArrayOutputStream out) {
    String output() {
      return out.toString(StandardCharsets.UTF_8);
    }

    void stop() throws InterruptedException {
      serve.stop();
      thread.join(30_000);
    }
  }

  static Running start(String... args) throws InterruptedException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CommandLine cli = CaveatCli.commandLine(new CaveatCli(new ByteArrayInputStream(new byte[0]), out), new String[0]);
    cli.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
    cli.setErr(new PrintWriter(System.err, true));
    ServeCommand serve = cli.getSubcommands().get("serve").getCommand();
    Thread t = new Thread(() -> cli.execute(args), "serve-under-test");
    t.start();
    for (int i = 0; i < 600 && serve.url() == null && t.isAlive(); i++) Thread.sleep(50);
    assertThat(serve.url()).as("serve did not start: " + out.toString(StandardCharsets.UTF_8)).isNotNull();
    return new Running(serve, t, out);
  }

  @Test
  void servesWhatCheckPrintsAndShowsTheAdminTokenOnce() throws Exception {
    String data = dir.resolve("data").toString();
    Running r = start("serve", "--data", data, "--port", "0");
    String admin;
    try {
      assertThat(r.output()).contains("Caveat serving on http://127.0.0.1:");
      Matcher m = Pattern.compile("admin token \\(shown once\\): (\\S+)").matcher(r.output());
      assertThat(m.find()).isTrue();
      admin = m.group(1);
      HttpClient http = HttpClient.newHttpClient();
      byte[] events = Files.readAllBytes(Path.of(Cli.path("examples/kharkiv.ndjson")));
      HttpResponse<String> answers = http.send(HttpRequest.newBuilder(URI.create(r.serve().url() + "/v1/decisions"))
          .header("Authorization", "Bearer " + admin).header("Content-Type", "application/x-ndjson")
          .POST(HttpRequest.BodyPublishers.ofByteArray(events)).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(answers.statusCode()).isEqualTo(200);
      assertThat(answers.body()).isEqualTo(Cli.run("check", Cli.path("examples/kharkiv.ndjson")).out());
      assertThat(r.output()).contains("log signing key: " + dir.resolve("data/log-signing.key").toAbsolutePath()
          + " (created now), key id ");
      save(http, r.serve().url() + "/v1/log/head", admin, "head.json");
      save(http, r.serve().url() + "/v1/log/proof/2", admin, "proof.json");
      save(http, r.serve().url() + "/v1/log/consistency?from=1&to=2", admin, "consistency-1-2.json");
      save(http, r.serve().url() + "/v1/log/key", null, "key.json");
    } finally {
      r.stop();
    }
    assertThat(Cli.run("log", "verify", "--data", data).out()).startsWith("log ok: ");
    Cli.Result withHead = Cli.run("log", "verify", "--data", data, "--head", dir.resolve("head.json").toString());
    assertThat(withHead.out()).as(withHead.err()).contains("consistent with the head saved at ");
    // An auditor's check: files and the public key only.
    Cli.Result inclusion = Cli.run("log", "proof", dir.resolve("proof.json").toString(), "--head",
        dir.resolve("head.json").toString(), "--key", dir.resolve("key.json").toString());
    assertThat(inclusion.out()).as(inclusion.err()).startsWith("proof ok: entry 2 is in the log of ");
    Cli.Result wrongHead = Cli.run("log", "proof", dir.resolve("consistency-1-2.json").toString(), "--old-head",
        dir.resolve("head.json").toString(), "--head", dir.resolve("head.json").toString(), "--key",
        dir.resolve("key.json").toString());
    assertThat(wrongHead.code()).isEqualTo(CaveatCli.FAILED);
    assertThat(wrongHead.err()).startsWith("proof BAD: the proof is from 1 to 2 entries; the heads have ");

    Running again = start("serve", "--data", data, "--port", "0");
    try {
      assertThat(again.output()).doesNotContain("admin token");
    } finally {
      again.stop();
    }
  }

  private void save(HttpClient http, String url, String token, String name) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).GET();
    if (token != null) b.header("Authorization", "Bearer " + token);
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    Files.writeString(dir.resolve(name), r.body());
  }

  @Test
  void aSecondServerOnTheSameDataFolderIsRefusedAtStartUp() throws Exception {
    String data = dir.resolve("data").toString();
    Running first = start("serve", "--data", data, "--port", "0");
    try {
      // Not a single decision yet: the first server claimed the folder when it started.
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      int[] code = {-1};
      Thread t = new Thread(() -> code[0] = CaveatCli.run(new String[] {"serve", "--data", data, "--port", "0"},
          new ByteArrayInputStream(new byte[0]), out, err), "second-serve");
      t.setDaemon(true); // were it to start serving, the assertion below fails and the fork ends it
      t.start();
      t.join(60_000);
      assertThat(t.isAlive()).as("the second server must stop at start-up: " + out.toString(StandardCharsets.UTF_8))
          .isFalse();
      assertThat(code[0]).isEqualTo(CaveatCli.FAILED);
      assertThat(err.toString(StandardCharsets.UTF_8)).contains("a SQLite store has one writing process")
          .contains("caveat.db.writer").doesNotContain("Exception");
    } finally {
      first.stop();
    }
    // Once the first has stopped, the folder is free again.
    Running again = start("serve", "--data", data, "--port", "0");
    again.stop();
  }

  @Test
  void badOptionsAreUsageErrors() {
    assertThat(Cli.run("serve", "--port", "70000", "--data", dir.toString()).code()).isEqualTo(CaveatCli.USAGE);
    assertThat(Cli.run("serve", "--db-user", "x", "--data", dir.toString()).code()).isEqualTo(CaveatCli.USAGE);
    Cli.Result both = Cli.run("serve", "--data", dir.toString(), "--db", "jdbc:postgresql://localhost/x");
    assertThat(both.code()).isEqualTo(CaveatCli.USAGE);
    Cli.Result sqliteUrl = Cli.run("serve", "--db", "jdbc:sqlite:x.db");
    assertThat(sqliteUrl.code()).isEqualTo(CaveatCli.FAILED);
    assertThat(sqliteUrl.err()).contains("--data");
  }

  @Test
  void helpShowsExamples() {
    Cli.Result r = Cli.run("serve", "--help");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("Examples:").contains("--data").contains("--db").contains("127.0.0.1");
  }
}
