package org.caveat.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringWriter;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.caveat.Caveat;
import org.caveat.GrantInfo;
import org.caveat.json.Json;
import org.caveat.policy.Reliability;
import org.caveat.server.ops.OpsRoutes;
import org.caveat.timeline.Timeline;
import org.caveat.timeline.TimelineJson;
import org.caveat.timeline.TimelineOverview;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** /metrics holds the promised series; /openapi.json describes exactly the routes served. */
class OpsTest {
  static ServerFixture f;

  @BeforeAll
  static void start() throws Exception {
    f = new ServerFixture();
  }

  @AfterAll
  static void stop() throws Exception {
    f.close();
  }

  @Test
  void metricsCountDecisionsLatencyLogSizeAndRequests() throws Exception {
    f.postJson("/v1/decisions", "analyst", "[" + ServerFixture.permitRequest("m1") + "," + ServerFixture.denyRequest("m2") + "]");
    f.get("/v1/nothing", "analyst");
    String m = f.get("/metrics", null).body();
    assertThat(m).contains("caveat_decisions_total{outcome=\"PERMIT\"} 1")
        .contains("caveat_decisions_total{outcome=\"DENY\"} 1")
        .contains("caveat_decision_latency_seconds_bucket{le=\"0.01\"}")
        .contains("caveat_decision_latency_seconds_count 1")
        .contains("caveat_log_size 2")
        .contains("caveat_http_requests_total{method=\"POST\",route=\"/v1/decisions\",status=\"200\"} 1")
        .contains("status=\"404\"")
        .contains("jvm_memory_used_bytes{area=\"heap\"").contains("process_cpu_usage");
  }

  @Test
  void openApiDescribesEveryRouteAndNothingElse() throws Exception {
    JsonNode doc = Json.MAPPER.readTree(f.get("/openapi.json", null).body());
    assertThat(doc.path("openapi").asText()).isEqualTo("3.1.0");
    Set<String> documented = new TreeSet<>();
    for (Iterator<String> paths = doc.path("paths").fieldNames(); paths.hasNext(); ) {
      String path = paths.next();
      doc.path("paths").path(path).fieldNames().forEachRemaining(m -> documented.add(m.toUpperCase() + " " + path));
    }
    Set<String> served = new TreeSet<>();
    f.server.routes().forEach(r -> served.add(r.method() + " " + r.path()));
    assertThat(documented).isEqualTo(served);
    assertThat(f.get("/openapi.json", null).body().getBytes()).isEqualTo(OpsRoutes.openapi());
  }

  @Test
  void theVersionDocumentHasTheFieldsOfItsSchema() throws Exception {
    JsonNode schemas = Json.MAPPER.readTree(OpsRoutes.openapi()).path("components").path("schemas");
    JsonNode version = schemas.path("Version").path("properties");
    JsonNode item = version.path("assumptions").path("items").path("properties");
    for (String id : List.of("2024-05-30", "2022-06-01", "latest")) {
      JsonNode v = Json.MAPPER.readTree(f.get("/v1/grants/us-ua/versions/" + id, "reader").body());
      v.fieldNames().forEachRemaining(name -> assertThat(version.has(name)).as("Version.%s", name).isTrue());
      assertThat(v.path("assumptions").isArray()).as(id).isTrue();
      for (JsonNode a : v.path("assumptions")) {
        a.fieldNames().forEachRemaining(name -> assertThat(item.has(name)).as("assumption %s", name).isTrue());
        String type = a.path("type").asText();
        assertThat(type).isIn("number", "boolean", "string");
        assertThat(a.path("value").getNodeType().name().toLowerCase()).isEqualTo(type);
      }
    }
  }

  @Test
  void latestIsTheNewestAdmittedVersionEverywhere() throws Exception {
    // The service admits every reliability, so us-ua@latest is its newest version, disputed as it is
    // (caveat diff --reliability official,reported would take 2025-08-23: VersionResolverTest).
    JsonNode grants = Json.MAPPER.readTree(f.get("/v1/grants", "reader").body()).path("grants");
    JsonNode usUa = null;
    for (JsonNode g : grants) if (g.path("grant").asText().equals("us-ua")) usUa = g;
    assertThat(usUa.path("latest").asText()).isEqualTo("2025-10-22");
    JsonNode latest = Json.MAPPER.readTree(f.get("/v1/grants/us-ua/versions/latest", "reader").body());
    assertThat(latest.path("version").asText()).isEqualTo("2025-10-22");
    JsonNode diff = Json.MAPPER.readTree(f.get("/v1/grants/us-ua/diff?from=2022-06-01&to=latest", "reader").body());
    assertThat(diff.at("/to/version").asText()).isEqualTo("2025-10-22");
    JsonNode unknown = Json.MAPPER.readTree(f.get("/v1/grants/us-ua/diff?from=2022-06-01&to=2024-05-31", "reader")
        .body());
    assertThat(unknown.path("detail").asText()).startsWith("grant us-ua has no version `2024-05-31`; did you mean");
    assertThat(unknown.at("/errors/0/field").asText()).isEqualTo("to");
  }

  @Test
  void everyOperationSaysWhoMayCallIt() throws Exception {
    JsonNode doc = Json.MAPPER.readTree(OpsRoutes.openapi());
    f.server.routes().forEach(r -> {
      JsonNode op = doc.path("paths").path(r.path()).path(r.method().toLowerCase());
      if (r.role() == org.caveat.server.auth.Role.PUBLIC) assertThat(op.path("security").isArray()).as(r.path()).isTrue();
      else assertThat(op.path("x-caveat-role").asText()).as(r.path()).isNotBlank();
    });
  }

  @Test
  void healthReportsTheStoreAndLogSize() throws Exception {
    JsonNode h = Json.MAPPER.readTree(f.get("/healthz", null).body());
    assertThat(h.path("status").asText()).isEqualTo("ok");
    assertThat(h.path("store").asText()).isEqualTo("sqlite"); // the kind, never the path
    assertThat(h.toString()).doesNotContain(f.dir.toString());
    assertThat(h.path("log_size").isNumber()).isTrue();
  }

  @Test
  void grantsVersionsTimelineAndDiffAsTheCliShowsThem() throws Exception {
    JsonNode grants = Json.MAPPER.readTree(f.get("/v1/grants", "reader").body()).path("grants");
    assertThat(grants.findValuesAsText("grant")).contains("us-ua", "gb-ua");
    JsonNode versions = Json.MAPPER.readTree(f.get("/v1/grants/us-ua/versions", "reader").body()).path("versions");
    assertThat(versions.get(0).path("version").asText()).isEqualTo("2022-06-01");
    JsonNode v = Json.MAPPER.readTree(f.get("/v1/grants/us-ua/versions/2024-05-30", "reader").body());
    assertThat(v.path("yaml").asText()).contains("version: \"2024-05-30\"");
    assertThat(v.path("hash").asText()).startsWith("sha256:");
    assertThat(v.path("in_force").asText()).isEqualTo("2024-05-30T00:00:00Z");
    assertThat(v.path("reliability").asText()).isEqualTo("reported");
    assertThat(v.path("assumptions").findValuesAsText("name")).containsExactly("bombers_include_any_aircraft",
        "massing_includes_armored_vehicles", "inbound_missiles_any_heading", "kharkiv_band_depth_km",
        "far_inside_russia_km");
    JsonNode bombers = v.path("assumptions").get(0);
    assertThat(bombers.path("type").asText()).isEqualTo("boolean");
    assertThat(bombers.path("value").isBoolean()).isTrue();
    assertThat(bombers.path("value").booleanValue()).isFalse();
    JsonNode band = v.path("assumptions").get(3);
    assertThat(band.path("name").asText()).isEqualTo("kharkiv_band_depth_km");
    assertThat(band.path("value").isNumber()).isTrue();
    assertThat(band.path("value").decimalValue()).isEqualByComparingTo("100");
    assertThat(band.path("type").asText()).isEqualTo("number");
    assertThat(band.path("unit").asText()).isEqualTo("km");
    assertThat(band.path("confidence").asText()).isEqualTo("low");
    assertThat(band.path("note").asText()).contains("close to Kharkiv");
    JsonNode t = Json.MAPPER.readTree(f.get("/v1/grants/us-ua/timeline?as_of=2024-06-01", "reader").body());
    assertThat(t.path("grants").get(0).path("versions").findValuesAsText("version")).contains("2024-05-30");
    JsonNode o = Json.MAPPER.readTree(f.get("/v1/timeline?as_of=2024-06-01&reliability=official,reported", "reader").body());
    Caveat engine = Caveat.builder().build();
    Timeline all = Timeline.of(engine.grants().stream().map(GrantInfo::grant).toList(), null,
        EnumSet.of(Reliability.OFFICIAL, Reliability.REPORTED), Instant.parse("2024-06-01T00:00:00Z"));
    StringWriter cli = new StringWriter();
    try (JsonGenerator g = Json.FACTORY.createGenerator(cli)) {
      TimelineJson.writeOverview(g, TimelineOverview.of(all));
    }
    assertThat(o).as("the overview is the CLI's document").isEqualTo(Json.MAPPER.readTree(cli.toString()));
    assertThat(o.path("grants").findValuesAsText("grant")).contains("us-ua", "gb-ua");
    assertThat(f.get("/v1/timeline?reliability=offical", "reader").statusCode()).isEqualTo(400);
    // Commas only: no reliability named, a 400 on the parameter (the empty set once reached core as a 500).
    var commas = f.get("/v1/timeline?reliability=,", "reader");
    assertThat(commas.statusCode()).isEqualTo(400);
    assertThat(commas.body()).contains("query.invalid").contains("names no reliability");
    assertThat(f.get("/v1/grants/us-ua/timeline?reliability=,,", "reader").statusCode()).isEqualTo(400);
    JsonNode d = Json.MAPPER.readTree(f.get("/v1/grants/us-ua/diff?from=2022-06-01&to=2024-05-30", "reader").body());
    assertThat(d.path("from").path("version").asText()).isEqualTo("2022-06-01");
    assertThat(d.path("rules").path("added")).isNotEmpty();
    assertThat(f.get("/v1/grants/us-ua/diff?from=2022-06-01&to=latest", "reader").statusCode()).isEqualTo(200);
  }
}
