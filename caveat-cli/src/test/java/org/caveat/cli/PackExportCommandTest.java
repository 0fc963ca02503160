package org.caveat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.caveat.Caveat;
import org.caveat.json.Json;
import org.caveat.store.Store;
import org.caveat.store.StoreConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code caveat pack export} end to end: a version published through a running service's
 * change-request routes is exported, and {@code caveat check --packs OUT} then answers a request
 * that version changes with exactly the bytes the service answers.
 */
class PackExportCommandTest {
  @TempDir
  Path dir;

  /** The 2022 US position (no strikes on Russian territory) re-issued from 2026-01-01: it turns the request below to DENY. */
  static String reissued2022() throws Exception {
    try (InputStream in = Caveat.class.getResourceAsStream("/caveat/packs/us-ua/2022-06-01.yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .replace("version: \"2022-06-01\"", "version: \"2026-01-01\"").replace("in_force: 2022-06-01", "in_force: 2026-01-01");
    }
  }

  /** Counter-fire near Kharkiv in February 2026: permitted by the built-in packs. */
  Path request() throws Exception {
    Path file = dir.resolve("request.json");
    Files.writeString(file, Files.readString(Path.of(Cli.path("examples/permit-counter-fire.json")))
        .replace("2024-06-01T03:00:00Z", "2026-02-01T00:00:00Z"));
    return file;
  }

  @Test
  void checkWithTheExportedFolderAnswersAsTheServiceAfterAPublish() throws Exception {
    String data = dir.resolve("data").toString();
    String ann;
    String bob;
    try (Store s = Store.open(StoreConfig.sqlite(Path.of(data)))) {
      ann = s.tokens().create("ann", Set.of("analyst", "approver:US")).secret();
      bob = s.tokens().create("bob", Set.of("approver:US")).secret();
    }
    Path request = request();
    ServeCommandTest.Running serve = ServeCommandTest.start("serve", "--data", data, "--port", "0");
    String served;
    try {
      String url = serve.serve().url();
      ObjectNode submission = Json.MAPPER.createObjectNode().put("grant", "us-ua").put("yaml", reissued2022());
      JsonNode cr = Json.MAPPER.readTree(post(url + "/v1/change-requests", ann, submission.toString(), 201));
      post(url + "/v1/change-requests/" + cr.path("id").asText() + "/approve", bob, "", 200);
      post(url + "/v1/change-requests/" + cr.path("id").asText() + "/publish", bob, "", 200);
      Matcher admin = Pattern.compile("admin token \\(shown once\\): (\\S+)").matcher(serve.output());
      assertThat(admin.find()).isTrue();
      served = post(url + "/v1/decisions", admin.group(1), Files.readString(request), 200);
    } finally {
      serve.stop();
    }
    assertThat(served).contains("\"decision\":\"DENY\"").contains("\"version\":\"2026-01-01\"");
    assertThat(Cli.run("check", request.toString()).out()).contains("\"decision\":\"PERMIT\"");

    Path out = dir.resolve("served-packs");
    Cli.Result export = Cli.run("pack", "export", "--data", data, out.toString());
    assertThat(export.code()).as(export.err()).isZero();
    // Counted from the built-in packs, not written down: the count went stale when supplier packs were added.
    int grants = Caveat.builder().build().grants().size();
    assertThat(export.out()).startsWith("exported " + grants + " grants, ")
        .contains("(1 published through the service) to " + out)
        .contains(", 1 published\n").contains("  published: us-ua/2026-01-01.yaml  (cr-1, ")
        .contains("and the built-in packs; tests/ folders left out");
    Cli.Result check = Cli.run("check", "--packs", out.toString(), request.toString());
    assertThat(check.code()).as(check.err()).isZero();
    assertThat(check.out()).isEqualTo(served);

    assertThat(Files.readString(out.resolve("us-ua/2026-01-01.yaml"))).isEqualTo(reissued2022());
    assertThat(Files.readAllBytes(out.resolve("us-ua/2024-05-30.yaml")))
        .isEqualTo(Files.readAllBytes(Path.of(Cli.path("packs/us-ua/2024-05-30.yaml"))));
    assertThat(out.resolve("us-ua/tests")).doesNotExist();
    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("data", "request.json",
          "served-packs");
    }
  }

  private static String post(String url, String token, String body, int status) throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    return r.body();
  }

  @Test
  void oneGrantFolderGivenAsPacksIsExportedAsThatGrant() throws Exception {
    String data = dir.resolve("data").toString();
    Store.open(StoreConfig.sqlite(Path.of(data))).close();
    Path out = dir.resolve("out");
    Cli.Result export = Cli.run("pack", "export", "--data", data, "--packs", Cli.path("packs/us-ua"), out.toString());
    assertThat(export.code()).as(export.err()).isZero();
    assertThat(export.out()).startsWith("exported 1 grant, ").contains("(0 published through the service)");
    assertThat(out.resolve("us-ua/2024-05-30.yaml")).exists();
    assertThat(out.resolve("us-ua/tests")).doesNotExist();
    String example = Cli.path("examples/kharkiv.ndjson");
    assertThat(Cli.run("check", "--packs", out.toString(), example).out())
        .isEqualTo(Cli.run("check", "--packs", Cli.path("packs/us-ua"), example).out());
  }
}
