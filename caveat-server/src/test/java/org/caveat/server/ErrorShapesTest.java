package org.caveat.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.caveat.json.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Requests Jetty refuses before any route runs, sent raw over a socket: each answer is RFC 9457
 * problem+json, never Jetty's HTML or plain text.
 */
class ErrorShapesTest {
  static ServerFixture f;

  @BeforeAll
  static void start() throws Exception {
    f = new ServerFixture(null, b -> b.maxBodyBytes(64 * 1024));
  }

  @AfterAll
  static void stop() throws Exception {
    f.close();
  }

  @ParameterizedTest
  @CsvSource({
      "/a%00b, 400",
      "/static/../../etc/passwd, 400",
      "/v1/grants/%2e%2e/%2e%2e/x, 404",
      "/v1/../../healthz, 400",
      "/no/such/route, 404"})
  void refusedPathsAreProblems(String path, int status) throws Exception {
    JsonNode p = problem(send("GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"), status);
    assertThat(p.path("detail").asText()).isNotBlank();
  }

  @Test
  void aHugeHeaderIsA431Problem() throws Exception {
    String big = "X-Big: " + "a".repeat(64 * 1024) + "\r\n";
    problem(send("GET /healthz HTTP/1.1\r\nHost: x\r\n" + big + "Connection: close\r\n\r\n"), 431);
  }

  @Test
  void anOversizedChunkedBodyIsA413Problem() throws Exception {
    StringBuilder req = new StringBuilder("POST /v1/decisions HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
        + f.tokens.get("analyst") + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n"
        + "Connection: close\r\n\r\n");
    String chunk = "x".repeat(8192);
    for (int i = 0; i < 12; i++) req.append(Integer.toHexString(chunk.length())).append("\r\n").append(chunk).append("\r\n");
    req.append("0\r\n\r\n");
    JsonNode p = problem(send(req.toString()), 413);
    assertThat(p.path("detail").asText()).contains("65536 bytes");
  }

  @Test
  void aBrokenChunkIsAProblem() throws Exception {
    String req = "POST /v1/decisions HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + f.tokens.get("analyst")
        + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\n{}\r\n0\r\n\r\n";
    String r = send(req);
    assertThat(r).startsWith("HTTP/1.1 400");
    assertThat(r).containsIgnoringCase("content-type: application/problem+json");
  }

  @Test
  void healthDoesNotShowWhereTheStoreIs() throws Exception {
    String r = send("GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    assertThat(r).contains("\"store\":\"sqlite\"").doesNotContain(f.dir.toString()).doesNotContain("caveat.db");
  }

  /** The raw response to {@code request}, read to the end of the connection (bounded by a timeout). */
  static String send(String request) throws Exception {
    try (Socket s = new Socket("127.0.0.1", f.server.port())) {
      s.setSoTimeout(20_000);
      OutputStream out = s.getOutputStream();
      try {
        out.write(request.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
      } catch (java.io.IOException refusedMidway) {
        // the server answered and closed before reading all of it: read the answer
      }
      InputStream in = s.getInputStream();
      ByteArrayOutputStream got = new ByteArrayOutputStream();
      byte[] buf = new byte[8192];
      int n;
      try {
        while ((n = in.read(buf)) > 0) got.write(buf, 0, n);
      } catch (java.net.SocketException reset) {
        // a connection closed with unread input is reset; what arrived before stands
      }
      return got.toString(StandardCharsets.UTF_8);
    }
  }

  private static JsonNode problem(String response, int status) throws Exception {
    assertThat(response).startsWith("HTTP/1.1 " + status);
    assertThat(response).containsIgnoringCase("content-type: application/problem+json");
    String body = response.substring(response.indexOf("\r\n\r\n") + 4);
    if (response.toLowerCase().contains("transfer-encoding: chunked")) body = body.substring(body.indexOf("\r\n") + 2);
    JsonNode p = Json.MAPPER.readTree(body.substring(0, body.lastIndexOf('}') + 1));
    assertThat(p.path("status").asInt()).isEqualTo(status);
    assertThat(p.path("type").asText()).startsWith("https://caveat.dev/problems/");
    assertThat(p.has("title")).isTrue();
    return p;
  }
}
