package org.caveat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code caveat timeline} on a copy of the two us-ua versions of 2022-06-01 and 2024-05-30. */
class TimelineCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path dir;
  static String packs;

  @BeforeAll
  static void packs() throws IOException {
    packs = twoVersions(dir).toString();
  }

  /** {@code dir/us-ua} with the 2022-06-01 and 2024-05-30 versions only. */
  static Path twoVersions(Path dir) throws IOException {
    Path grant = Files.createDirectories(dir.resolve("us-ua"));
    for (String v : new String[] {"2022-06-01", "2024-05-30"}) {
      Files.copy(Cli.ROOT.resolve("packs/us-ua/" + v + ".yaml"), grant.resolve(v + ".yaml"));
    }
    return dir;
  }

  @Test
  void textListsVersionsChangesAndSources() {
    Cli.Result r = Cli.run("timeline", "--packs", packs, "--detail");
    assertThat(Cli.run("timeline", "us-ua", "--packs", packs).out()).isEqualTo(r.out());
    assertThat(r.code()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out())
        .startsWith("us-ua  US → UA  2 versions\n")
        .contains("  2022-06-01  in force 2022-06-01  official  HIMARS announced; no strikes on Russian territory with these systems\n")
        .contains("    changes: first version: 2 rules (no-strikes-on-russian-territory, ukraine-military-objectives)\n")
        .contains("    source blinken-2022-06-01: US Department of State")
        .contains("  2024-05-30  in force 2024-05-30  reported  Counter-fire into Russia near Kharkiv\n")
        .contains("    changes since 2022-06-01: rules added: civilian-infrastructure")
        .contains("removed: no-strikes-on-russian-territory, ukraine-military-objectives")
        .contains("    source politico-counter-fire: Yahoo News (syndicated report; original outlet not named in the copy),"
            + " 2024-05\n");
    assertThat(r.out().indexOf("2022-06-01  in force")).isLessThan(r.out().indexOf("2024-05-30  in force"));
  }

  @Test
  void withoutAGrantTheOverviewHasOneLinePerVersionGroupedByGrant() {
    Cli.Result r = Cli.run("timeline", "--packs", packs, "--as-of", "2024-06-01");
    assertThat(r.code()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).isEqualTo("""
        us-ua  US → UA  2 versions
          2022-06-01  official  HIMARS announced; no strikes on Russian territory with these systems
        * 2024-05-30  reported  Counter-fire into Russia near Kharkiv
        * in force at 2024-06-01T00:00:00Z
        """);
    assertThat(Cli.run("timeline", "--packs", packs, "--reliability", "official").out()).isEqualTo("""
        us-ua  US → UA  1 version
          2022-06-01  official  HIMARS announced; no strikes on Russian territory with these systems
        """);
    assertThat(Cli.run("timeline", "--packs", packs, "--reliability", "disputed").out())
        .isEqualTo("us-ua  US → UA  0 versions\n  (no version of an admitted reliability)\n");
  }

  @Test
  void theOverviewInJsonIsTheCoreDocument() throws Exception {
    Cli.Result r = Cli.run("timeline", "--packs", packs, "--format", "json", "--as-of", "2024-06-01");
    assertThat(r.code()).isZero();
    JsonNode doc = JSON.readTree(r.out());
    assertThat(doc.get("as_of").asText()).isEqualTo("2024-06-01T00:00:00Z");
    assertThat(doc.get("versions").asInt()).isEqualTo(2);
    assertThat(doc.at("/grants/0/grant").asText()).isEqualTo("us-ua");
    assertThat(doc.at("/grants/0/versions/1").toString()).isEqualTo("{\"in_force\":\"2024-05-30\",\"version\":\"2024-05-30\","
        + "\"reliability\":\"reported\",\"title\":\"Counter-fire into Russia near Kharkiv\",\"in_force_at_as_of\":true}");
    assertThat(doc.at("/grants/0/versions/0/changes").isMissingNode()).isTrue();
  }

  @Test
  void jsonIsOneDeterministicDocument() throws Exception {
    Cli.Result r = Cli.run("timeline", "us-ua", "--packs", packs, "--format", "json", "--as-of", "2024-06-01");
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEqualTo(
        Cli.run("timeline", "us-ua", "--packs", packs, "--format", "json", "--as-of", "2024-06-01").out());
    JsonNode doc = JSON.readTree(r.out());
    assertThat(doc.get("as_of").asText()).isEqualTo("2024-06-01T00:00:00Z");
    JsonNode g = doc.at("/grants/0");
    assertThat(g.get("grant").asText()).isEqualTo("us-ua");
    assertThat(g.get("grantor").asText()).isEqualTo("US");
    assertThat(g.get("grantee").asText()).isEqualTo("UA");
    JsonNode v1 = g.at("/versions/0");
    JsonNode v2 = g.at("/versions/1");
    assertThat(v1.get("version").asText()).isEqualTo("2022-06-01");
    assertThat(v1.get("in_force").asText()).isEqualTo("2022-06-01");
    assertThat(v1.get("reliability").asText()).isEqualTo("official");
    assertThat(v1.get("in_force_at_as_of").asBoolean()).isFalse();
    assertThat(v1.at("/sources/0/id").asText()).isEqualTo("biden-nyt-2022-05-31");
    assertThat(v1.at("/sources/0/url").asText()).startsWith("https://www.nytimes.com/");
    assertThat(v2.get("in_force_at_as_of").asBoolean()).isTrue();
    assertThat(v2.get("title").asText()).isEqualTo("Counter-fire into Russia near Kharkiv");
    assertThat(v2.at("/changes/removed").toString())
        .isEqualTo("[\"no-strikes-on-russian-territory\",\"ukraine-military-objectives\"]");
    assertThat(v2.at("/changes/changed").toString()).isEqualTo("[]");
    assertThat(v2.at("/changes/assumptions_changed").toString())
        .isEqualTo("[\"assurance_covers_all_us_weapons\",\"bombers_include_any_aircraft\",\"far_inside_russia_km\","
            + "\"inbound_missiles_any_heading\",\"kharkiv_band_depth_km\",\"massing_includes_armored_vehicles\"]");
    assertThat(r.out()).contains("\"version\":\"2024-05-30\",\"in_force\":\"2024-05-30\",\"reliability\":\"reported\"");
  }

  @Test
  void asOfMarksTheVersionInForceInText() {
    Cli.Result before = Cli.run("timeline", "us-ua", "--packs", packs, "--as-of", "2024-05-29T23:59:59Z");
    assertThat(before.out()).contains("* 2022-06-01  in force").contains("  2024-05-30  in force");
    Cli.Result early = Cli.run("timeline", "us-ua", "--packs", packs, "--as-of", "2022-01-01");
    assertThat(early.out()).contains("No listed version is in force at 2022-01-01T00:00:00Z.");
  }

  @Test
  void reliabilityLeavesVersionsOut() throws Exception {
    Cli.Result r = Cli.run("timeline", "--packs", packs, "--detail", "--reliability", "official", "--format", "json");
    assertThat(r.code()).isZero();
    JsonNode doc = JSON.readTree(r.out());
    assertThat(doc.get("reliability").toString()).isEqualTo("[\"official\"]");
    assertThat(doc.at("/grants/0/versions")).hasSize(1);
    JsonNode both = JSON.readTree(Cli.run("timeline", "us-ua", "--packs", packs, "--reliability", "reported,Official",
        "--format", "json").out());
    assertThat(both.get("reliability").toString()).isEqualTo("[\"official\",\"reported\"]");
    assertThat(both.at("/grants/0/versions")).hasSize(2);
    JsonNode repeated = JSON.readTree(Cli.run("timeline", "us-ua", "--packs", packs, "--reliability", "reported",
        "--reliability", "disputed", "--format", "json").out());
    assertThat(repeated.get("reliability").toString()).isEqualTo("[\"reported\",\"disputed\"]");
    assertThat(repeated.at("/grants/0/versions/0/version").asText()).isEqualTo("2024-05-30");
  }

  @Test
  void anUnknownGrantIsOneLineWithDidYouMeanAndExit1() {
    Cli.Result r = Cli.run("timeline", "us-au", "--packs", packs);
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo("GRANT us-au: error[grant.unknown]: no grant `us-au` in the packs"
        + " (hint: did you mean `us-ua`?)" + System.lineSeparator());
  }

  @Test
  void badOptionsAreUsageErrors() {
    Cli.Result asOf = Cli.run("timeline", "--packs", packs, "--as-of", "yesterday");
    assertThat(asOf.code()).isEqualTo(64);
    assertThat(asOf.err()).contains("--as-of").contains("is not an ISO 8601 date");
    Cli.Result rel = Cli.run("timeline", "--packs", packs, "--reliability", "oficial");
    assertThat(rel.code()).isEqualTo(64);
    assertThat(rel.err()).contains("did you mean `official`?");
  }

  @Test
  void helpShowsExamples() {
    Cli.Result r = Cli.run("timeline", "--help");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("caveat timeline us-ua --as-of 2024-06-01").contains("--reliability");
  }
}
