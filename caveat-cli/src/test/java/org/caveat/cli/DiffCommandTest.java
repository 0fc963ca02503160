package org.caveat.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiffCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String FROM = "us-ua@2022-06-01", TO = "us-ua@2024-05-30";

  @Test
  void textShowsRulesAssumptionsAndZones() {
    Cli.Result r = Cli.run("diff", FROM, TO);
    assertThat(r.code()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out())
        .startsWith("diff us-ua@2022-06-01 → us-ua@2024-05-30\n")
        .contains("  + permit kharkiv-counter-fire: ")
        .contains("      distance_km(target.location, zones.kharkiv_border) <= assume.kharkiv_band_depth_km\n")
        .contains("  - forbid no-strikes-on-russian-territory: ")
        .contains("  + kharkiv_band_depth_km = 100 km")
        .contains("  kharkiv_band (area, approximate): absent → ")
        .contains("  kharkiv_border (line): absent → ");
  }

  @Test
  void jsonIsOneDeterministicDocument() throws Exception {
    Cli.Result r = Cli.run("diff", FROM, TO, "--format", "json");
    assertThat(r.code()).isZero();
    JsonNode d = JSON.readTree(r.out());
    List<String> fields = new ArrayList<>();
    d.fieldNames().forEachRemaining(fields::add);
    assertThat(fields).containsExactly("from", "to", "same_grant", "rules", "assumptions", "zones");
    assertThat(d.at("/from/version").asText()).isEqualTo("2022-06-01");
    assertThat(d.at("/to/hash").asText()).startsWith("sha256:");
    List<String> added = new ArrayList<>();
    d.at("/rules/added").forEach(n -> added.add(n.get("id").asText()));
    assertThat(added).contains("kharkiv-counter-fire");
    assertThat(d.at("/rules/removed/0/id").asText()).isEqualTo("no-strikes-on-russian-territory");
    JsonNode band = null;
    for (JsonNode z : d.get("zones")) if (z.get("zone").asText().equals("kharkiv_band")) band = z;
    assertThat(band.get("gained_km2").asDouble()).isGreaterThan(50_000);
    assertThat(band.get("from_km2").isNull()).isTrue();
    assertThat(Cli.run("diff", FROM, TO, "--format", "json").out()).isEqualTo(r.out());
  }

  @Test
  void latestAndAsOfResolveVersions() throws Exception {
    // The newest admitted version, as the service's /v1/grants/us-ua/versions/latest (OpsTest).
    JsonNode latest = JSON.readTree(Cli.run("diff", FROM, "us-ua@latest", "--format", "json").out());
    assertThat(latest.at("/to/version").asText()).isEqualTo("2025-10-22");
    Cli.Result asOf = Cli.run("diff", "us-ua", TO, "--as-of", "2023-01-01", "--format", "json");
    assertThat(asOf.code()).isZero();
    assertThat(JSON.readTree(asOf.out()).at("/from/version").asText()).isEqualTo("2022-06-01");
    Cli.Result both = Cli.run("diff", "us-ua", "us-ua", "--as-of", "2024-05-30T12:00:00Z", "--format", "json");
    assertThat(JSON.readTree(both.out()).at("/rules/changed").size()).isZero();
  }

  @Test
  void eventsListFlipsWithBothExplanations() throws Exception {
    Cli.Result text = Cli.run("diff", FROM, TO, "--events", Cli.path("examples/kharkiv.ndjson"));
    assertThat(text.code()).isZero();
    assertThat(text.out())
        .contains("Flips: 3 of 8 requests")
        .contains("  permit-counter-fire (line 1): DENY → PERMIT\n")
        .containsPattern("forbid no-strikes-on-russian-territory +│ permit kharkiv-counter-fire");
    Cli.Result json = Cli.run("diff", FROM, TO, "--events", Cli.path("examples/kharkiv.ndjson"), "--format", "json");
    JsonNode f = JSON.readTree(json.out()).get("flips");
    assertThat(f.get("evaluated").asInt()).isEqualTo(8);
    assertThat(f.get("transitions").toString()).isEqualTo("[{\"from\":\"DENY\",\"to\":\"INDETERMINATE\",\"count\":1},"
        + "{\"from\":\"DENY\",\"to\":\"PERMIT\",\"count\":2}]");
    JsonNode first = f.at("/requests/0");
    assertThat(first.get("id").asText()).isEqualTo("permit-counter-fire");
    assertThat(first.get("line").asInt()).isEqualTo(1);
    assertThat(first.at("/from/decision").asText()).isEqualTo("DENY");
    assertThat(first.at("/from/grants/0/determining/0").asText()).isEqualTo("no-strikes-on-russian-territory");
    assertThat(first.at("/to/decision").asText()).isEqualTo("PERMIT");
    assertThat(first.at("/to/explanation").asText()).contains("kharkiv-counter-fire");
  }

  @Test
  void malformedEventsAreListedAndExit2() throws Exception {
    Cli.Result r = Cli.run("diff", FROM, TO, "--events", Cli.path("examples/malformed.ndjson"), "--format", "json");
    assertThat(r.code()).as(r.err()).isEqualTo(2);
    JsonNode f = JSON.readTree(r.out()).get("flips");
    assertThat(f.get("malformed").asInt()).isPositive();
    assertThat(f.at("/errors/0/request/error/code").asText()).isNotEmpty();
  }

  @Test
  void geojsonHasGainedAndLostFeaturesWithKnownAreas(@TempDir Path dir) throws Exception {
    Path packs = writeSquarePack(dir.resolve("packs"));
    Path out = dir.resolve("changes.geojson");
    Cli.Result r = Cli.run("diff", "sq-ua@2024-01-01", "sq-ua@2024-06-01", "--packs", packs.toString(),
        "--geojson", out.toString(), "--format", "json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode box = null;
    for (JsonNode z : JSON.readTree(r.out()).get("zones")) if (z.get("zone").asText().equals("box")) box = z;
    // Shifted 5 km east (50 gained, 50 lost) plus a whole new square 20 km east (100 gained).
    assertThat(box.get("from_km2").asDouble()).isCloseTo(100, within(0.5));
    assertThat(box.get("to_km2").asDouble()).isCloseTo(200, within(1.0));
    assertThat(box.get("gained_km2").asDouble()).isCloseTo(150, within(0.75));
    assertThat(box.get("lost_km2").asDouble()).isCloseTo(50, within(0.25));
    assertThat(box.get("approximate").asBoolean()).isFalse();
    JsonNode fc = JSON.readTree(Files.readString(out));
    assertThat(fc.get("type").asText()).isEqualTo("FeatureCollection");
    List<String> features = new ArrayList<>();
    fc.get("features").forEach(f -> features.add(f.at("/properties/zone").asText() + " "
        + f.at("/properties/change").asText() + " " + Math.round(f.at("/properties/area_km2").asDouble())
        + " " + f.at("/geometry/type").asText()));
    assertThat(features).containsExactly("b gained 100 Polygon", "box gained 150 MultiPolygon",
        "box lost 50 Polygon", "c gained 100 Polygon");
    Cli.Result text = Cli.run("diff", "sq-ua@2024-01-01", "sq-ua@2024-06-01", "--packs", packs.toString());
    assertThat(text.out()).containsPattern(
        "box \\(area\\): (99\\.\\d|100(\\.\\d)?) km² → (199\\.\\d|200(\\.\\d)?) km²; gained \\+1(49|50)(\\.\\d)? km², lost −(49|50)");
  }

  @Test
  void reliabilityFilterAppliesToLatestAndRejectsLeftOutVersions(@TempDir Path dir) throws Exception {
    String packs = writeSquarePack(dir).toString();
    Cli.Result all = Cli.run("diff", "sq-ua@2024-01-01", "sq-ua@latest", "--packs", packs, "--format", "json");
    assertThat(JSON.readTree(all.out()).at("/to/version").asText()).isEqualTo("2024-06-01");
    Cli.Result official = Cli.run("diff", "sq-ua@2024-01-01", "sq-ua@latest", "--packs", packs, "--format", "json",
        "--reliability", "official");
    assertThat(JSON.readTree(official.out()).at("/to/version").asText()).isEqualTo("2024-01-01");
    Cli.Result named = Cli.run("diff", "sq-ua@2024-01-01", "sq-ua@2024-06-01", "--packs", packs,
        "--reliability", "official,reported");
    assertThat(named.code()).isEqualTo(1);
    assertThat(named.err().strip()).isEqualTo("caveat: version sq-ua@2024-06-01 is disputed, left out by --reliability");
  }

  @Test
  void acrossGrantsRulesMatchByIdAndScopesAreSetAside(@TempDir Path dir) throws Exception {
    String packs = writeSquarePack(dir).toString();
    Path events = dir.resolve("events.ndjson");
    String base = "{\"id\":\"ID\",\"time\":\"2024-02-01T00:00:00Z\",\"user\":\"UA\",\"weapon\":{\"origin\":\"US\","
        + "\"class\":\"rocket_artillery\"},\"target\":{\"location\":{\"lat\":50.0,\"lon\":30.0},"
        + "\"category\":\"CAT\",\"activity\":\"attacking\"}}";
    Files.writeString(events, base.replace("ID", "troops").replace("CAT", "troops") + "\n"
        + base.replace("ID", "artillery").replace("CAT", "artillery") + "\n");
    Cli.Result r = Cli.run("diff", "sq-ua@2024-01-01", "gb-ua@2024-01-01", "--packs", packs, "--events",
        events.toString(), "--format", "json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode d = JSON.readTree(r.out());
    assertThat(d.get("same_grant").asBoolean()).isFalse();
    assertThat(d.at("/rules/changed/0/id").asText()).isEqualTo("in-box");
    assertThat(d.at("/rules/changed/0/condition/removed/0").asText()).isEqualTo("target.category in military_objectives");
    assertThat(d.at("/rules/changed/0/condition/added/0").asText()).isEqualTo("target.category == \"artillery\"");
    assertThat(d.at("/zones/0/gained_km2").asDouble()).isZero();
    // A US weapon read under the GB grant too: troops flip to a denial, artillery stays permitted.
    assertThat(d.at("/flips/flipped").asInt()).isEqualTo(1);
    assertThat(d.at("/flips/requests/0/id").asText()).isEqualTo("troops");
    assertThat(d.at("/flips/requests/0/from/decision").asText()).isEqualTo("PERMIT");
    assertThat(d.at("/flips/requests/0/to/decision").asText()).isEqualTo("DENY");
    assertThat(d.at("/flips/requests/0/to/grants/0/grant").asText()).isEqualTo("gb-ua");
  }

  @Test
  void permittedAreaInRussiaGrowsFromNothing() throws Exception {
    Cli.Result r = Cli.run("diff", FROM, TO, "--permitted-area", "--format", "json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode a = JSON.readTree(r.out()).get("permitted_area");
    assertThat(a.get("country").asText()).isEqualTo("RU");
    assertThat(a.get("from_km2").asDouble()).isZero();
    // The Russian side of a 100 km band along the ~230 km Kharkiv border.
    assertThat(a.get("to_km2").asDouble()).isBetween(20_000.0, 45_000.0);
    assertThat(a.get("gained_km2").asDouble()).isEqualTo(a.get("to_km2").asDouble());
    Cli.Result text = Cli.run("diff", FROM, TO, "--permitted-area");
    assertThat(text.out()).contains("Permitted area in RU (grid estimate, 0.05° cells").contains("  0 km² → ");
  }

  @Test
  void probeReplacesTheDefaultUse(@TempDir Path dir) throws Exception {
    Path probe = dir.resolve("probe.json");
    Files.writeString(probe, "{\"time\":\"2024-06-01T00:00:00Z\",\"user\":\"UA\",\"weapon\":{\"origin\":\"US\","
        + "\"class\":\"rocket_artillery\"},\"target\":{\"location\":{\"lat\":50,\"lon\":36},"
        + "\"category\":\"energy_infrastructure\",\"activity\":\"idle\"}}");
    Cli.Result r = Cli.run("diff", FROM, TO, "--probe", probe.toString(), "--format", "json");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(JSON.readTree(r.out()).at("/permitted_area/to_km2").asDouble()).isZero();
    Files.writeString(probe, Files.readString(probe) + "\n" + Files.readString(probe));
    Cli.Result two = Cli.run("diff", FROM, TO, "--probe", probe.toString());
    assertThat(two.code()).isEqualTo(1);
    assertThat(two.err()).contains("must hold exactly one request, found 2");
  }

  @Test
  void badReferencesAreOneLineAndExit1() {
    Cli.Result grant = Cli.run("diff", "us-au@2022-06-01", TO);
    assertThat(grant.code()).isEqualTo(1);
    assertThat(grant.out()).isEmpty();
    assertThat(grant.err().strip()).isEqualTo("caveat: unknown grant `us-au`; did you mean `us-ua`?");
    Cli.Result version = Cli.run("diff", "us-ua@2024-05-31", TO);
    assertThat(version.code()).isEqualTo(1);
    assertThat(version.err().strip()).startsWith("caveat: grant us-ua has no version `2024-05-31`; did you mean `");
    assertThat(version.err().strip().lines().count()).isEqualTo(1);
    for (String bad : new String[] {"us-ua@", "@2024-05-30", "us-ua@2024@x"}) {
      Cli.Result r = Cli.run("diff", bad, TO);
      assertThat(r.code()).as(bad).isEqualTo(1);
      assertThat(r.err()).as(bad).startsWith("caveat: malformed version reference `" + bad + "`");
    }
    Cli.Result bare = Cli.run("diff", "us-ua", TO);
    assertThat(bare.code()).isEqualTo(1);
    assertThat(bare.err()).contains("names no version").contains("--as-of");
    Cli.Result early = Cli.run("diff", "us-ua", TO, "--as-of", "2020-01-01");
    assertThat(early.code()).isEqualTo(1);
    assertThat(early.err()).contains("no version in force at 2020-01-01T00:00:00Z");
    Cli.Result noFile = Cli.run("diff", FROM, TO, "--events", "no/such.ndjson");
    assertThat(noFile.code()).isEqualTo(1);
    assertThat(noFile.err().strip()).isEqualTo("caveat: cannot read no/such.ndjson: no such file");
  }

  @Test
  void usageErrorsExit64AndHelpHasExamples() {
    assertThat(Cli.run("diff", FROM).code()).isEqualTo(64);
    assertThat(Cli.run("diff", FROM, TO, "--format", "yaml").code()).isEqualTo(64);
    assertThat(Cli.run("diff", FROM, TO, "--nope").code()).isEqualTo(64);
    assertThat(Cli.run("diff", "us-ua", TO, "--as-of", "yesterday").code()).isEqualTo(64);
    assertThat(Cli.run("diff", FROM, TO, "--reliability", "oficial").code()).isEqualTo(64);
    Cli.Result help = Cli.run("diff", "--help");
    assertThat(help.code()).isZero();
    assertThat(help.out()).contains("caveat diff us-ua@2022-06-01 us-ua@2024-05-30").contains("--events");
    assertThat(Cli.run("--help").out()).contains("diff");
  }

  // ---- a pack with a zone of known area ----

  private static double[] offset(double lat, double lon, double az, double km) {
    GeodesicData d = Geodesic.WGS84.Direct(lat, lon, az, km * 1000);
    return new double[] {d.lat2, d.lon2};
  }

  /** A 10 km square centred {@code eastKm} east of 50°N 30°E, as a GeoJSON FeatureCollection. */
  private static String square(double eastKm) {
    double[] c = offset(50, 30, 90, eastKm);
    double d = 5 * Math.sqrt(2);
    double[][] ring = {offset(c[0], c[1], 225, d), offset(c[0], c[1], 135, d), offset(c[0], c[1], 45, d),
        offset(c[0], c[1], 315, d)};
    StringBuilder b = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
        + "\"properties\":{},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[");
    for (int i = 0; i <= 4; i++) {
      b.append(i > 0 ? "," : "").append('[').append(ring[i % 4][1]).append(',').append(ring[i % 4][0]).append(']');
    }
    return b.append("]]}}]}").toString();
  }

  /** 2024-01-01: box = a square; 2024-06-01: box = that square shifted 5 km east plus a square 20 km east. */
  static Path writeSquarePack(Path dir) throws Exception {
    Path g = Files.createDirectories(dir.resolve("sq-ua"));
    Files.writeString(g.resolve("a.geojson"), square(0));
    Files.writeString(g.resolve("b.geojson"), square(5));
    Files.writeString(g.resolve("c.geojson"), square(20));
    Files.writeString(g.resolve("2024-01-01.yaml"), version("sq-ua", "US", "2024-01-01", "official",
        "box: { geojson: a.geojson }", "target.category in military_objectives"));
    Files.writeString(g.resolve("2024-06-01.yaml"), version("sq-ua", "US", "2024-06-01", "disputed", """
        b: { geojson: b.geojson }
          c: { geojson: c.geojson }
          box: { union: [b, c] }""", "target.category in military_objectives"));
    // A second grant (another supplier) with the same box but artillery only.
    Path other = Files.createDirectories(dir.resolve("gb-ua"));
    Files.writeString(other.resolve("a.geojson"), square(0));
    Files.writeString(other.resolve("2024-01-01.yaml"), version("gb-ua", "GB", "2024-01-01", "official",
        "box: { geojson: a.geojson }", "target.category == \"artillery\""));
    return dir;
  }

  private static String version(String grant, String grantor, String v, String reliability, String zones,
      String category) {
    return """
        grant: %s
        grantor: %s
        grantee: UA
        version: "%s"
        in_force: %s
        title: Squares %s
        sources:
          s:
            outlet: Test
            date: 2024-01-01
            no_url_reason: a source made up by the test suite
            quote: A test quote.
            attribution: the test suite
            reliability: %s
        zones:
          %s
        rules:
          - id: in-box
            effect: permit
            text: Military objectives in the box.
            sources: [s]
            when: |
              within(target.location, zones.box) && %s
        """.formatted(grant, grantor, v, v, v, reliability, zones, category);
  }
}
