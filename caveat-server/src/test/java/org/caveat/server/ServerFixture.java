package org.caveat.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.caveat.store.Store;
import org.caveat.store.StoreConfig;

/**
 * A real server on a loopback ephemeral port over a real SQLite store in a temporary folder (or
 * any store given), with one token per role the tests need, and a real HTTP client.
 */
final class ServerFixture implements AutoCloseable {
  final Path dir;
  final Store store;
  final CaveatServer server;
  final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  final Map<String, String> tokens = new LinkedHashMap<>();

  ServerFixture() throws IOException {
    this(null, b -> {});
  }

  /** @param store null for a SQLite store in a fresh temporary folder */
  ServerFixture(Store store, java.util.function.Consumer<CaveatServer.Builder> settings) throws IOException {
    this.dir = Files.createTempDirectory("caveat-server-test");
    this.store = store != null ? store : Store.open(StoreConfig.sqlite(dir));
    token("admin", "admin");
    token("analyst", "analyst");
    token("analyst2", "analyst");
    token("reader", "reader");
    token("us-approver", "approver:US", "analyst");
    token("us-approver2", "approver:US");
    token("gb-approver", "approver:GB");
    CaveatServer.Builder b = CaveatServer.builder().store(this.store).port(0).clock(Clock.systemUTC());
    settings.accept(b);
    this.server = b.start();
  }

  private void token(String name, String... roles) {
    tokens.put(name, store.tokens().create(name, Set.of(roles)).secret());
  }

  URI uri(String path) {
    return URI.create(server.url() + path);
  }

  HttpResponse<String> get(String path, String who) throws IOException, InterruptedException {
    HttpRequest.Builder r = HttpRequest.newBuilder(uri(path)).GET();
    if (who != null) r.header("Authorization", "Bearer " + tokens.get(who));
    return http.send(r.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  HttpResponse<String> post(String path, String who, String contentType, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder r = HttpRequest.newBuilder(uri(path))
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (contentType != null) r.header("Content-Type", contentType);
    if (who != null) r.header("Authorization", "Bearer " + tokens.get(who));
    return http.send(r.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  HttpResponse<String> postJson(String path, String who, String body) throws IOException, InterruptedException {
    return post(path, who, "application/json", body);
  }

  @Override
  public void close() throws IOException {
    server.close();
    store.close();
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  /** The example request of docs/SEMANTICS.md: counter-fire near Kharkiv on 1 June 2024. */
  static String request(String id, double lat, double lon) {
    return "{\"id\":\"" + id + "\",\"time\":\"2024-06-01T03:00:00Z\",\"user\":\"UA\",\"weapon\":{\"origin\":\"US\","
        + "\"system\":\"M142 HIMARS\",\"munition\":\"M31 GMLRS\",\"class\":\"rocket_artillery\",\"range_km\":84},"
        + "\"target\":{\"location\":{\"lat\":" + lat + ",\"lon\":" + lon + "},\"category\":\"artillery\","
        + "\"activity\":\"attacking\",\"used_in_invasion\":true},\"purpose\":\"counter_fire\"}";
  }

  static String permitRequest(String id) {
    return request(id, 50.59, 36.58);
  }

  /** Far inside Russia: not permitted. */
  static String denyRequest(String id) {
    return request(id, 55.75, 37.62);
  }
}
