package org.caveat.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.Map;
import org.caveat.Caveat;
import org.caveat.json.AnswerWriter;
import org.caveat.json.Json;
import org.caveat.json.RequestReader;
import org.caveat.server.policy.WhatIfEngines;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What-if decisions: assumption overrides in the query or the request turn the seed's permit
 * into a denial exactly as {@code caveat check --assume} does, say so in {@code "assumed"}, are
 * logged, and bad overrides are problems or in-place errors with hints.
 */
class WhatIfDecisionsTest {
  static ServerFixture f;

  @BeforeAll
  static void start() throws Exception {
    f = new ServerFixture();
  }

  @AfterAll
  static void stop() throws Exception {
    f.close();
  }

  /** {@code caveat check --assume NAME=VALUE} for one request, plus the "assumed" field. */
  static String checkWithAssume(String request, String name, String value) throws Exception {
    Caveat c = Caveat.builder().assume(name, value).build();
    return AnswerWriter.toJson(c.answer(RequestReader.read(Json.MAPPER.readTree(request)).request()), false,
        Map.of(name, value));
  }

  @Test
  void aNarrowerBandInTheQueryDeniesTheSeedsCounterFireAsTheCliDoes() throws Exception {
    String req = ServerFixture.permitRequest("wi-1");
    HttpResponse<String> r = f.postJson("/v1/decisions?assume=kharkiv_band_depth_km=20", "analyst", req);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(r.body()).isEqualTo(checkWithAssume(req, "kharkiv_band_depth_km", "20") + "\n");
    JsonNode a = Json.MAPPER.readTree(r.body());
    assertThat(a.path("decision").asText()).isEqualTo("DENY");
    assertThat(a.path("assumed").path("kharkiv_band_depth_km").asText()).isEqualTo("20");
    JsonNode plain = Json.MAPPER.readTree(f.postJson("/v1/decisions", "analyst", req).body());
    assertThat(plain.path("decision").asText()).isEqualTo("PERMIT");
    assertThat(plain.has("assumed")).isFalse();
  }

  @Test
  void theRequestsOwnAssumeObjectDecidesItAndIsLoggedWithTheRequest() throws Exception {
    String req = ServerFixture.permitRequest("wi-2").replace("\"purpose\":", "\"assume\":{\"kharkiv_band_depth_km\":20},\"purpose\":");
    long before = Json.MAPPER.readTree(f.get("/v1/log/head", "reader").body()).path("size").asLong();
    HttpResponse<String> r = f.postJson("/v1/decisions", "analyst", req);
    assertThat(r.body()).isEqualTo(checkWithAssume(req, "kharkiv_band_depth_km", "20") + "\n");
    JsonNode entry = Json.MAPPER.readTree(f.get("/v1/log/entries/" + before, "reader").body());
    assertThat(entry.toString()).contains("wi-2").contains("kharkiv_band_depth_km").contains("assumed");
  }

  @Test
  void unknownNamesAndBadValuesAreProblemsWithHints() throws Exception {
    String req = ServerFixture.permitRequest("wi-3");
    HttpResponse<String> name = f.postJson("/v1/decisions?assume=kharkiv_band_dept_km=20", "analyst", req);
    assertThat(name.statusCode()).isEqualTo(400);
    assertThat(name.body()).contains("did you mean `kharkiv_band_depth_km`?").contains("\"field\":\"assume\"");
    HttpResponse<String> value = f.postJson("/v1/decisions?assume=kharkiv_band_depth_km=wide", "analyst", req);
    assertThat(value.statusCode()).isEqualTo(400);
    assertThat(value.body()).contains("is a number");
    assertThat(f.postJson("/v1/decisions?assume=kharkiv_band_depth_km", "analyst", req).statusCode()).isEqualTo(400);
    String own = req.replace("\"purpose\":", "\"assume\":{\"kharkiv_band_depth_km\":[20]},\"purpose\":");
    HttpResponse<String> type = f.postJson("/v1/decisions", "analyst", own);
    assertThat(type.statusCode()).isEqualTo(400);
    assertThat(type.body()).contains("/assume/kharkiv_band_depth_km");
  }

  @Test
  void aBadOverrideIsWordedForTheParameterThatGaveIt() throws Exception {
    // Core gives the example value; the service words it as its own parameter, not the CLI's --assume.
    String req = ServerFixture.permitRequest("wi-6");
    HttpResponse<String> query = f.postJson("/v1/decisions?assume=kharkiv_band_depth_km=far", "analyst", req);
    assertThat(query.statusCode()).isEqualTo(400);
    JsonNode problem = Json.MAPPER.readTree(query.body());
    assertThat(problem.path("detail").asText()).isEqualTo("query parameter assume: assumption `kharkiv_band_depth_km`"
        + " is a number (km), got `far`; e.g. assume=kharkiv_band_depth_km=100.0");
    assertThat(problem.at("/errors/0/field").asText()).isEqualTo("assume");
    String good = ServerFixture.permitRequest("wi-7");
    String own = ServerFixture.permitRequest("wi-8").replace("\"purpose\":",
        "\"assume\":{\"kharkiv_band_depth_km\":\"far\"},\"purpose\":");
    HttpResponse<String> r = f.post("/v1/decisions", "analyst", "application/x-ndjson", good + "\n" + own + "\n");
    JsonNode err = Json.MAPPER.readTree(r.body().split("\n")[1]).path("error");
    assertThat(err.path("message").asText()).endsWith("; e.g. \"assume\": {\"kharkiv_band_depth_km\": 100.0}");
    assertThat(err.path("at").asText()).isEqualTo("/assume/kharkiv_band_depth_km");
    assertThat(r.body()).doesNotContain("--assume");
  }

  @Test
  void inABatchABadOverrideIsAnsweredInPlace() throws Exception {
    String good = ServerFixture.permitRequest("wi-4");
    String bad = ServerFixture.permitRequest("wi-5").replace("\"purpose\":", "\"assume\":{\"band\":20},\"purpose\":");
    HttpResponse<String> r = f.post("/v1/decisions", "analyst", "application/x-ndjson", good + "\n" + bad + "\n");
    assertThat(r.statusCode()).isEqualTo(200);
    String[] lines = r.body().split("\n");
    assertThat(Json.MAPPER.readTree(lines[0]).path("decision").asText()).isEqualTo("PERMIT");
    JsonNode err = Json.MAPPER.readTree(lines[1]).path("error");
    assertThat(err.path("code").asText()).isEqualTo("assumption.unknown");
    assertThat(err.path("at").asText()).isEqualTo("/assume/band");
  }

  @Test
  void anEngineIsBuiltOncePerAssumptionSet() {
    WhatIfEngines engines = new WhatIfEngines(f.server.engine());
    Caveat a = engines.with(Map.of("kharkiv_band_depth_km", "40"));
    assertThat(engines.with(Map.of("kharkiv_band_depth_km", "40"))).isSameAs(a);
    assertThat(engines.with(Map.of("kharkiv_band_depth_km", "60"))).isNotSameAs(a);
    assertThat(engines.with(Map.of())).isSameAs(f.server.engine().current());
  }
}
