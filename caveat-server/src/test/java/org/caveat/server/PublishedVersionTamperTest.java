package org.caveat.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import org.caveat.json.Json;
import org.caveat.store.StoreConfig;
import org.caveat.store.StoreException;
import org.junit.jupiter.api.Test;

/**
 * A published version whose YAML was edited in the database (permit → forbid, with a matching
 * content hash) stops the server from starting, with the way out; after
 * {@code restoreFromLog()} it starts and decides with the version as published.
 */
class PublishedVersionTamperTest {

  @Test
  void anEditedPublishedVersionStopsTheServerUntilRestoredFromTheLog() throws Exception {
    try (ServerFixture f = new ServerFixture()) {
      ChangeRequestLifecycleTest.publish(f, "us-ua", ChangeRequestLifecycleTest.candidateYaml("2026-01-01"));
      String before = decide(f, f.server.url());
      assertThat(before).contains("\"decision\":\"DENY\"");
      JsonNode logged = Json.MAPPER.readTree(f.get("/v1/log/entries/0", "reader").body());
      assertThat(logged.path("kind").asText()).isEqualTo("version");
      assertThat(logged.path("id").asText()).isEqualTo("us-ua/2026-01-01");
      f.server.close();

      // The 2024 permission (strikes near Kharkiv allowed) pasted in under the 2026 name.
      String forged;
      try (java.io.InputStream in = org.caveat.Caveat.class.getResourceAsStream("/caveat/packs/us-ua/2024-05-30.yaml")) {
        forged = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("2024-05-30", "2026-01-01");
      }
      try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f.dir.resolve(StoreConfig.SQLITE_FILE));
          PreparedStatement u = c.prepareStatement("UPDATE published_version SET yaml = ?, content_hash = ?")) {
        u.setString(1, forged);
        u.setString(2, "sha256:" + java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
            .digest(forged.getBytes(StandardCharsets.UTF_8))));
        assertThat(u.executeUpdate()).isEqualTo(1);
      }
      assertThatThrownBy(() -> CaveatServer.builder().store(f.store).port(0).start())
          .isInstanceOf(StoreException.class)
          .hasMessage("the published versions do not match the decision log, so nothing is served:\n"
              + "  - published version us-ua/2026-01-01 differs from the text logged at entry 0\n"
              + "Run `caveat log verify` to check the log, then `caveat log restore-versions` to rewrite the"
              + " published versions from it.");

      assertThat(f.store.published().restoreFromLog()).hasSize(1);
      try (CaveatServer again = CaveatServer.builder().store(f.store).port(0).start()) {
        assertThat(decide(f, again.url())).isEqualTo(before);
      }
    }
  }

  private static String decide(ServerFixture f, String url) throws Exception {
    HttpRequest r = HttpRequest.newBuilder(URI.create(url + "/v1/decisions"))
        .header("Authorization", "Bearer " + f.tokens.get("analyst")).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(ServerFixture.permitRequest("after-2026")
            .replace("2024-06-01T03:00:00Z", "2026-02-01T00:00:00Z"))).build();
    return f.http.send(r, HttpResponse.BodyHandlers.ofString()).body();
  }
}
