package org.caveat.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Set;
import java.util.stream.Stream;
import org.caveat.server.log.RedecideCheck;
import org.caveat.server.log.Redecider;
import org.caveat.server.policy.EngineFactory;
import org.caveat.store.Store;
import org.caveat.store.StoreConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A later release edits a pack file: the version a logged decision pinned is no longer among the
 * packs, but the server recorded its text by content hash when it started, so the entry is still
 * rebuilt (the answer sent, byte for byte) and decided again without a difference. Without the
 * recorded text it could not be.
 */
class PinnedVersionTextsTest {
  static final String TITLE = "title: Counter-fire into Russia near Kharkiv";

  @TempDir
  Path dir;

  final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @Test
  void anEntryPinningAVersionTheCurrentPacksNoLongerHoldIsStillRebuiltAndDecidedAgain() throws Exception {
    Path packs = Files.createDirectories(dir.resolve("packs/us-ua"));
    try (Stream<Path> files = Files.list(Path.of("../packs/us-ua"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).toList()) Files.copy(f, packs.resolve(f.getFileName()));
    }
    Path edited = packs.resolve("2024-05-30.yaml");
    try (Store store = Store.open(StoreConfig.sqlite(dir.resolve("data")))) {
      String token = store.tokens().create("analyst", Set.of("analyst")).secret();
      String sent;
      long index = store.log().head().size();
      try (CaveatServer server = start(store, dir.resolve("packs"))) {
        HttpResponse<String> r = send(server, "/v1/decisions", token, ServerFixture.permitRequest("pinned"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        sent = r.body().strip();
      }
      String text = Files.readString(edited);
      assertThat(text).contains(TITLE);
      Files.writeString(edited, text.replace(TITLE, "title: Counter-fire near Kharkiv (as a later release words it)"));
      try (CaveatServer server = start(store, dir.resolve("packs"))) {
        HttpResponse<String> shown = send(server, "/v1/log/entries/" + index, token, null);
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.body()).contains("\"answer\" : " + sent + ",\n").doesNotContain("rebuild_problem");
        RedecideCheck.Result again = RedecideCheck.run(store.log(), new Redecider(server.engine(), store.versionTexts()), 2);
        assertThat(again.decided()).isEqualTo(1);
        assertThat(again.differences()).isEmpty();
      }
      // The control: without the recorded texts, the pinned version is found nowhere.
      try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("data").resolve(StoreConfig.SQLITE_FILE))) {
        c.createStatement().executeUpdate("DELETE FROM version_text");
      }
      Redecider bare = new Redecider(new org.caveat.server.policy.LiveEngine(EngineFactory.packs(dir.resolve("packs")),
          store.published()), store.versionTexts());
      RedecideCheck.Result without = RedecideCheck.run(store.log(), bare, 1);
      assertThat(without.differences()).singleElement().asString().contains("cannot be decided again")
          .contains("no version with content hash");
    }
  }

  private static CaveatServer start(Store store, Path packs) {
    return CaveatServer.builder().store(store).port(0).engines(EngineFactory.packs(packs)).start();
  }

  private HttpResponse<String> send(CaveatServer server, String path, String token, String body) throws Exception {
    HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(server.url() + path)).header("Authorization", "Bearer " + token);
    if (body != null) r.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    return http.send(r.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}
