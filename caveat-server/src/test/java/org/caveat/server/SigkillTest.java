package org.caveat.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.caveat.store.Store;
import org.caveat.store.StoreConfig;
import org.caveat.store.VerifyReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server process killed with SIGKILL in the middle of a burst of decisions loses no decision it
 * acknowledged over HTTP, and its log still verifies.
 */
class SigkillTest {
  @TempDir
  Path dir;

  @Test
  void noAcknowledgedDecisionIsLost() throws Exception {
    Path ready = dir.resolve("ready");
    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), CrashChildServer.class.getName(),
        dir.resolve("data").toString(), ready.toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
    try {
      for (int i = 0; i < 1200 && !Files.exists(ready) && child.isAlive(); i++) Thread.sleep(50);
      assertThat(Files.exists(ready)).as("child did not start: " + Files.readString(dir.resolve("child.log"))).isTrue();
      String[] portToken = Files.readString(ready).split(" ");
      URI uri = URI.create("http://127.0.0.1:" + portToken[0] + "/v1/decisions");
      ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
      AtomicBoolean killed = new AtomicBoolean();
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      ExecutorService clients = Executors.newFixedThreadPool(6);
      List<Future<?>> done = new java.util.ArrayList<>();
      for (int t = 0; t < 6; t++) {
        int thread = t;
        done.add(clients.submit(() -> {
          for (int i = 0; !killed.get(); i++) {
            String id = "k" + thread + "-" + i;
            try {
              HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + portToken[1])
                  .header("Content-Type", "application/json")
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
      while (acknowledged.size() < 300) Thread.sleep(5);
      child.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no flush
      killed.set(true);
      child.waitFor();
      for (Future<?> f : done) f.get();
      clients.shutdown();

      try (Store store = Store.open(StoreConfig.sqlite(dir.resolve("data")))) {
        VerifyReport v = store.log().verify();
        assertThat(v.ok()).as(String.valueOf(v.problem())).isTrue();
        Set<String> logged = new HashSet<>();
        for (long i = 0; i < store.log().head().size(); i++) logged.add(store.log().entry(i).orElseThrow().entry().id());
        assertThat(logged).containsAll(acknowledged);
      }
    } finally {
      child.destroyForcibly();
    }
  }
}
