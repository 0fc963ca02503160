package org.caveat.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.caveat.json.Json;
import org.caveat.store.Store;
import org.caveat.store.StoreConfig;
import org.junit.jupiter.api.Test;

/** The same service on a real PostgreSQL server started by the test (no root, no install). */
class PostgresEndToEndTest {
  @Test
  void decisionsAuthZenAndLogProofsOnPostgres() throws Exception {
    try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
      String url = "jdbc:postgresql://localhost:" + pg.getPort() + "/postgres";
      try (ServerFixture f = new ServerFixture(Store.open(StoreConfig.jdbc(url, "postgres", null)), b -> {})) {
        assertThat(f.get("/healthz", null).body()).contains("\"store\":\"postgresql\"").doesNotContain("localhost");
        var r = f.postJson("/v1/decisions", "analyst", "[" + ServerFixture.permitRequest("pg1") + ","
            + ServerFixture.denyRequest("pg2") + "]");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode answers = Json.MAPPER.readTree(r.body());
        assertThat(answers.get(0).path("decision").asText()).isEqualTo("PERMIT");
        assertThat(answers.get(1).path("decision").asText()).isEqualTo("DENY");
        JsonNode head = Json.MAPPER.readTree(f.get("/v1/log/head", "reader").body());
        assertThat(head.path("size").asLong()).isEqualTo(2);
        JsonNode proof = Json.MAPPER.readTree(f.get("/v1/log/proof/1", "reader").body());
        assertThat(proof.path("root").asText()).isEqualTo(head.path("root").asText());
        assertThat(f.store.log().verify().ok()).isTrue();
        assertThat(f.postJson("/v1/decisions", null, ServerFixture.permitRequest("x")).statusCode()).isEqualTo(401);
      }
    }
  }
}
