package org.caveat.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.caveat.json.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /v1/events/decide} over real HTTP with the shipped synthetic ACLED file: every line
 * is the golden {@code caveat replay} line plus the event's position and time, the summary counts them,
 * every decision is logged, and the route's own body limit (not the server's) applies.
 */
class EventsDecideTest {
  static final Path CSV = Path.of("../examples/replay/synthetic-300.csv");
  static final Path GOLDEN = Path.of("../examples/replay/synthetic-300.decisions.ndjson");
  static ServerFixture f;

  @BeforeAll
  static void start() throws Exception {
    // A server body limit far below the file: the events route has its own (here 1 MiB).
    f = new ServerFixture(null, b -> b.maxBodyBytes(4096).maxEventBytes(1 << 20));
  }

  @AfterAll
  static void stop() throws Exception {
    f.close();
  }

  static HttpResponse<String> send(String query, HttpRequest.BodyPublisher body) throws Exception {
    return f.http.send(HttpRequest.newBuilder(f.uri("/v1/events/decide" + query)).POST(body)
        .header("Authorization", "Bearer " + f.tokens.get("analyst")).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  @Test
  void theSyntheticFileStreamsTheReplayLinesWithPositionsThenTheSummary() throws Exception {
    long logBefore = Json.MAPPER.readTree(f.get("/v1/log/head", "reader").body()).path("size").asLong();
    HttpResponse<String> r = send("", HttpRequest.BodyPublishers.ofFile(CSV));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/x-ndjson");
    List<String> lines = r.body().lines().toList();
    List<String> golden = Files.readAllLines(GOLDEN);
    List<String> rows = Files.readAllLines(CSV);
    assertThat(lines).hasSize(golden.size() + 1);
    for (int i = 0; i < golden.size(); i++) {
      JsonNode line = Json.MAPPER.readTree(lines.get(i));
      if (line.has("decision")) {
        assertThat(line.path("lat").isNumber()).isTrue();
        assertThat(line.path("lon").isNumber()).isTrue();
        // The event's time as decided: the ACLED row's event_date (second column), as an instant.
        String eventDate = rows.get(line.path("line").asInt() - 1).split(",", 3)[1];
        assertThat(line.path("time").asText()).as(lines.get(i)).startsWith(eventDate + "T").endsWith("Z");
        assertThat(java.time.Instant.parse(line.path("time").asText())).isNotNull();
      }
      assertThat(lines.get(i).replaceFirst(",\"lat\":[-0-9.E]+,\"lon\":[-0-9.E]+,\"time\":\"[-0-9T:.Z]+\"}$", "}"))
          .isEqualTo(golden.get(i));
    }
    JsonNode summary = Json.MAPPER.readTree(lines.get(lines.size() - 1)).path("summary");
    assertThat(summary.path("events").asLong()).isEqualTo(300);
    assertThat(summary.path("decided").asLong()).isEqualTo(268);
    assertThat(summary.path("unattributed").asLong()).isEqualTo(32);
    assertThat(summary.path("bad").asLong()).isZero();
    assertThat(summary.path("decisions").path("PERMIT").asLong()).isPositive();
    long logAfter = Json.MAPPER.readTree(f.get("/v1/log/head", "reader").body()).path("size").asLong();
    assertThat(logAfter - logBefore).isEqualTo(268);
  }

  @Test
  void badRowsAreAnsweredInPlaceAndCounted() throws Exception {
    String ndjson = ServerFixture.permitRequest("ev-1") + "\n{\"id\":\"ev-2\",\"time\":\"2024-06-01T00:00:00Z\"}\n"
        + ServerFixture.denyRequest("ev-3") + "\n";
    HttpResponse<String> r = send("?format=ndjson", HttpRequest.BodyPublishers.ofString(ndjson));
    List<String> lines = r.body().lines().toList();
    assertThat(lines).hasSize(4);
    assertThat(Json.MAPPER.readTree(lines.get(0)).path("decision").asText()).isEqualTo("PERMIT");
    JsonNode bad = Json.MAPPER.readTree(lines.get(1));
    assertThat(bad.path("error").path("code").asText()).isEqualTo("event.bad");
    assertThat(bad.path("line").asLong()).isEqualTo(2);
    assertThat(Json.MAPPER.readTree(lines.get(3)).path("summary").path("bad").asLong()).isEqualTo(1);
  }

  @Test
  void bodiesOverTheRouteLimitAre413EvenWhileStreaming() throws Exception {
    byte[] big = new byte[(1 << 20) + 10];
    java.util.Arrays.fill(big, (byte) ' ');
    big[0] = '[';
    HttpResponse<String> declared = send("", HttpRequest.BodyPublishers.ofByteArray(big));
    assertThat(declared.statusCode()).isEqualTo(413);
    assertThat(declared.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    // Without a Content-Length the limit is found while reading: the stream ends with an error line.
    byte[] rows = (ServerFixture.permitRequest("big") + "\n").repeat(5000).getBytes(StandardCharsets.UTF_8);
    assertThat(rows.length).isGreaterThan(1 << 20);
    HttpResponse<String> chunked = send("?format=ndjson",
        HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(rows)));
    List<String> lines = chunked.body().lines().toList();
    assertThat(lines.get(lines.size() - 2)).contains("\"status\":413").contains("too-large");
    assertThat(Json.MAPPER.readTree(lines.get(lines.size() - 1)).has("summary")).isTrue();
  }

  @Test
  void aBodyTrickledSlowerThanTheReadTimeoutIsA408ProblemAsOnEveryRoute() throws Exception {
    try (ServerFixture slow = new ServerFixture(null, b -> b.bodyReadTimeout(java.time.Duration.ofSeconds(1))
        .idleTimeout(java.time.Duration.ofSeconds(30)));
        java.net.Socket s = new java.net.Socket("127.0.0.1", slow.server.port())) {
      s.setSoTimeout(30_000);
      java.io.OutputStream out = s.getOutputStream();
      out.write(("POST /v1/events/decide HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
          + slow.tokens.get("analyst") + "\r\nContent-Length: 100000\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      java.io.InputStream in = s.getInputStream();
      // One byte every 200 ms (well within the idle timeout) until the server answers, for at most 20 s:
      // the format is still being detected, so nothing is answered yet and the 408 is a problem.
      for (int i = 0; i < 100 && in.available() == 0; i++) {
        try {
          out.write(' ');
          out.flush();
        } catch (java.io.IOException closed) {
          break; // the server answered and closed the connection
        }
        Thread.sleep(200);
      }
      StringBuilder head = new StringBuilder();
      for (int c; !head.toString().endsWith("\r\n\r\n") && (c = in.read()) >= 0; ) head.append((char) c);
      assertThat(head.toString()).startsWith("HTTP/1.1 408").containsIgnoringCase("content-type: application/problem+json");
    }
  }

  @Test
  void unknownFormatsAndEmptyBodiesAreProblems() throws Exception {
    HttpResponse<String> format = send("?format=xlsx", HttpRequest.BodyPublishers.ofString("a,b\n"));
    assertThat(format.statusCode()).isEqualTo(400);
    assertThat(format.body()).contains("acled, ndjson or geojson");
    HttpResponse<String> unknown = send("", HttpRequest.BodyPublishers.ofString("hello,world\n1,2\n"));
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body()).contains("?format=");
    assertThat(send("", HttpRequest.BodyPublishers.noBody()).statusCode()).isEqualTo(400);
    assertThat(send("?as_of=yesterday", HttpRequest.BodyPublishers.ofString("{}")).statusCode()).isEqualTo(400);
    HttpResponse<String> reader = f.http.send(HttpRequest.newBuilder(f.uri("/v1/events/decide"))
        .POST(HttpRequest.BodyPublishers.ofString("{}")).header("Authorization", "Bearer " + f.tokens.get("reader"))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(reader.statusCode()).isEqualTo(403);
  }
}
