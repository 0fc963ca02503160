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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.caveat.store.Store;
import org.caveat.store.StoreConfig;
import org.caveat.store.VerifyReport;
import org.caveat.store.head.LogSigningKey;
import org.caveat.store.head.SignedTreeHead;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two replicas on one PostgreSQL under load, one of them a separate process ({@link CrashChildServer})
 * killed with SIGKILL in the middle of it (its transaction, advisory lock included, dies with its
 * connection): the other goes on appending, every decision either acknowledged is in the log
 * exactly once, the log verifies, also against the last head the killed replica signed.
 */
class ReplicaSigkillTest {
  @TempDir
  Path dir;

  @Test
  void killingOneReplicaMidLoadLosesNoAcknowledgedDecisionAndTheOtherGoesOn() throws Exception {
    try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
      String url = "jdbc:postgresql://localhost:" + pg.getPort() + "/postgres";
      Path ready = dir.resolve("ready");
      Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", System.getProperty("java.class.path"), CrashChildServer.class.getName(), dir.toString(), ready.toString(), url)
          .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
      try {
        for (int i = 0; i < 2400 && !Files.exists(ready) && child.isAlive(); i++) Thread.sleep(50);
        assertThat(Files.exists(ready)).as("child did not start: " + Files.readString(dir.resolve("child.log"))).isTrue();
        String[] portToken = Files.readString(ready).split(" ");
        URI killed = URI.create("http://127.0.0.1:" + portToken[0]);
        try (Store store = Store.open(StoreConfig.jdbc(url, "postgres", null));
             CaveatServer survivor = CaveatServer.builder().store(store).port(0)
                 .signingKey(LogSigningKey.openOrCreate(dir.resolve("log-signing.key"))).start()) {
          String survivorToken = store.tokens().create("survivor-analyst", Set.of("analyst")).secret();
          URI alive = URI.create(survivor.url());
          Load load = new Load(killed);
          List<Thread> clients = new ArrayList<>();
          for (int t = 0; t < 6; t++) {
            int me = t;
            boolean toChild = t % 2 == 0;
            clients.add(new Thread(() -> load.run("k" + me, toChild ? killed : alive, toChild ? portToken[1] : survivorToken)));
          }
          Thread heads = new Thread(() -> load.heads(killed, portToken[1]));
          clients.forEach(Thread::start);
          heads.start();
          while (load.byChild.get() < 150 || load.lastHead.get() == null) Thread.sleep(5);
          child.destroyForcibly(); // SIGKILL: no shutdown hook, its open transaction dies with its connection
          child.waitFor();
          int atKill = load.bySurvivor.get();
          while (load.bySurvivor.get() < atKill + 100) Thread.sleep(5); // the survivor goes on appending
          load.stop.set(true);
          for (Thread c : clients) c.join();
          heads.join();

          VerifyReport v = store.log().verify();
          assertThat(v.ok()).as(String.valueOf(v.problem())).isTrue();
          SignedTreeHead head = SignedTreeHead.parse(load.lastHead.get());
          VerifyReport againstHead = store.log().verify(head.size(), head.rootHex());
          assertThat(againstHead.ok()).as(String.valueOf(againstHead.problem())).isTrue();
          Map<String, Integer> logged = new HashMap<>();
          store.log().forEach(0, r -> logged.merge(r.entry().id(), 1, Integer::sum));
          for (String id : load.acknowledged) assertThat(logged.get(id)).as(id).isEqualTo(1);
          assertThat(logged.values()).containsOnly(1);
          System.out.printf("ReplicaSigkillTest: %d acknowledged (%d by the killed replica), %d logged%n",
              load.acknowledged.size(), load.byChild.get(), logged.size());
        }
      } finally {
        child.destroyForcibly();
      }
    }
  }

  /** Closed-loop clients, each sending decisions with fresh ids to one replica until stopped. */
  private static final class Load {
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    final ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
    final AtomicInteger byChild = new AtomicInteger();
    final AtomicInteger bySurvivor = new AtomicInteger();
    final AtomicReference<String> lastHead = new AtomicReference<>();
    final AtomicBoolean stop = new AtomicBoolean();
    private final Set<URI> dead = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final URI childBase;

    Load(URI childBase) {
      this.childBase = childBase;
    }

    void run(String prefix, URI base, String token) {
      for (int i = 0; !stop.get() && !dead.contains(base); i++) {
        String id = prefix + "-" + i;
        try {
          HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("/v1/decisions"))
              .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(ServerFixture.permitRequest(id))).build(),
              HttpResponse.BodyHandlers.ofString());
          if (r.statusCode() == 200) {
            acknowledged.add(id);
            (base.equals(childBase) ? byChild : bySurvivor).incrementAndGet();
          }
        } catch (IOException e) {
          dead.add(base); // that replica is gone
        } catch (InterruptedException e) {
          return;
        }
      }
    }

    void heads(URI base, String token) {
      while (!stop.get() && !dead.contains(base)) {
        try {
          HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("/v1/log/head"))
              .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
          if (r.statusCode() == 200) lastHead.set(r.body());
        } catch (IOException e) {
          return;
        } catch (InterruptedException e) {
          return;
        }
      }
    }
  }
}
