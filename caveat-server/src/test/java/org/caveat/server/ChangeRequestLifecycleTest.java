package org.caveat.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.caveat.Caveat;
import org.caveat.json.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Submit → impact flip list → four-eyes refusal → wrong grantor refused → approved → published →
 * the new version decides from its date, over real HTTP against a real SQLite store.
 */
class ChangeRequestLifecycleTest {
  ServerFixture f;

  @BeforeEach
  void start() throws Exception {
    f = new ServerFixture();
  }

  @AfterEach
  void stop() throws Exception {
    f.close();
  }

  /** The 2022 US position (no strikes on Russian territory) re-issued as version 2026-01-01. */
  static String candidateYaml(String version) throws Exception {
    try (InputStream in = Caveat.class.getResourceAsStream("/caveat/packs/us-ua/2022-06-01.yaml")) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return text.replace("version: \"2022-06-01\"", "version: \"" + version + "\"")
          .replace("in_force: 2022-06-01", "in_force: " + version);
    }
  }

  static String submission(String grant, String yaml) {
    ObjectNode o = Json.MAPPER.createObjectNode();
    o.put("grant", grant);
    o.put("yaml", yaml);
    return o.toString();
  }

  /** Submits {@code yaml} as us-approver, approves and publishes it as us-approver2 (four eyes). */
  static void publish(ServerFixture f, String grant, String yaml) throws Exception {
    JsonNode cr = Json.MAPPER.readTree(f.postJson("/v1/change-requests", "us-approver", submission(grant, yaml)).body());
    String id = cr.path("id").asText();
    assertThat(f.postJson("/v1/change-requests/" + id + "/approve", "us-approver2", "").statusCode()).isEqualTo(200);
    assertThat(f.postJson("/v1/change-requests/" + id + "/publish", "us-approver2", "").statusCode()).isEqualTo(200);
  }

  String decideAt(String id, String time) throws Exception {
    String req = ServerFixture.permitRequest(id).replace("2024-06-01T03:00:00Z", time);
    HttpResponse<String> r = f.postJson("/v1/decisions", "analyst", req);
    assertThat(r.statusCode()).isEqualTo(200);
    return r.body();
  }

  static JsonNode json(HttpResponse<String> r, int status) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    return Json.MAPPER.readTree(r.body());
  }

  @Test
  void lifecycleWithFourEyesAndGrantorRoles() throws Exception {
    JsonNode before = Json.MAPPER.readTree(decideAt("kharkiv-2026", "2026-02-01T00:00:00Z"));
    assertThat(before.path("decision").asText()).isEqualTo("PERMIT");

    JsonNode cr = json(f.postJson("/v1/change-requests", "us-approver", submission("us-ua", candidateYaml("2026-01-01"))), 201);
    String id = cr.path("id").asText();
    assertThat(cr.path("state").asText()).isEqualTo("SUBMITTED");
    assertThat(cr.path("author").asText()).isEqualTo("us-approver");
    assertThat(cr.path("in_force").asText()).isEqualTo("2026-01-01");
    JsonNode impact = cr.path("impact");
    assertThat(impact.path("evaluated").asLong()).isEqualTo(1);
    assertThat(impact.path("flips")).hasSize(1);
    assertThat(impact.path("flips").get(0).path("id").asText()).isEqualTo("kharkiv-2026");
    assertThat(impact.path("flips").get(0).path("before").asText()).isEqualTo("PERMIT");
    assertThat(impact.path("flips").get(0).path("after").asText()).isEqualTo("DENY");

    JsonNode own = json(f.postJson("/v1/change-requests/" + id + "/approve", "us-approver", ""), 403);
    assertThat(own.path("detail").asText()).contains("four-eyes").contains("us-approver");
    JsonNode gb = json(f.postJson("/v1/change-requests/" + id + "/approve", "gb-approver", ""), 403);
    assertThat(gb.path("detail").asText()).contains("approver:US");
    json(f.postJson("/v1/change-requests/" + id + "/approve", "analyst", ""), 403);
    json(f.postJson("/v1/change-requests/" + id + "/approve", null, ""), 401);
    json(f.postJson("/v1/change-requests/" + id + "/publish", "us-approver2", ""), 409); // not approved yet

    JsonNode approved = json(f.postJson("/v1/change-requests/" + id + "/approve", "us-approver2",
        "{\"comment\":\"checked against the statement\"}"), 200);
    assertThat(approved.path("state").asText()).isEqualTo("APPROVED");
    json(f.postJson("/v1/change-requests/" + id + "/publish", "gb-approver", ""), 403);
    JsonNode published = json(f.postJson("/v1/change-requests/" + id + "/publish", "us-approver2", ""), 200);
    assertThat(published.path("state").asText()).isEqualTo("PUBLISHED");

    JsonNode after = Json.MAPPER.readTree(decideAt("kharkiv-2026-again", "2026-02-01T00:00:00Z"));
    assertThat(after.path("decision").asText()).isEqualTo("DENY");
    assertThat(after.path("grants").get(0).path("version").asText()).isEqualTo("2026-01-01");
    JsonNode earlier = Json.MAPPER.readTree(decideAt("kharkiv-2025", "2025-12-01T00:00:00Z"));
    assertThat(earlier.path("decision").asText()).isEqualTo("PERMIT");
    assertThat(earlier.path("grants").get(0).path("version").asText()).isEqualTo("2025-10-22");

    JsonNode history = json(f.get("/v1/change-requests/" + id, "reader"), 200).path("history");
    assertThat(history).hasSize(3);
    assertThat(history.get(0).path("action").asText()).isEqualTo("submit");
    assertThat(history.get(1).path("principal").asText()).isEqualTo("us-approver2");
    assertThat(history.get(1).path("comment").asText()).isEqualTo("checked against the statement");
    assertThat(history.get(2).path("action").asText()).isEqualTo("publish");
    assertThat(history.get(2).path("at").asText()).isNotBlank();

    JsonNode v = json(f.get("/v1/grants/us-ua/versions/2026-01-01", "reader"), 200);
    assertThat(v.path("origin").asText()).isEqualTo("published");
    assertThat(v.path("yaml").asText()).isEqualTo(candidateYaml("2026-01-01"));
    assertThat(v.path("hash").asText()).startsWith("sha256:");
    assertThat(json(f.get("/v1/change-requests", "reader"), 200).path("change_requests")).hasSize(1);
  }

  @Test
  void rejectedRequestsCannotBePublished() throws Exception {
    String id = json(f.postJson("/v1/change-requests", "analyst", submission("us-ua", candidateYaml("2026-03-01"))), 201)
        .path("id").asText();
    JsonNode rejected = json(f.postJson("/v1/change-requests/" + id + "/reject", "us-approver", ""), 200);
    assertThat(rejected.path("state").asText()).isEqualTo("REJECTED");
    json(f.postJson("/v1/change-requests/" + id + "/publish", "admin", ""), 409);
  }

  @Test
  void anInvalidVersionIs422WithEveryDiagnostic() throws Exception {
    String bad = candidateYaml("2026-04-01").replace("country(target.location) == \"RU\"", "countri(target.location) == \"RU\"");
    JsonNode p = json(f.postJson("/v1/change-requests", "analyst", submission("us-ua", bad)), 422);
    assertThat(p.path("errors")).isNotEmpty();
    JsonNode e = p.path("errors").get(0);
    assertThat(e.path("field").asText()).isEqualTo("us-ua/2026-04-01.yaml");
    assertThat(e.path("line").asInt()).isGreaterThan(0);
    assertThat(e.path("message").asText()).isNotBlank();

    p = json(f.postJson("/v1/change-requests", "analyst", submission("us-ua", "version: [unclosed")), 422);
    assertThat(p.path("errors").get(0).path("line").asInt()).isGreaterThan(0);

    p = json(f.postJson("/v1/change-requests", "analyst", submission("us-ua", candidateYaml("2024-05-30"))), 422);
    assertThat(p.path("detail").asText()).contains("2024-05-30");
  }

  @Test
  void aYamlBodyWithTheGrantInTheQuery() throws Exception {
    JsonNode cr = json(f.post("/v1/change-requests?grant=us-ua", "analyst", "application/yaml", candidateYaml("2026-05-01")), 201);
    assertThat(cr.path("version").asText()).isEqualTo("2026-05-01");
  }
}
