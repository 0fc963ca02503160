package org.caveat.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.caveat.json.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Ids the log cannot take (empty, blank, over 256 characters, with control characters) were a 500,
 * and one of them in a batch a 500 with nothing decided. Now each is a bad field like any other.
 */
class RequestIdsTest {
  static ServerFixture f;

  @BeforeAll
  static void start() throws Exception {
    f = new ServerFixture();
  }

  @AfterAll
  static void stop() throws Exception {
    f.close();
  }

  /** The id as a JSON string body (already escaped). */
  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "257", "a\\u0000b", "\\n"})
  void aBadIdIsA400AtTheIdAndABatchDecidesTheRest(String id) throws Exception {
    String json = id.equals("257") ? "x".repeat(257) : id;
    String bad = ServerFixture.permitRequest("ID").replace("\"ID\"", "\"" + json + "\"");
    long before = f.store.log().head().size();
    HttpResponse<String> one = f.postJson("/v1/decisions", "analyst", bad);
    assertThat(one.statusCode()).isEqualTo(400);
    assertThat(one.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonNode p = Json.MAPPER.readTree(one.body());
    assertThat(p.path("errors").get(0).path("code").asText()).isEqualTo("request.invalid");
    assertThat(p.path("errors").get(0).path("field").asText()).isEqualTo("/id");
    assertThat(p.path("detail").asText()).contains("id must be 1 to 256 characters, not only spaces");

    String batch = ServerFixture.permitRequest("good-1") + "\n" + bad + "\n" + ServerFixture.denyRequest("good-2") + "\n";
    HttpResponse<String> many = f.post("/v1/decisions", "analyst", "application/x-ndjson", batch);
    assertThat(many.statusCode()).isEqualTo(200);
    String[] lines = many.body().split("\n");
    assertThat(lines).hasSize(3);
    assertThat(Json.MAPPER.readTree(lines[0]).path("decision").asText()).isEqualTo("PERMIT");
    assertThat(Json.MAPPER.readTree(lines[1]).path("error").path("at").asText()).isEqualTo("/id");
    assertThat(Json.MAPPER.readTree(lines[2]).path("id").asText()).isEqualTo("good-2");
    assertThat(f.store.log().head().size() - before).as("the two good requests are logged").isEqualTo(2);
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"\"", "\"  \"", "true", "{\"x\":1}", "\"\\u0007\""})
  void aBadAuthZenContextIdIsA400NamingContextId(String id) throws Exception {
    String ctx = "\"context\":{\"time\":\"2024-06-01T03:00:00Z\",\"purpose\":\"counter_fire\",\"id\":" + id + "}";
    String eval = "{" + AuthZenTest.SUBJECT + "," + AuthZenTest.ACTION + "," + AuthZenTest.PERMIT + "," + ctx + "}";
    HttpResponse<String> r = f.postJson("/access/v1/evaluation", "analyst", eval);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(Json.MAPPER.readTree(r.body()).path("errors").get(0).path("field").asText()).isEqualTo("context.id");
    HttpResponse<String> batch = f.postJson("/access/v1/evaluations", "analyst",
        "{\"evaluations\":[" + eval + "," + eval.replace(",\"id\":" + id, "") + "]}");
    assertThat(batch.statusCode()).isEqualTo(200);
    JsonNode evals = Json.MAPPER.readTree(batch.body()).path("evaluations");
    assertThat(evals.get(0).path("context").path("error").path("field").asText()).isEqualTo("evaluations[0].context.id");
    assertThat(evals.get(1).path("decision").asBoolean()).isTrue();
  }
}
