package org.caveat.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.caveat.json.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** OpenID AuthZEN 1.0 evaluation and evaluations (each semantic), mapped onto Caveat requests. */
class AuthZenTest {
  static ServerFixture f;

  @BeforeAll
  static void start() throws Exception {
    f = new ServerFixture();
  }

  @AfterAll
  static void stop() throws Exception {
    f.close();
  }

  static final String SUBJECT = "\"subject\":{\"type\":\"state\",\"id\":\"UA\"}";
  static final String ACTION = "\"action\":{\"name\":\"use\",\"properties\":{\"origin\":\"US\",\"system\":\"M142 HIMARS\","
      + "\"class\":\"rocket_artillery\",\"range_km\":84}}";
  static final String CONTEXT = "\"context\":{\"time\":\"2024-06-01T03:00:00Z\",\"purpose\":\"counter_fire\"}";

  static String resource(double lat, double lon, String category) {
    return "\"resource\":{\"type\":\"target\",\"id\":\"t1\",\"properties\":{\"location\":{\"lat\":" + lat + ",\"lon\":" + lon
        + "},\"category\":\"" + category + "\",\"activity\":\"attacking\",\"used_in_invasion\":true}}";
  }

  static final String PERMIT = resource(50.59, 36.58, "artillery");
  static final String DENY = resource(55.75, 37.62, "artillery");

  @Test
  void configurationIsDiscoverable() throws Exception {
    JsonNode c = Json.MAPPER.readTree(f.get("/.well-known/authzen-configuration", null).body());
    assertThat(c.path("policy_decision_point").asText()).isEqualTo(f.server.url());
    assertThat(c.path("access_evaluation_endpoint").asText()).isEqualTo(f.server.url() + "/access/v1/evaluation");
    assertThat(c.path("access_evaluations_endpoint").asText()).isEqualTo(f.server.url() + "/access/v1/evaluations");
  }

  @Test
  void evaluationIsTrueOnlyForPermitAndCarriesTheFullAnswer() throws Exception {
    HttpResponse<String> r = f.postJson("/access/v1/evaluation", "analyst", "{" + SUBJECT + "," + ACTION + "," + PERMIT + "," + CONTEXT + "}");
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode j = Json.MAPPER.readTree(r.body());
    assertThat(j.path("decision").asBoolean()).isTrue();
    assertThat(j.path("context").path("decision").asText()).isEqualTo("PERMIT");
    assertThat(j.path("context").path("grants").get(0).path("grant").asText()).isEqualTo("us-ua");
    assertThat(j.path("context").path("explanation").asText()).isNotBlank();

    JsonNode d = Json.MAPPER.readTree(f.postJson("/access/v1/evaluation", "analyst",
        "{" + SUBJECT + "," + ACTION + "," + DENY + "," + CONTEXT + "}").body());
    assertThat(d.path("decision").asBoolean()).isFalse();
    assertThat(d.path("context").path("decision").asText()).isEqualTo("DENY");
  }

  @Test
  void badMappingNamesTheAuthZenField() throws Exception {
    HttpResponse<String> r = f.postJson("/access/v1/evaluation", "analyst",
        "{" + SUBJECT + "," + ACTION + "," + resource(95, 36, "artillery") + "," + CONTEXT + "}");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    assertThat(Json.MAPPER.readTree(r.body()).path("errors").get(0).path("field").asText())
        .isEqualTo("resource.properties.location.lat");

    r = f.postJson("/access/v1/evaluation", "analyst", "{\"subject\":{\"type\":\"user\",\"id\":\"alice\"}," + ACTION + "," + PERMIT + "}");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(Json.MAPPER.readTree(r.body()).path("errors").get(0).path("field").asText()).isEqualTo("subject.type");

    r = f.postJson("/access/v1/evaluation", "analyst", "{" + SUBJECT + ",\"action\":{\"name\":\"read\"}," + PERMIT + "}");
    assertThat(Json.MAPPER.readTree(r.body()).path("errors").get(0).path("field").asText()).isEqualTo("action.name");

    r = f.postJson("/access/v1/evaluation", "analyst", "{" + SUBJECT + "," + ACTION + "," + PERMIT + "}");
    assertThat(Json.MAPPER.readTree(r.body()).path("errors").get(0).path("field").asText()).isEqualTo("context.time");
  }

  static String batch(String semantic, String... resources) {
    StringBuilder b = new StringBuilder("{" + SUBJECT + "," + ACTION + "," + CONTEXT + ",");
    if (semantic != null) b.append("\"options\":{\"evaluations_semantic\":\"").append(semantic).append("\"},");
    b.append("\"evaluations\":[");
    for (int i = 0; i < resources.length; i++) b.append(i == 0 ? "" : ",").append("{").append(resources[i]).append("}");
    return b.append("]}").toString();
  }

  JsonNode evaluations(String body) throws Exception {
    HttpResponse<String> r = f.postJson("/access/v1/evaluations", "analyst", body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return Json.MAPPER.readTree(r.body()).path("evaluations");
  }

  @Test
  void executeAllIsTheDefault() throws Exception {
    JsonNode e = evaluations(batch(null, PERMIT, DENY, PERMIT));
    assertThat(e).hasSize(3);
    assertThat(e.get(0).path("decision").asBoolean()).isTrue();
    assertThat(e.get(1).path("decision").asBoolean()).isFalse();
    assertThat(e.get(2).path("decision").asBoolean()).isTrue();
    assertThat(evaluations(batch("execute_all", PERMIT, DENY, PERMIT))).hasSize(3);
  }

  @Test
  void denyOnFirstDenyStopsAtTheDenyAndLogsNothingAfterIt() throws Exception {
    long before = f.store.log().head().size();
    JsonNode e = evaluations(batch("deny_on_first_deny", PERMIT, DENY, PERMIT, PERMIT));
    assertThat(e).hasSize(2);
    assertThat(e.get(1).path("decision").asBoolean()).isFalse();
    assertThat(f.store.log().head().size()).isEqualTo(before + 2);
  }

  @Test
  void permitOnFirstPermitStopsAtThePermit() throws Exception {
    JsonNode e = evaluations(batch("permit_on_first_permit", DENY, DENY, PERMIT, DENY));
    assertThat(e).hasSize(3);
    assertThat(e.get(2).path("decision").asBoolean()).isTrue();
  }

  @Test
  void evaluationsOverrideDefaultsAndReportBadItemsInPlace() throws Exception {
    String gbAction = "\"action\":{\"name\":\"use\",\"properties\":{\"origin\":\"XX\",\"class\":\"rocket_artillery\"}}";
    JsonNode e = evaluations(batch(null, PERMIT, gbAction + "," + PERMIT, resource(0, 200, "artillery")));
    assertThat(e).hasSize(3);
    assertThat(e.get(1).path("context").path("decision").asText()).isEqualTo("NOT_APPLICABLE");
    assertThat(e.get(2).path("decision").asBoolean()).isFalse();
    assertThat(e.get(2).path("context").path("error").path("field").asText())
        .isEqualTo("evaluations[2].resource.properties.location.lon");
  }

  @Test
  void anErrorCountsAsADenyForDenyOnFirstDeny() throws Exception {
    JsonNode e = evaluations(batch("deny_on_first_deny", PERMIT, "\"resource\":{\"type\":\"building\"}", PERMIT));
    assertThat(e).hasSize(2);
    assertThat(e.get(1).path("context").path("error").path("field").asText()).isEqualTo("evaluations[1].resource.type");
  }

  @Test
  void unknownSemanticIsRefused() throws Exception {
    HttpResponse<String> r = f.postJson("/access/v1/evaluations", "analyst", batch("first_wins", PERMIT));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("options.evaluations_semantic");
  }

  @Test
  void withoutEvaluationsTheBodyIsOneEvaluation() throws Exception {
    HttpResponse<String> r = f.postJson("/access/v1/evaluations", "analyst", "{" + SUBJECT + "," + ACTION + "," + PERMIT + "," + CONTEXT + "}");
    assertThat(Json.MAPPER.readTree(r.body()).path("decision").asBoolean()).isTrue();
  }
}
