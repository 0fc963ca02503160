package org.caveat.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.caveat.Caveat;
import org.caveat.json.AnswerWriter;
import org.caveat.json.Json;
import org.caveat.json.RequestReader;
import org.junit.jupiter.api.Test;

/**
 * Bodies over 1 MiB are streamed: decided and answered group by group. The answers are the bytes
 * {@code caveat check} writes, in input order; the batch limit and the body limit crossed after
 * the first group end the batch with one error in place, the answers before it logged.
 */
class StreamedBatchTest {
  static final Caveat REFERENCE = Caveat.builder().build();

  /** What {@code caveat check} writes for one request (as {@link DecisionsTest#cliLine}). */
  static String cliLine(String requestJson) throws Exception {
    return AnswerWriter.toJson(REFERENCE.answer(RequestReader.read(Json.MAPPER.readTree(requestJson)).request()), false);
  }

  /** A body sent chunked (no Content-Length), as a client streaming it would. */
  static HttpResponse<String> postChunked(ServerFixture f, String contentType, String body) throws Exception {
    HttpRequest r = HttpRequest.newBuilder(f.uri("/v1/decisions"))
        .POST(HttpRequest.BodyPublishers.ofInputStream(
            () -> new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))))
        .header("Content-Type", contentType).header("Authorization", "Bearer " + f.tokens.get("analyst")).build();
    return f.http.send(r, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** {@code n} requests (alternately permitted and denied), ~330 bytes each: 4,000 make ~1.3 MB. */
  static List<String> requests(int n) {
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(i % 2 == 0 ? ServerFixture.permitRequest("s-" + i) : ServerFixture.denyRequest("s-" + i));
    }
    return out;
  }

  @Test
  void aLargeNdjsonBatchIsAnsweredInOrderByteEqualToTheCli() throws Exception {
    try (ServerFixture f = new ServerFixture()) {
      List<String> reqs = requests(4_000);
      String body = String.join("\n", reqs) + "\n";
      assertThat(body.length()).isGreaterThan(1 << 20);
      HttpResponse<String> r = f.post("/v1/decisions", "analyst", "application/x-ndjson", body);
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).startsWith("application/x-ndjson"));
      StringBuilder expected = new StringBuilder();
      for (String q : reqs) expected.append(cliLine(q)).append('\n');
      assertThat(r.body()).isEqualTo(expected.toString());
      assertThat(f.store.log().head().size()).isEqualTo(4_000);
      assertThat(f.store.log().verify().ok()).isTrue();
    }
  }

  @Test
  void aLargeNdjsonBatchWithBadLinesIsAnsweredAsTheSameLinesInSmallBodies() throws Exception {
    try (ServerFixture f = new ServerFixture()) {
      List<String> lines = new ArrayList<>(requests(4_000));
      for (int i = 5; i < lines.size(); i += 97) lines.set(i, "{\"id\": oops}");
      for (int i = 7; i < lines.size(); i += 101) lines.set(i, lines.get(i).replace("\"user\"", "\"usr\""));
      for (int i = 9; i < lines.size(); i += 103) lines.set(i, lines.get(i).replace("s-" + i, "s-\u00e9-" + i));
      for (int i = 11; i < lines.size(); i += 107) lines.set(i, lines.get(i).replace("{", "{ \"assume\": {}, "));
      String body = String.join("\n", lines) + "\n";
      assertThat(body.length()).isGreaterThan(1 << 20);
      HttpResponse<String> whole = f.post("/v1/decisions", "analyst", "application/x-ndjson", body);
      assertThat(whole.statusCode()).isEqualTo(200);
      StringBuilder expected = new StringBuilder();
      for (int from = 0; from < lines.size(); from += 1_000) {
        String part = String.join("\n", lines.subList(from, Math.min(lines.size(), from + 1_000))) + "\n";
        HttpResponse<String> small = f.post("/v1/decisions", "analyst", "application/x-ndjson", part);
        assertThat(small.statusCode()).isEqualTo(200);
        // the same answers; an error's line is counted from the start of its own body
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"at\":\"line (\\d+)\"").matcher(small.body());
        int offset = from;
        expected.append(m.replaceAll(r -> "\"at\":\"line " + (Integer.parseInt(r.group(1)) + offset) + "\""));
      }
      assertThat(whole.body()).contains("\"json.syntax\"").isEqualTo(expected.toString());
    }
  }

  @Test
  void aLargeArrayIsAnsweredAsTheArrayOfTheCliLines() throws Exception {
    try (ServerFixture f = new ServerFixture()) {
      List<String> reqs = requests(4_000);
      HttpResponse<String> r = f.postJson("/v1/decisions", "analyst", "[\n" + String.join(",\n", reqs) + "\n]");
      assertThat(r.statusCode()).isEqualTo(200);
      List<String> lines = new ArrayList<>();
      for (String q : reqs) lines.add(cliLine(q));
      assertThat(r.body()).isEqualTo("[\n" + String.join(",\n", lines) + "\n]\n");
    }
  }

  @Test
  void theBatchLimitCrossedAfterTheFirstGroupEndsTheBatchWithAnErrorInPlace() throws Exception {
    try (ServerFixture f = new ServerFixture(null, b -> b.maxBatch(600))) {
      List<String> reqs = requests(4_000);
      HttpResponse<String> r = f.post("/v1/decisions", "analyst", "application/x-ndjson", String.join("\n", reqs));
      assertThat(r.statusCode()).isEqualTo(200);
      String[] lines = r.body().split("\n");
      assertThat(lines).hasSize(601);
      for (int i = 0; i < 600; i++) assertThat(lines[i]).isEqualTo(cliLine(reqs.get(i)));
      JsonNode last = Json.MAPPER.readTree(lines[600]);
      assertThat(last.path("error").path("code").asText()).isEqualTo("batch.too_large");
      assertThat(last.path("error").path("at").asText()).isEqualTo("line 601");
      assertThat(last.path("error").path("message").asText()).contains("more than 600 requests");
      assertThat(f.store.log().head().size()).as("exactly the answered requests are logged").isEqualTo(600);
    }
  }

  @Test
  void theBatchLimitCrossedInTheFirstGroupIsA413WithNothingDecided() throws Exception {
    try (ServerFixture f = new ServerFixture(null, b -> b.maxBatch(100))) {
      HttpResponse<String> r = f.postJson("/v1/decisions", "analyst", "[" + String.join(",", requests(4_000)) + "]");
      assertThat(r.statusCode()).isEqualTo(413);
      assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
      assertThat(r.body()).contains("more than 100 requests");
      assertThat(f.store.log().head().size()).isZero();
    }
  }

  @Test
  void theBodyLimitCrossedMidStreamEndsTheArrayWithAnErrorInPlace() throws Exception {
    try (ServerFixture f = new ServerFixture(null, b -> b.maxBodyBytes(1_500_000))) {
      List<String> reqs = requests(6_000); // ~2.4 MB
      HttpResponse<String> r = postChunked(f, "application/json", "[" + String.join(",", reqs) + "]");
      assertThat(r.statusCode()).isEqualTo(200);
      JsonNode answers = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body());
      assertThat(answers.isArray()).as("the array is closed").isTrue();
      JsonNode last = answers.get(answers.size() - 1);
      assertThat(last.path("error").path("code").asText()).isEqualTo("body.too_large");
      assertThat(last.path("error").path("message").asText()).contains("1500000 bytes");
      int decided = answers.size() - 1;
      assertThat(decided).isBetween(512, 6_000);
      for (int i = 0; i < decided; i++) assertThat(answers.get(i).path("id").asText()).isEqualTo("s-" + i);
      assertThat(f.store.log().head().size()).isEqualTo(decided);
    }
  }

  @Test
  void aBrokenArrayAfterTheFirstGroupKeepsTheAnswersBeforeIt() throws Exception {
    try (ServerFixture f = new ServerFixture()) {
      List<String> reqs = requests(4_000);
      String body = "[" + String.join(",\n", reqs.subList(0, 3_500)) + ",\n{\"id\": oops}\n]";
      HttpResponse<String> r = f.postJson("/v1/decisions", "analyst", body);
      assertThat(r.statusCode()).isEqualTo(200);
      JsonNode answers = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body());
      assertThat(answers).hasSize(3_501);
      assertThat(answers.get(3_500).path("error").path("code").asText()).isEqualTo("json.syntax");
      assertThat(answers.get(3_500).path("error").path("at").asText()).isEqualTo("line 3501");
      assertThat(f.store.log().head().size()).isEqualTo(3_500);
    }
  }
}
