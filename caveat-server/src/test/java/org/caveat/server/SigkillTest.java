package org.caveat.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.caveat.store.Store;
import org.caveat.store.StoreConfig;
import org.caveat.store.VerifyReport;
import org.caveat.store.head.LogPublicKey;
import org.caveat.store.head.SignedTreeHead;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server process killed with SIGKILL in the middle of a burst of decisions loses no decision it
 * acknowledged over HTTP, its log still verifies, and it agrees with the last signed head a client
 * fetched during the burst; on SQLite and on PostgreSQL.
 */
class SigkillTest {
  @TempDir
  Path dir;

  @Test
  void noAcknowledgedDecisionIsLostOnSqlite() throws Exception {
    killUnderLoad(null);
  }

  @Test
  void noAcknowledgedDecisionIsLostOnPostgres() throws Exception {
    try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
      killUnderLoad("jdbc:postgresql://localhost:" + pg.getPort() + "/postgres");
    }
  }

  private void killUnderLoad(String jdbcUrl) throws Exception {
    Path ready = dir.resolve("ready");
    Path data = dir.resolve("data");
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), CrashChildServer.class.getName(), data.toString(), ready.toString()));
    if (jdbcUrl != null) command.add(jdbcUrl);
    Process child = new ProcessBuilder(command)
        .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
    try {
      for (int i = 0; i < 1200 && !Files.exists(ready) && child.isAlive(); i++) Thread.sleep(50);
      assertThat(Files.exists(ready)).as("child did not start: " + Files.readString(dir.resolve("child.log"))).isTrue();
      String[] portToken = Files.readString(ready).split(" ");
      String base = "http://127.0.0.1:" + portToken[0];
      ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
      AtomicReference<String> lastHead = new AtomicReference<>();
      AtomicBoolean killed = new AtomicBoolean();
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      ExecutorService clients = Executors.newFixedThreadPool(7);
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 6; t++) {
        int thread = t;
        done.add(clients.submit(() -> {
          for (int i = 0; !killed.get(); i++) {
            String id = "k" + thread + "-" + i;
            try {
              HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/v1/decisions"))
                  .header("Authorization", "Bearer " + portToken[1]).header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(ServerFixture.permitRequest(id))).build(),
                  HttpResponse.BodyHandlers.ofString());
              if (r.statusCode() == 200) acknowledged.add(id);
            } catch (IOException e) {
              return null; // the server is gone
            }
          }
          return null;
        }));
      }
      done.add(clients.submit(() -> {
        while (!killed.get()) {
          try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/v1/log/head"))
                .header("Authorization", "Bearer " + portToken[1]).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200) lastHead.set(r.body());
          } catch (IOException e) {
            return null;
          }
        }
        return null;
      }));
      while (acknowledged.size() < 300 || lastHead.get() == null) Thread.sleep(5);
      child.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no flush
      killed.set(true);
      child.waitFor();
      for (Future<?> f : done) f.get();
      clients.shutdown();

      SignedTreeHead head = SignedTreeHead.parse(lastHead.get());
      assertThat(head.size()).isPositive();
      assertThat(LogPublicKey.read(data.resolve("log-signing.pub")).problem(head)).isNull();
      try (Store store = Store.open(jdbcUrl == null ? StoreConfig.sqlite(data) : StoreConfig.jdbc(jdbcUrl, "postgres", null))) {
        VerifyReport v = store.log().verify();
        assertThat(v.ok()).as(String.valueOf(v.problem())).isTrue();
        VerifyReport againstHead = store.log().verify(head.size(), head.rootHex());
        assertThat(againstHead.ok()).as(String.valueOf(againstHead.problem())).isTrue();
        Set<String> logged = new HashSet<>();
        for (long i = 0; i < store.log().head().size(); i++) logged.add(store.log().entry(i).orElseThrow().entry().id());
        assertThat(logged).containsAll(acknowledged);
      }
    } finally {
      child.destroyForcibly();
    }
  }
}
