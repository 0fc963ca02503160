package org.caveat.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.caveat.json.Json;
import org.junit.jupiter.api.Test;

/**
 * A streamed batch decides with the policy in force when it started, what-ifs included: a version
 * published while the batch is being read reaches neither its plain requests nor those with an
 * {@code assume} object (whose engine is built from the batch's policy, not the live one).
 */
class StreamedWhatIfPublishTest {
  /** At 1 February 2026 us-ua's version in force is 2025-10-22 until 2026-01-01 is published. */
  static final String WHAT_IF = ServerFixture.permitRequest("what-if")
      .replace("2024-06-01T03:00:00Z", "2026-02-01T00:00:00Z")
      .replace("\"purpose\":", "\"assume\":{\"kharkiv_band_depth_km\":20},\"purpose\":");

  @Test
  void aPublishBetweenGroupsDoesNotChangeALaterWhatIfAnswersVersion() throws Exception {
    try (ServerFixture f = new ServerFixture()) {
      assertThat(version(f.postJson("/v1/decisions", "analyst", WHAT_IF).body())).isEqualTo("2025-10-22");
      byte[] first = (String.join("\n", StreamedBatchTest.requests(4_000)) + "\n").getBytes(StandardCharsets.UTF_8);
      assertThat(first.length).as("streamed, not read whole").isGreaterThan(1 << 20);
      // The rest of the body is sent only once the first group is logged (so the batch has pinned
      // its policy) and the new version is published.
      InputStream rest = new InputStream() {
        private InputStream after;

        @Override
        public int read() throws IOException {
          byte[] one = new byte[1];
          return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
          if (after == null) {
            publishOnceTheFirstGroupIsLogged(f);
            after = new ByteArrayInputStream((WHAT_IF + "\n").getBytes(StandardCharsets.UTF_8));
          }
          return after.read(b, off, len);
        }
      };
      HttpRequest r = HttpRequest.newBuilder(f.uri("/v1/decisions"))
          .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(new ByteArrayInputStream(first), rest)))
          .header("Content-Type", "application/x-ndjson").header("Authorization", "Bearer " + f.tokens.get("analyst"))
          .build();
      HttpResponse<String> batch = f.http.send(r, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      assertThat(batch.statusCode()).isEqualTo(200);
      List<String> lines = batch.body().lines().toList();
      assertThat(lines).hasSize(4_001);
      JsonNode last = Json.MAPPER.readTree(lines.get(4_000));
      assertThat(last.path("id").asText()).isEqualTo("what-if");
      assertThat(last.path("assumed").path("kharkiv_band_depth_km").asText()).isEqualTo("20");
      assertThat(version(lines.get(4_000))).as("the batch's policy, not the one published meanwhile").isEqualTo("2025-10-22");
      assertThat(version(f.postJson("/v1/decisions", "analyst", WHAT_IF).body()))
          .as("a call after the publish uses it").isEqualTo("2026-01-01");
    }
  }

  private static String version(String answer) throws IOException {
    return Json.MAPPER.readTree(answer).path("grants").get(0).path("version").asText();
  }

  private static void publishOnceTheFirstGroupIsLogged(ServerFixture f) {
    try {
      for (int i = 0; i < 600 && f.store.log().head().size() < 512; i++) Thread.sleep(100);
      assertThat(f.store.log().head().size()).as("the first group is logged").isGreaterThanOrEqualTo(512);
      ChangeRequestLifecycleTest.publish(f, "us-ua", ChangeRequestLifecycleTest.candidateYaml("2026-01-01"));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (Exception e) {
      throw new IllegalStateException("publishing failed", e);
    }
  }
}
