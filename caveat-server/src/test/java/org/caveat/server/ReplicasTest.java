package org.caveat.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.caveat.json.Json;
import org.caveat.server.policy.PolicyWatcher;
import org.caveat.store.Store;
import org.caveat.store.StoreConfig;
import org.caveat.store.VerifyReport;
import org.caveat.store.head.LogPublicKey;
import org.caveat.store.head.LogSigningKey;
import org.caveat.store.head.SignedTreeHead;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two replicas (two servers, each with its own store) on one PostgreSQL database, as `caveat serve
 * --db` twice behind a load balancer: under concurrent load every acknowledged decision is logged
 * exactly once in one log that verifies and that both replicas sign and prove alike; tokens are
 * shared; a version published through one decides on the other within
 * {@link PolicyWatcher#MAX_AGE}; a replica whose database is gone answers 503 problem+json and is
 * not ready.
 */
class ReplicasTest {
  private static EmbeddedPostgres postgres;
  private static final AtomicInteger DATABASES = new AtomicInteger();

  @TempDir
  Path dir;

  @BeforeAll
  static void startPostgres() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    if (postgres != null) postgres.close();
  }

  /** A fresh database on the shared server. */
  private static StoreConfig freshDatabase() throws Exception {
    String name = "replicas_" + DATABASES.incrementAndGet();
    try (Connection c = postgres.getPostgresDatabase().getConnection(); var s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    }
    return StoreConfig.jdbc("jdbc:postgresql://localhost:" + postgres.getPort() + "/" + name, "postgres", null);
  }

  @Test
  void concurrentLoadOnTwoReplicasLogsEveryAcknowledgedDecisionOnceInOneLog() throws Exception {
    StoreConfig db = freshDatabase();
    LogSigningKey key = LogSigningKey.openOrCreate(dir.resolve("log-signing.key"));
    try (ServerFixture a = new ServerFixture(Store.open(db), b -> b.signingKey(key));
         Replica b = new Replica(Store.open(db), key, a.tokens)) {
      List<String> acknowledged = Collections.synchronizedList(new ArrayList<>());
      List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
      List<Thread> clients = new ArrayList<>();
      for (int t = 0; t < 6; t++) {
        int me = t;
        clients.add(new Thread(() -> {
          try {
            for (int i = 0; i < 25; i++) {
              URI base = URI.create((i + me) % 2 == 0 ? a.server.url() : b.server.url());
              String id = "c" + me + "-" + i;
              boolean batch = i % 5 == 0;
              String body = batch ? "[" + ServerFixture.permitRequest(id + "a") + "," + ServerFixture.denyRequest(id + "b") + "]"
                  : ServerFixture.permitRequest(id);
              HttpResponse<String> r = b.post(base, "/v1/decisions", "analyst", body);
              assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
              if (batch) {
                acknowledged.add(id + "a");
                acknowledged.add(id + "b");
              } else {
                acknowledged.add(id);
              }
            }
          } catch (Throwable e) {
            failures.add(e);
          }
        }));
      }
      clients.forEach(Thread::start);
      for (Thread c : clients) c.join();
      assertThat(failures).isEmpty();
      assertThat(acknowledged).hasSize(6 * (20 + 5 * 2));

      VerifyReport v = a.store.log().verify();
      assertThat(v.ok()).as(String.valueOf(v.problem())).isTrue();
      Map<String, Integer> logged = new HashMap<>();
      b.store.log().forEach(0, r -> logged.merge(r.entry().id(), 1, Integer::sum));
      assertThat(logged.keySet()).containsExactlyInAnyOrderElementsOf(acknowledged);
      assertThat(logged.values()).containsOnly(1);

      SignedTreeHead ha = SignedTreeHead.parse(a.get("/v1/log/head", "reader").body());
      SignedTreeHead hb = SignedTreeHead.parse(b.get(URI.create(b.server.url()), "/v1/log/head", "reader").body());
      assertThat(ha.size()).isEqualTo(acknowledged.size());
      assertThat(hb.size()).isEqualTo(ha.size());
      assertThat(hb.rootHex()).isEqualTo(ha.rootHex());
      LogPublicKey pub = key.publicKey();
      assertThat(pub.problem(ha)).isNull();
      assertThat(pub.problem(hb)).isNull();
      JsonNode proof = Json.MAPPER.readTree(b.get(URI.create(b.server.url()), "/v1/log/proof/3?tree_size=" + ha.size(),
          "reader").body());
      assertThat(proof.path("root").asText()).isEqualTo(ha.rootHex());
    }
  }

  @Test
  void aVersionPublishedThroughOneReplicaDecidesOnTheOtherWithinOneSecond() throws Exception {
    StoreConfig db = freshDatabase();
    try (ServerFixture a = new ServerFixture(Store.open(db), x -> {});
         Replica b = new Replica(Store.open(db), LogSigningKey.ephemeral(), a.tokens)) {
      URI onB = URI.create(b.server.url());
      String request = ServerFixture.permitRequest("before").replace("2024-06-01T03:00:00Z", "2026-02-01T00:00:00Z");
      assertThat(Json.MAPPER.readTree(b.post(onB, "/v1/decisions", "analyst", request).body()).path("decision").asText())
          .isEqualTo("PERMIT");

      ChangeRequestLifecycleTest.publish(a, "us-ua", ChangeRequestLifecycleTest.candidateYaml("2026-01-01"));
      long published = System.nanoTime();
      // Decide on B until the new version answers, or until a request begins more than MAX_AGE after
      // the publish was acknowledged: that one must answer with it (the engine is handed out only
      // when confirmed current within MAX_AGE), however slow this machine is.
      JsonNode answer;
      long began;
      int i = 0;
      do {
        began = System.nanoTime();
        answer = Json.MAPPER.readTree(b.post(onB, "/v1/decisions", "analyst", request.replace("\"before\"", "\"after-" + i++ + "\"")).body());
      } while (!"DENY".equals(answer.path("decision").asText()) && began - published <= PolicyWatcher.MAX_AGE.toNanos());
      System.out.printf("ReplicasTest: B answered with the version published through A %d ms after the publish was"
          + " acknowledged, on its %s request since%n", (System.nanoTime() - published) / 1_000_000, i == 1 ? "first" : i + "th");
      assertThat(answer.path("decision").asText()).isEqualTo("DENY");
      assertThat(answer.path("grants").get(0).path("version").asText()).isEqualTo("2026-01-01");
      JsonNode version = Json.MAPPER.readTree(b.get(onB, "/v1/grants/us-ua/versions/2026-01-01", "reader").body());
      assertThat(version.path("origin").asText()).isEqualTo("published");
    }
  }

  @Test
  void aReplicaWhoseDatabaseIsGoneAnswers503ProblemsAndIsNotReady() throws Exception {
    EmbeddedPostgres own = EmbeddedPostgres.builder().start();
    try (Replica r = new Replica(Store.open(StoreConfig.jdbc("jdbc:postgresql://localhost:" + own.getPort()
        + "/postgres", "postgres", null)), LogSigningKey.ephemeral(), null)) {
      URI base = URI.create(r.server.url());
      assertThat(r.post(base, "/v1/decisions", "analyst", ServerFixture.permitRequest("up")).statusCode()).isEqualTo(200);
      assertThat(r.get(base, "/healthz", null).statusCode()).isEqualTo(200);

      own.close(); // the database goes away

      for (String path : List.of("/v1/decisions", "/access/v1/evaluation")) {
        String body = path.startsWith("/access") ? "{" + AuthZenTest.SUBJECT + "," + AuthZenTest.ACTION + ","
            + AuthZenTest.PERMIT + "," + AuthZenTest.CONTEXT + "}" : ServerFixture.permitRequest("down");
        HttpResponse<String> d = r.post(base, path, "analyst", body);
        assertUnavailable(d);
      }
      HttpResponse<String> batch = r.post(base, "/v1/decisions", "analyst", "[" + ServerFixture.permitRequest("d1") + "]");
      assertUnavailable(batch);
      assertUnavailable(r.get(base, "/healthz", null));
      assertUnavailable(r.get(base, "/v1/log/head", "reader"));
    }
  }

  private static void assertUnavailable(HttpResponse<String> r) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(503);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    JsonNode p = Json.MAPPER.readTree(r.body());
    assertThat(p.path("errors").get(0).path("code").asText()).isEqualTo("store.unavailable");
    assertThat(r.body()).doesNotContain("\"decision\"").doesNotContain("\tat ").doesNotContain("password");
  }

  /** A second replica: a server on its own store, using the tokens the first one created (they are shared). */
  static final class Replica implements AutoCloseable {
    final Store store;
    final CaveatServer server;
    final Map<String, String> tokens;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** @param tokens the first replica's tokens; null to create an analyst and a reader here */
    Replica(Store store, LogSigningKey key, Map<String, String> tokens) {
      this.store = store;
      if (tokens == null) {
        tokens = new HashMap<>();
        tokens.put("analyst", store.tokens().create("analyst", java.util.Set.of("analyst")).secret());
        tokens.put("reader", store.tokens().create("reader", java.util.Set.of("reader")).secret());
      }
      this.tokens = tokens;
      this.server = CaveatServer.builder().store(store).port(0).signingKey(key).start();
    }

    HttpResponse<String> post(URI base, String path, String who, String json) throws Exception {
      return http.send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
          .header("Authorization", "Bearer " + tokens.get(who)).POST(HttpRequest.BodyPublishers.ofString(json)).build(),
          HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(URI base, String path, String who) throws Exception {
      HttpRequest.Builder r = HttpRequest.newBuilder(base.resolve(path)).GET();
      if (who != null) r.header("Authorization", "Bearer " + tokens.get(who));
      return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
      server.close();
      store.close();
    }
  }
}
