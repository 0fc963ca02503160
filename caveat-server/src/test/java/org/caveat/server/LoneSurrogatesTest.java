package org.caveat.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.caveat.json.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A lone surrogate escape ({@code "\ud800"}) has no UTF-8 form, so the request cannot be logged
 * as sent. Every way in answers it the same as {@code caveat check}: {@code input.encoding} at
 * its pointer (AuthZEN: at its field), nothing decided or logged for it, the rest of a batch
 * decided. The single object is read by the server's fast path, a batch item by core's framing,
 * an AuthZEN evaluation by its mapping: three paths, one check.
 */
class LoneSurrogatesTest {
  static ServerFixture f;

  @BeforeAll
  static void start() throws Exception {
    f = new ServerFixture();
  }

  @AfterAll
  static void stop() throws Exception {
    f.close();
  }

  /** The permitted request with the string {@code value} (JSON text, escapes as sent) replaced by a lone escape. */
  static String broken(String id, String value, String lone) {
    return ServerFixture.permitRequest(id).replace(value, lone);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "\"M142 HIMARS\"|\"M142 HIMARS\\ud800\"|/weapon/system",
      "\"ID\"|\"\\udfffID\"|/id"})
  void aRequestAloneIsA400AndInABatchAnErrorInPlaceAtItsPointer(String value, String lone, String pointer)
      throws Exception {
    long before = f.store.log().head().size();
    String bad = broken("ID", value, lone);
    HttpResponse<String> one = f.postJson("/v1/decisions", "analyst", bad);
    assertThat(one.statusCode()).as(one.body()).isEqualTo(400);
    JsonNode e = Json.MAPPER.readTree(one.body()).path("errors").get(0);
    assertThat(e.path("code").asText()).isEqualTo("input.encoding");
    assertThat(e.path("field").asText()).isEqualTo(pointer);
    assertThat(e.path("message").asText()).contains("lone surrogate escape");

    String good = ServerFixture.permitRequest("good");
    HttpResponse<String> ndjson = f.post("/v1/decisions", "analyst", "application/x-ndjson", good + "\n" + bad + "\n");
    assertThat(ndjson.statusCode()).as(ndjson.body()).isEqualTo(200);
    String[] lines = ndjson.body().split("\n");
    assertThat(Json.MAPPER.readTree(lines[0]).path("decision").asText()).isEqualTo("PERMIT");
    assertInPlace(Json.MAPPER.readTree(lines[1]), pointer);
    HttpResponse<String> array = f.postJson("/v1/decisions", "analyst", "[" + bad + ",\n" + good + "]");
    assertThat(array.statusCode()).as(array.body()).isEqualTo(200);
    JsonNode answers = Json.MAPPER.readTree(array.body());
    assertInPlace(answers.get(0), pointer);
    assertThat(answers.get(1).path("decision").asText()).isEqualTo("PERMIT");
    assertThat(f.store.log().head().size() - before).as("only the good requests are logged").isEqualTo(2);
  }

  private static void assertInPlace(JsonNode answer, String pointer) {
    assertThat(answer.path("error").path("code").asText()).isEqualTo("input.encoding");
    assertThat(answer.path("error").path("at").asText()).isEqualTo(pointer);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "\"M142 HIMARS\"|\"M142 HIMARS\\ud800\"|action.properties.system",
      "\"counter_fire\"}|\"counter_fire\",\"id\":\"\\ud800\"}|context.id"})
  void anAuthZenEvaluationIsRefusedAtItsFieldAloneOrInPlace(String value, String lone, String field) throws Exception {
    long before = f.store.log().head().size();
    String eval = "{" + AuthZenTest.SUBJECT + "," + AuthZenTest.ACTION + "," + AuthZenTest.PERMIT + ","
        + AuthZenTest.CONTEXT + "}";
    String bad = eval.replace(value, lone);
    assertThat(bad).isNotEqualTo(eval);
    HttpResponse<String> one = f.postJson("/access/v1/evaluation", "analyst", bad);
    assertThat(one.statusCode()).as(one.body()).isEqualTo(400);
    JsonNode e = Json.MAPPER.readTree(one.body()).path("errors").get(0);
    assertThat(e.path("code").asText()).isEqualTo("input.encoding");
    assertThat(e.path("field").asText()).isEqualTo(field);

    HttpResponse<String> batch = f.postJson("/access/v1/evaluations", "analyst",
        "{\"evaluations\":[" + bad + "," + eval + "]}");
    assertThat(batch.statusCode()).as(batch.body()).isEqualTo(200);
    JsonNode evals = Json.MAPPER.readTree(batch.body()).path("evaluations");
    assertThat(evals.get(0).path("decision").asBoolean()).isFalse();
    assertThat(evals.get(0).path("context").path("error").path("code").asText()).isEqualTo("input.encoding");
    assertThat(evals.get(0).path("context").path("error").path("field").asText()).isEqualTo("evaluations[0]." + field);
    assertThat(evals.get(1).path("decision").asBoolean()).isTrue();
    assertThat(f.store.log().head().size() - before).as("only the good evaluation is logged").isEqualTo(1);
  }
}
