package org.caveat.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.caveat.Caveat;
import org.caveat.GrantInfo;
import org.caveat.diff.FlipList;
import org.caveat.diff.PermittedArea;
import org.caveat.explain.Numbers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The permitted area of a profile under one version, and two versions compared, over real HTTP;
 * the compare figures are those of the core grid behind {@code caveat diff --permitted-area} (the
 * CLI's own output is compared in caveat-cli's ConsoleCompareMatchesDiffTest).
 */
class PermittedAreaRoutesTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static ServerFixture f;

  @BeforeAll
  static void start() throws Exception {
    f = new ServerFixture();
  }

  @AfterAll
  static void stop() throws Exception {
    f.close();
  }

  static JsonNode ok(String path) throws Exception {
    HttpResponse<String> r = f.get(path, "reader");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  @Test
  void counterFireIsPermittedNearKharkivAfterMay2024AndNowhereBefore() throws Exception {
    JsonNode after = ok("/v1/grants/us-ua/permitted-area?as_of=2024-06-01");
    assertThat(after.path("version").asText()).isEqualTo("2024-05-30");
    assertThat(after.path("profile").path("target_category").asText()).isEqualTo("artillery");
    assertThat(after.path("profile").path("used_in_invasion").asText()).isEqualTo("true");
    JsonNode km2 = after.path("area_km2");
    assertThat(km2.path("permitted").asDouble()).isBetween(10_000.0, 100_000.0);
    assertThat(km2.path("not_permitted").asDouble()).isGreaterThan(km2.path("permitted").asDouble());
    double sum = 0;
    for (String s : List.of("permitted", "forbidden", "not_permitted", "indeterminate", "not_applicable")) {
      sum += km2.path(s).asDouble();
    }
    assertThat(sum).isCloseTo(km2.path("country").asDouble(), org.assertj.core.api.Assertions.within(0.5));
    assertThat(statuses(after)).contains("permitted", "not_permitted");
    JsonNode permitted = after.path("geojson").path("features").get(0);
    assertThat(permitted.path("properties").path("area_km2").asDouble()).isEqualTo(km2.path("permitted").asDouble());
    assertThat(permitted.path("geometry").path("type").asText()).isIn("Polygon", "MultiPolygon");
    JsonNode before = ok("/v1/grants/us-ua/permitted-area?as_of=2023-03-01");
    assertThat(before.path("version").asText()).isEqualTo("2022-06-01");
    assertThat(before.path("area_km2").path("permitted").asDouble()).isZero();
    assertThat(before.path("area_km2").path("forbidden").asDouble()).isPositive();
  }

  @Test
  void aProtectedObjectIsForbiddenAndAnUnknownInvasionRoleIsIndeterminate() throws Exception {
    JsonNode energy = ok("/v1/grants/us-ua/permitted-area?version=2024-05-30&target_category=energy_infrastructure");
    assertThat(energy.path("area_km2").path("permitted").asDouble()).isZero();
    assertThat(energy.path("area_km2").path("forbidden").asDouble()).isPositive();
    JsonNode unknown = ok("/v1/grants/us-ua/permitted-area?version=2024-05-30&used_in_invasion=unknown");
    assertThat(unknown.path("profile").path("used_in_invasion").asText()).isEqualTo("unknown");
    assertThat(unknown.path("area_km2").path("indeterminate").asDouble()).isPositive();
    assertThat(unknown.path("probe_time").asText()).isEqualTo("2024-05-30T00:00:00Z");
  }

  @Test
  void compareGainsWhatTheCoreGridOfCaveatDiffGains() throws Exception {
    JsonNode c = ok("/v1/grants/us-ua/compare?from=2024-05-30&to=2024-06-18");
    assertThat(c.path("from").path("version").asText()).isEqualTo("2024-05-30");
    assertThat(c.has("rules")).isTrue();
    assertThat(c.has("assumptions")).isTrue();
    assertThat(c.path("zones_geojson").path("type").asText()).isEqualTo("FeatureCollection");
    Caveat caveat = f.server.engine().current();
    GrantInfo g = caveat.grants().stream().filter(x -> x.grant().id().equals("us-ua")).findFirst().orElseThrow();
    FlipList.Side from = side(caveat, g, "2024-05-30"), to = side(caveat, g, "2024-06-18");
    PermittedArea.Result r = PermittedArea.compare(from, to, true, PermittedArea.defaultProbe(from, to),
        PermittedArea.RUSSIA, PermittedArea.NEAR_UKRAINE, caveat.geography());
    JsonNode area = c.path("area");
    assertThat(area.path("gained_km2").decimalValue()).isEqualByComparingTo(Numbers.format(r.gainedKm2(), 1));
    assertThat(area.path("lost_km2").decimalValue()).isEqualByComparingTo(Numbers.format(r.lostKm2(), 1));
    assertThat(area.path("gained_km2").asDouble()).isPositive();
    assertThat(area.path("geojson").path("features").get(0).path("properties").path("change").asText())
        .isEqualTo("gained");
  }

  @Test
  void badParametersAreProblemsNamingTheParameter() throws Exception {
    HttpResponse<String> vocab = f.get("/v1/grants/us-ua/permitted-area?as_of=2024-06-01&target_category=artilery", "reader");
    assertThat(vocab.statusCode()).isEqualTo(400);
    assertThat(vocab.body()).contains("did you mean `artillery`?").contains("\"field\":\"target_category\"");
    HttpResponse<String> date = f.get("/v1/grants/us-ua/permitted-area?as_of=2024-13-01", "reader");
    assertThat(date.statusCode()).isEqualTo(400);
    assertThat(date.body()).contains("as_of");
    assertThat(f.get("/v1/grants/us-ua/permitted-area", "reader").statusCode()).isEqualTo(400);
    assertThat(f.get("/v1/grants/us-ua/permitted-area?as_of=2024-06-01&used_in_invasion=maybe", "reader").statusCode())
        .isEqualTo(400);
    HttpResponse<String> early = f.get("/v1/grants/us-ua/permitted-area?as_of=2021-01-01", "reader");
    assertThat(early.statusCode()).isEqualTo(404);
    assertThat(early.body()).contains("its first is 2022-06-01").contains("\"field\":\"as_of\"");
    HttpResponse<String> version = f.get("/v1/grants/us-ua/compare?from=2024-05-30&to=2024-06-19", "reader");
    assertThat(version.statusCode()).isEqualTo(404);
    assertThat(version.body()).contains("did you mean `2024-06-18`");
    assertThat(f.get("/v1/grants/us-ua/compare?from=2024-05-30", "reader").statusCode()).isEqualTo(400);
    assertThat(f.get("/v1/grants/xx-ua/compare?from=latest&to=latest", "reader").statusCode()).isEqualTo(404);
    assertThat(f.get("/v1/grants/us-ua/compare?from=latest&to=latest", null).statusCode()).isEqualTo(401);
  }

  private static FlipList.Side side(Caveat caveat, GrantInfo g, String version) {
    return FlipList.Side.of(caveat, g, g.versions().stream().filter(v -> v.policy().version().equals(version)).findFirst()
        .orElseThrow());
  }

  private static List<String> statuses(JsonNode doc) {
    List<String> out = new ArrayList<>();
    doc.path("geojson").path("features").forEach(x -> out.add(x.path("properties").path("status").asText()));
    return out;
  }
}
