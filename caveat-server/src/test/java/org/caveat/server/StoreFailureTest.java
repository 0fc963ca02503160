package org.caveat.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** A store that fails mid-service: problem+json 503, no stack trace, no answer without its log entry. */
class StoreFailureTest {
  @Test
  void aClosedStoreIsA503ProblemAndNoAnswer() throws Exception {
    try (ServerFixture f = new ServerFixture()) {
      assertThat(f.postJson("/v1/decisions", "analyst", ServerFixture.permitRequest("ok")).statusCode()).isEqualTo(200);
      String token = f.tokens.get("analyst");
      f.store.close();
      HttpResponse<String> r = f.http.send(java.net.http.HttpRequest.newBuilder(f.uri("/v1/decisions"))
          .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
          .POST(java.net.http.HttpRequest.BodyPublishers.ofString(ServerFixture.permitRequest("lost"))).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as(r.body()).isEqualTo(503);
      assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
      assertThat(r.body()).doesNotContain("\tat ").doesNotContain("\"decision\"");
    }
  }

  /** On SQLite nothing polls the store, but readiness still asks it (at most once per MAX_AGE). */
  @Test
  void aLostSqliteDatabaseTakesHealthzOutOfService() throws Exception {
    try (ServerFixture f = new ServerFixture()) {
      assertThat(f.get("/healthz", null).statusCode()).isEqualTo(200);
      f.store.close();
      try (var files = java.nio.file.Files.list(f.dir)) {
        for (var p : files.filter(p -> p.getFileName().toString().startsWith("caveat.db")).toList()) {
          java.nio.file.Files.delete(p);
        }
      }
      Thread.sleep(org.caveat.server.policy.PolicyWatcher.MAX_AGE.toMillis() + 100); // the last check ages out
      HttpResponse<String> r = f.get("/healthz", null);
      assertThat(r.statusCode()).as(r.body()).isEqualTo(503);
      assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }
  }
}
