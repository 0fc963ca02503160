package org.caveat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Set;
import org.caveat.server.CaveatServer;
import org.caveat.store.Store;
import org.caveat.store.StoreConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's compare route and {@code caveat diff --permitted-area} print the same permitted
 * km² gained and lost, for the seed's June 2024 change (us-ua 2024-05-30 → 2024-06-18): the
 * CLI's JSON document against a real server's answer over HTTP.
 */
class ConsoleCompareMatchesDiffTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void gainedAndLostKm2AreTheDiffCommandsFigures(@TempDir Path dir) throws Exception {
    Cli.Result cli = Cli.run("diff", "us-ua@2024-05-30", "us-ua@2024-06-18", "--permitted-area", "--format", "json");
    assertThat(cli.code()).as(cli.err()).isZero();
    JsonNode diff = JSON.readTree(cli.out()).path("permitted_area");
    try (Store store = Store.open(StoreConfig.sqlite(dir));
         CaveatServer server = CaveatServer.builder().store(store).port(0).start()) {
      String token = store.tokens().create("reader", Set.of("reader")).secret();
      HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
              URI.create(server.url() + "/v1/grants/us-ua/compare?from=2024-05-30&to=2024-06-18"))
          .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      JsonNode area = JSON.readTree(r.body()).path("area");
      assertThat(diff.path("gained_km2").asDouble()).isPositive();
      for (String field : new String[] {"gained_km2", "lost_km2", "from_km2", "to_km2", "country_km2"}) {
        assertThat(area.path(field).decimalValue()).as(field).isEqualTo(diff.path(field).decimalValue());
      }
      assertThat(area.path("window")).isEqualTo(diff.path("window"));
    }
  }
}
