package org.caveat.server.decide;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.compression.CompressionStrategy;
import io.javalin.compression.LeveledGzipStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.caveat.server.CaveatServer;
import org.caveat.store.Store;
import org.caveat.store.StoreConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link SingleDecisionHandler}, the single-decision route ahead of Javalin, answers exactly as
 * Javalin's route ({@link DecisionRoutes}) does. A query string sends a request to Javalin's route
 * ({@code ?quotes=false} changes nothing else), so each generated body is posted both ways and the
 * statuses, headers and bytes compared: sound requests, every kind of bad one (those the handler
 * hands on with their bytes, and those it answers itself), compressed answers, and the token limit.
 */
class SingleDecisionHandlerTest {
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static Store store;
  private static CaveatServer server;
  private static String token;

  @BeforeAll
  static void start() throws IOException {
    store = Store.open(StoreConfig.sqlite(Files.createTempDirectory("caveat-single-handler")));
    token = store.tokens().create("analyst", Set.of("analyst")).secret();
    server = CaveatServer.builder().store(store).port(0).maxRequestsPerToken(1)
        .clock(Clock.fixed(Instant.parse("2024-06-01T03:00:00Z"), ZoneOffset.UTC)).start();
  }

  @AfterAll
  static void stop() {
    server.close();
    store.close();
  }

  @Test
  void generatedBodiesAreAnsweredAsByJavalinsRoute() throws Exception {
    Random r = new Random(11);
    int fast = 0, answered = 0;
    for (int i = 0; i < 400; i++) {
      String body = Requests.body(r);
      String type = i % 7 == 0 ? null : i % 11 == 0 ? "application/json; charset=utf-8" : "application/json";
      long before = store.log().head().size(), directBefore = direct();
      HttpResponse<byte[]> viaHandler = post("/v1/decisions", type, body, null);
      if (viaHandler.statusCode() == 200) answered++;
      long directAfter = direct();
      if (directAfter == directBefore + 1) {
        fast++;
        assertThat(viaHandler.statusCode()).as(body).isEqualTo(200);
        assertThat(store.log().head().size()).as("logged before answered").isEqualTo(before + 1);
      }
      HttpResponse<byte[]> viaJavalin = post("/v1/decisions?quotes=false", type, body, null);
      assertThat(direct()).as("a query string goes to Javalin's route").isEqualTo(directAfter);
      assertSameResponse(viaHandler, viaJavalin, body);
    }
    // the rest carry what-ifs or non-ASCII text, which the direct path hands on by design (94 of 107 here)
    assertThat(fast).as("answered by the direct path, of %d answered", answered).isGreaterThan(answered * 3 / 4);
  }

  @Test
  void otherBodiesAndCallersAreAnsweredAsByJavalinsRoute() throws Exception {
    String one = "{\"id\":\"h-1\",\"time\":\"2024-06-01T03:00:00Z\",\"user\":\"UA\",\"weapon\":{\"origin\":\"US\","
        + "\"class\":\"rocket_artillery\"},\"target\":{\"location\":{\"lat\":50.59,\"lon\":36.58},"
        + "\"category\":\"artillery\",\"activity\":\"attacking\",\"used_in_invasion\":true}}";
    String[] bodies = {"", "   \n", "[" + one + "," + one + "]", one + "\n" + one, "{\"id\":", "[]", "null", "7",
        one.replace("h-1", "h-\u00e9"), one.replace("}}", "},\"assume\":{\"kharkiv_band_depth_km\":20}}")};
    for (String body : bodies) {
      for (String type : new String[] {"application/json", "application/x-ndjson", "text/plain", null}) {
        assertSameResponse(post("/v1/decisions", type, body, null), post("/v1/decisions?quotes=false", type, body, null),
            body);
      }
    }
    // Refused callers: the direct path refuses them itself, through the admission Javalin's routes take.
    String reader = store.tokens().create("reader", Set.of("reader")).secret();
    String[] auths = {null, "", "   ", "Bearer nope", "bearer   nope  ", "Basic abc", "Bearer", "Bearer " + reader};
    int[] statuses = {401, 401, 401, 401, 401, 401, 401, 403};
    for (int i = 0; i < auths.length; i++) {
      long directBefore = direct();
      HttpResponse<byte[]> viaHandler = postAs("/v1/decisions", auths[i], one);
      HttpResponse<byte[]> viaJavalin = postAs("/v1/decisions?quotes=false", auths[i], one);
      assertThat(viaHandler.statusCode()).as(auths[i]).isEqualTo(statuses[i]);
      assertThat(viaHandler.headers().firstValue("WWW-Authenticate")).as(auths[i]).isPresent();
      assertSameResponse(viaHandler, viaJavalin, String.valueOf(auths[i]));
      assertThat(direct()).as("a refusal is no decision").isEqualTo(directBefore);
    }
    assertThat(postAs("/v1/decisions", "Bearer " + reader, one).body()).asString(StandardCharsets.UTF_8)
        .contains("role.missing").contains("lacks the role `analyst`");
  }

  private static HttpResponse<byte[]> postAs(String path, String authorization, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url() + path))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    if (authorization != null) b.header("Authorization", authorization);
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void answersAreCompressedAsJavalinCompressesThem() throws Exception {
    // The built-in packs' single answers stay under Javalin's 1,500 bytes: posted both ways, none is compressed.
    String body = "{\"id\":\"" + "x".repeat(256) + "\",\"time\":\"2024-06-01T03:00:00Z\",\"user\":\"UA\",\"weapon\":"
        + "{\"origin\":\"US\",\"class\":\"rocket_artillery\"},\"target\":{\"location\":{\"lat\":50.59,\"lon\":36.58},"
        + "\"category\":\"artillery\",\"activity\":\"attacking\",\"used_in_invasion\":true}}";
    for (String accept : new String[] {"gzip", "br, gzip;q=0.5", "identity"}) {
      assertSameResponse(post("/v1/decisions", "application/json", body, accept),
          post("/v1/decisions?quotes=false", "application/json", body, accept), accept);
    }
    // Longer answers (other policies): as Javalin's compressed stream writes them, GZIP at level 6.
    byte[] answer = ("{\"id\":\"" + "y".repeat(2000) + "\"}").getBytes(StandardCharsets.UTF_8);
    SingleDecisionHandler.Encoded gzip = SingleDecisionHandler.line(answer, "br, gzip", CompressionStrategy.GZIP);
    assertThat(gzip.encoding()).isEqualTo("gzip");
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    try (OutputStream out = new LeveledGzipStream(expected, 6)) {
      out.write(answer);
      out.write('\n');
    }
    assertThat(gzip.bytes()).isEqualTo(expected.toByteArray());
    assertThat(gunzip(gzip.bytes())).isEqualTo(new String(answer, StandardCharsets.UTF_8) + "\n");
    for (String accept : new String[] {null, "", "identity", "deflate"}) {
      SingleDecisionHandler.Encoded plain = SingleDecisionHandler.line(answer, accept, CompressionStrategy.GZIP);
      assertThat(plain.encoding()).as(accept).isNull();
      assertThat(new String(plain.bytes(), StandardCharsets.UTF_8)).endsWith("\"}\n").hasSize(answer.length + 1);
    }
    assertThat(SingleDecisionHandler.line(answer, "gzip", CompressionStrategy.NONE).encoding()).isNull();
    assertThat(SingleDecisionHandler.line("{}".getBytes(StandardCharsets.UTF_8), "gzip", CompressionStrategy.GZIP).encoding())
        .isNull();
  }

  @Test
  void aTokenOverItsLimitIsRefusedWithAProblem() throws Exception {
    // maxRequestsPerToken(1): a request whose body has not arrived holds the token's one slot
    try (Socket slow = new Socket("127.0.0.1", server.port())) {
      slow.getOutputStream().write(("POST /v1/decisions HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
          + "\r\nContent-Type: application/json\r\nContent-Length: 50\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
      slow.getOutputStream().flush();
      HttpResponse<byte[]> refused = null;
      for (int i = 0; i < 200 && (refused == null || refused.statusCode() != 429); i++) {
        Thread.sleep(10);
        refused = post("/v1/decisions", "application/json", "{\"id\":\"x\"}", null);
      }
      assertThat(refused.statusCode()).isEqualTo(429);
      assertThat(refused.headers().firstValue("Content-Type")).contains("application/problem+json");
      assertThat(new String(refused.body(), StandardCharsets.UTF_8)).contains("too-many-requests")
          .contains("\"instance\":\"/v1/decisions\"");
    }
  }

  /** Single decisions the direct path has answered, from the server's {@code /metrics}. */
  private static long direct() throws IOException, InterruptedException {
    String metrics = HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + "/metrics")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^caveat_decisions_direct_total ([0-9.E]+)$")
        .matcher(metrics);
    assertThat(m.find()).as("caveat_decisions_direct_total in /metrics").isTrue();
    return (long) Double.parseDouble(m.group(1));
  }

  private static HttpResponse<byte[]> post(String path, String type, String body, String acceptEncoding)
      throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url() + path))
        .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofString(body));
    if (type != null) b.header("Content-Type", type);
    if (acceptEncoding != null) b.header("Accept-Encoding", acceptEncoding);
    // a slot is freed just after the answer is sent: retry the rare 429 of a request sent before
    HttpResponse<byte[]> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    for (int i = 0; i < 50 && r.statusCode() == 429; i++) {
      Thread.sleep(5);
      r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
    return r;
  }

  private static void assertSameResponse(HttpResponse<byte[]> a, HttpResponse<byte[]> b, String what) {
    assertThat(a.statusCode()).as(what).isEqualTo(b.statusCode());
    assertThat(a.statusCode()).as(what).isNotEqualTo(500);
    // Not Connection: Jetty closes a connection whose body a refusal left unread (415) only when the
    // body had not arrived yet, which depends on the client's timing, not on the route.
    for (String h : new String[] {"Content-Type", "Content-Encoding", "Content-Length", "WWW-Authenticate"}) {
      assertThat(a.headers().firstValue(h)).as(what + ": " + h).isEqualTo(b.headers().firstValue(h));
    }
    assertThat(new String(a.body(), StandardCharsets.ISO_8859_1)).as(what)
        .isEqualTo(new String(b.body(), StandardCharsets.ISO_8859_1).replace("?quotes=false", ""));
  }

  private static String gunzip(byte[] bytes) throws IOException {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
