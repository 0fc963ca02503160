package org.caveat.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.caveat.Caveat;
import org.caveat.json.AnswerWriter;
import org.caveat.json.Json;
import org.caveat.json.RequestReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** POST /v1/decisions over real HTTP: single, array and NDJSON, byte-equal to the CLI's rendering. */
class DecisionsTest {
  static ServerFixture f;
  static Caveat reference;

  @BeforeAll
  static void start() throws Exception {
    f = new ServerFixture();
    reference = Caveat.builder().build();
  }

  @AfterAll
  static void stop() throws Exception {
    f.close();
  }

  /** What {@code caveat check} writes for one request: caveat-core's AnswerWriter, one line. */
  static String cliLine(String requestJson, boolean quotes) throws Exception {
    var parsed = RequestReader.read(Json.MAPPER.readTree(requestJson));
    return AnswerWriter.toJson(reference.answer(parsed.request()), quotes);
  }

  @Test
  void oneRequestGetsOneAnswerByteEqualToTheCli() throws Exception {
    String req = ServerFixture.permitRequest("evt-1");
    HttpResponse<String> r = f.postJson("/v1/decisions", "analyst", req);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).startsWith("application/json"));
    assertThat(r.body()).isEqualTo(cliLine(req, false) + "\n");
    assertThat(Json.MAPPER.readTree(r.body()).path("decision").asText()).isEqualTo("PERMIT");
  }

  @Test
  void quotesAddSourcesAsTheCliOptionDoes() throws Exception {
    String req = ServerFixture.permitRequest("evt-q");
    HttpResponse<String> r = f.postJson("/v1/decisions?quotes=true", "analyst", req);
    assertThat(r.body()).isEqualTo(cliLine(req, true) + "\n");
    assertThat(r.body()).contains("\"sources\":{");
  }

  @Test
  void asOfFillsAMissingTime() throws Exception {
    String req = ServerFixture.permitRequest("evt-asof").replace("\"time\":\"2024-06-01T03:00:00Z\",", "");
    HttpResponse<String> r = f.postJson("/v1/decisions?as_of=2024-06-01", "analyst", req);
    assertThat(r.statusCode()).isEqualTo(200);
    String withTime = req.replace("{\"id\":\"evt-asof\",", "{\"id\":\"evt-asof\",\"time\":\"2024-06-01T00:00:00Z\",");
    assertThat(r.body()).isEqualTo(cliLine(withTime, false) + "\n");
    // The log records the request as decided: with the time it was given, so it replays on its own.
    long last = f.store.log().head().size() - 1;
    JsonNode logged = Json.MAPPER.readTree(f.get("/v1/log/entries/" + last, "reader").body()).path("request");
    assertThat(logged.path("id").asText()).isEqualTo("evt-asof");
    assertThat(logged.path("time").asText()).isEqualTo("2024-06-01T00:00:00Z");
  }

  @Test
  void asOfInABatchFillsOnlyTheRequestsWithoutATime() throws Exception {
    String own = ServerFixture.permitRequest("b-own");
    String none = ServerFixture.permitRequest("b-none").replace("\"time\":\"2024-06-01T03:00:00Z\"", "\"time\":null");
    HttpResponse<String> r = f.post("/v1/decisions?as_of=2024-06-01", "analyst", "application/x-ndjson",
        own + "\n" + none + "\n");
    assertThat(r.statusCode()).isEqualTo(200);
    String[] lines = r.body().split("\n");
    assertThat(lines[0]).isEqualTo(cliLine(own, false));
    assertThat(lines[1]).isEqualTo(cliLine(none.replace("\"time\":null", "\"time\":\"2024-06-01T00:00:00Z\""), false));
  }

  @Test
  void anArrayGetsAnArrayOfTheSameLinesWithErrorsInPlace() throws Exception {
    String bad = ServerFixture.permitRequest("evt-bad").replace("\"artillery\"", "\"artilery\"");
    List<String> reqs = List.of(ServerFixture.permitRequest("a1"), bad, ServerFixture.denyRequest("a3"));
    HttpResponse<String> r = f.postJson("/v1/decisions", "analyst", "[" + String.join(",\n", reqs) + "]");
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode arr = Json.MAPPER.readTree(r.body());
    assertThat(arr.isArray()).isTrue();
    assertThat(arr).hasSize(3);
    String[] lines = r.body().split("\n");
    assertThat(lines[0]).isEqualTo("[");
    assertThat(lines[1]).isEqualTo(cliLine(reqs.get(0), false) + ",");
    assertThat(arr.get(1).path("error").path("code").asText()).isEqualTo("request.vocabulary");
    assertThat(arr.get(1).path("error").path("message").asText()).contains("did you mean `artillery`");
    assertThat(lines[3]).isEqualTo(cliLine(reqs.get(2), false));
    assertThat(arr.get(2).path("decision").asText()).isEqualTo("DENY");
  }

  @Test
  void ndjsonGetsNdjsonByteEqualToTheCli() throws Exception {
    List<String> reqs = new ArrayList<>();
    StringBuilder expected = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      String q = i % 3 == 0 ? ServerFixture.denyRequest("n" + i) : ServerFixture.permitRequest("n" + i);
      reqs.add(q);
      expected.append(cliLine(q, false)).append('\n');
    }
    HttpResponse<String> r = f.post("/v1/decisions", "analyst", "application/x-ndjson", String.join("\n", reqs) + "\n");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).startsWith("application/x-ndjson"));
    assertThat(r.body()).isEqualTo(expected.toString());
  }

  @Test
  void ndjsonIsDetectedWithoutItsContentTypeAndMalformedLinesAreAnsweredInPlace() throws Exception {
    String body = ServerFixture.permitRequest("d1") + "\n{\"id\":\"d2\",,}\n" + ServerFixture.permitRequest("d3") + "\n";
    HttpResponse<String> r = f.postJson("/v1/decisions", "analyst", body);
    assertThat(r.statusCode()).isEqualTo(200);
    String[] lines = r.body().split("\n");
    assertThat(lines).hasSize(3);
    assertThat(lines[0]).isEqualTo(cliLine(ServerFixture.permitRequest("d1"), false));
    assertThat(Json.MAPPER.readTree(lines[1]).path("error").path("code").asText()).isEqualTo("json.syntax");
    assertThat(lines[2]).isEqualTo(cliLine(ServerFixture.permitRequest("d3"), false));
  }

  @Test
  void everyDecisionIsLoggedBeforeTheAnswer() throws Exception {
    long before = f.store.log().head().size();
    HttpResponse<String> r = f.postJson("/v1/decisions", "analyst",
        "[" + ServerFixture.permitRequest("l1") + "," + ServerFixture.denyRequest("l2") + "]");
    assertThat(r.statusCode()).isEqualTo(200);
    // The answer was sent after the commit, so the entries are there the moment it arrives.
    assertThat(f.store.log().head().size()).isGreaterThanOrEqualTo(before + 2);
    var record = f.store.log().entry(f.store.log().head().size() - 1).orElseThrow();
    var last = record.entry();
    assertThat(List.of("l1", "l2")).contains(last.id());
    assertThat(record.format()).isEqualTo(3);
    assertThat(record.decision().decision()).isIn("PERMIT", "DENY");
    assertThat(last.versionHashes()).allSatisfy(h -> assertThat(h).startsWith("sha256:"));
  }
}
