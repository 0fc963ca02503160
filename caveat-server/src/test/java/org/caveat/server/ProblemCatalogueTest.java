package org.caveat.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.caveat.json.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every bad body gets RFC 9457 problem+json saying what and where; never a 500, never a trace. */
class ProblemCatalogueTest {
  static ServerFixture f;

  @BeforeAll
  static void start() throws Exception {
    f = new ServerFixture(null, b -> b.maxBodyBytes(64 * 1024).maxBatch(10));
  }

  @AfterAll
  static void stop() throws Exception {
    f.close();
  }

  static JsonNode problem(HttpResponse<String> r, int status) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
        ct -> assertThat(ct).startsWith("application/problem+json"));
    assertThat(r.body()).doesNotContain("Exception").doesNotContain("\tat ");
    JsonNode p = Json.MAPPER.readTree(r.body());
    assertThat(p.path("status").asInt()).isEqualTo(status);
    assertThat(p.path("type").asText()).startsWith("https://");
    assertThat(p.path("title").asText()).isNotBlank();
    assertThat(p.path("detail").asText()).isNotBlank();
    assertThat(p.path("instance").asText()).startsWith("/");
    return p;
  }

  HttpResponse<String> decide(String body) throws Exception {
    return f.postJson("/v1/decisions", "analyst", body);
  }

  @Test
  void malformedJsonNamesLineAndColumn() throws Exception {
    JsonNode p = problem(decide("{\n  \"id\": \"x\",\n  \"time\" 5\n}"), 400);
    JsonNode e = p.path("errors").get(0);
    assertThat(e.path("code").asText()).isEqualTo("json.syntax");
    assertThat(e.path("line").asInt()).isEqualTo(3);
    assertThat(e.path("column").asInt()).isGreaterThan(1);
  }

  @Test
  void truncatedBody() throws Exception {
    String req = ServerFixture.permitRequest("t");
    JsonNode p = problem(decide(req.substring(0, req.length() / 2)), 400);
    assertThat(p.path("errors").get(0).path("code").asText()).isEqualTo("json.syntax");
    assertThat(p.path("detail").asText()).contains("line 1");
  }

  @Test
  void truncatedArray() throws Exception {
    JsonNode p = problem(decide("[" + ServerFixture.permitRequest("a") + ",{\"id\":"), 400);
    assertThat(p.path("errors").get(0).path("code").asText()).isEqualTo("json.syntax");
  }

  @Test
  void latitudeOutOfRangeNamesTheField() throws Exception {
    JsonNode p = problem(decide(ServerFixture.request("lat", 95, 36.0)), 400);
    JsonNode e = p.path("errors").get(0);
    assertThat(e.path("field").asText()).isEqualTo("/target/location/lat");
    assertThat(e.path("code").asText()).isEqualTo("request.range");
    assertThat(e.path("message").asText()).contains("latitude 95").contains("[-90, 90]");
  }

  @Test
  void nanIsNotANumber() throws Exception {
    String body = ServerFixture.permitRequest("nan").replace("\"lat\":50.59", "\"lat\":NaN");
    JsonNode p = problem(decide(body), 400);
    assertThat(p.path("errors").get(0).path("field").asText()).isEqualTo("/target/location/lat");
    assertThat(p.path("errors").get(0).path("message").asText()).contains("finite");
  }

  @Test
  void unknownCategoryGetsADidYouMeanHint() throws Exception {
    JsonNode p = problem(decide(ServerFixture.permitRequest("c").replace("\"artillery\"", "\"artilery\"")), 400);
    JsonNode e = p.path("errors").get(0);
    assertThat(e.path("field").asText()).isEqualTo("/target/category");
    assertThat(e.path("code").asText()).isEqualTo("request.vocabulary");
    assertThat(e.path("hint").asText()).isEqualTo("did you mean `artillery`?");
  }

  @Test
  void deepNestingAndInvalidUtf8AreBadRequestsNotFailures() throws Exception {
    problem(decide("{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}"), 400);
    problem(decide("[" + "[".repeat(5000) + "]".repeat(5000) + "]"), 400);
    java.net.http.HttpResponse<String> r = f.http.send(java.net.http.HttpRequest.newBuilder(f.uri("/v1/decisions"))
        .header("Authorization", "Bearer " + f.tokens.get("analyst")).header("Content-Type", "application/json")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}))
        .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    problem(r, 400);
  }

  @Test
  void emptyBody() throws Exception {
    JsonNode p = problem(decide(""), 400);
    assertThat(p.path("detail").asText()).contains("empty");
    problem(decide("  \n "), 400);
  }

  @Test
  void notAnObject() throws Exception {
    JsonNode p = problem(decide("42"), 400);
    assertThat(p.path("detail").asText()).contains("JSON object");
  }

  @Test
  void bodyTooLarge() throws Exception {
    String big = "[" + (ServerFixture.permitRequest("x") + ",").repeat(400) + ServerFixture.permitRequest("y") + "]";
    JsonNode p = problem(decide(big), 413);
    assertThat(p.path("detail").asText()).contains("limit is 65536 bytes");
  }

  @Test
  void batchOverTheLimit() throws Exception {
    String batch = (ServerFixture.permitRequest("x") + "\n").repeat(11);
    JsonNode p = problem(f.post("/v1/decisions", "analyst", "application/x-ndjson", batch), 413);
    assertThat(p.path("detail").asText()).contains("more than 10 requests");
  }

  @Test
  void wrongContentType() throws Exception {
    JsonNode p = problem(f.post("/v1/decisions", "analyst", "text/csv", "a,b\n1,2\n"), 415);
    assertThat(p.path("detail").asText()).contains("text/csv").contains("application/json");
  }

  @Test
  void unknownRouteAndWrongMethod() throws Exception {
    problem(f.get("/v1/nothing-here", "analyst"), 404);
    JsonNode p = problem(f.get("/v1/decisions", "analyst"), 405);
    assertThat(p.path("detail").asText()).contains("GET");
  }

  @Test
  void unknownGrantAndVersionSuggest() throws Exception {
    JsonNode p = problem(f.get("/v1/grants/us-uaa/versions", "reader"), 404);
    assertThat(p.path("detail").asText()).contains("did you mean `us-ua`");
    p = problem(f.get("/v1/grants/us-ua/versions/2024-05-31", "reader"), 404);
    assertThat(p.path("detail").asText()).contains("did you mean `2024-05-30`");
  }

  @Test
  void badQueryParameters() throws Exception {
    JsonNode p = problem(f.postJson("/v1/decisions?as_of=yesterday", "analyst", ServerFixture.permitRequest("q")), 400);
    assertThat(p.path("errors").get(0).path("field").asText()).isEqualTo("as_of");
    problem(f.postJson("/v1/decisions?quotes=maybe", "analyst", ServerFixture.permitRequest("q")), 400);
    problem(f.get("/v1/log/proof/abc", "reader"), 400);
    problem(f.get("/v1/grants/us-ua/diff?from=2022-06-01", "reader"), 400);
  }

  @Test
  void aDuplicateKeyInTheOneRequestIsRefusedWithItsCodeAndPointer() throws Exception {
    String body = ServerFixture.permitRequest("dup").replaceFirst("\\{", "{\"user\":\"XX\",");
    JsonNode e = problem(decide(body), 400).path("errors").get(0);
    assertThat(e.path("code").asText()).isEqualTo("request.duplicate_key");
    assertThat(e.path("field").asText()).isEqualTo("/user");
  }

  @Test
  void aDuplicateKeyInOneArrayItemIsAnsweredInPlace() throws Exception {
    String dup = ServerFixture.permitRequest("dup").replaceFirst("\\{", "{\"user\":\"XX\",");
    HttpResponse<String> r = decide("[" + ServerFixture.permitRequest("a") + "," + dup + "]");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode answers = Json.MAPPER.readTree(r.body());
    assertThat(answers.get(0).path("decision").asText()).isEqualTo("PERMIT");
    assertThat(answers.get(1).path("error").path("code").asText()).isEqualTo("request.duplicate_key");
  }

  @Test
  void aByteOrderMarkBeforeAnArrayIsIgnored() throws Exception {
    HttpResponse<String> r = decide("\uFEFF[" + ServerFixture.permitRequest("a") + "]");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(Json.MAPPER.readTree(r.body()).isArray()).isTrue();
  }
}
