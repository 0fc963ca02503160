package org.caveat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static List<JsonNode> lines(String out) throws Exception {
    List<JsonNode> nodes = new java.util.ArrayList<>();
    for (String l : out.split("\n")) nodes.add(JSON.readTree(l));
    return nodes;
  }

  @Test
  void examplesGiveTheVerdictsTheReadmeShows() throws Exception {
    Cli.Result r = Cli.run("check", Cli.path("examples/kharkiv.ndjson"));
    assertThat(r.code()).isZero();
    assertThat(r.err()).isEmpty();
    List<String> verdicts = lines(r.out()).stream()
        .map(n -> n.get("id").asText() + " " + n.get("decision").asText()
            + (n.get("grants").isEmpty() ? "" : " " + n.get("grants").get(0).get("basis").asText()))
        .toList();
    assertThat(verdicts).containsExactly(
        "permit-counter-fire PERMIT permitted",
        "deny-forbidden-energy-infrastructure DENY forbidden",
        "deny-forbidden-far-inside-russia DENY forbidden",
        "deny-not-permitted-near-sumy-border DENY not_permitted",
        "indeterminate-used-in-invasion-missing INDETERMINATE missing_attributes",
        "deny-2023-russian-territory DENY forbidden",
        "indeterminate-before-first-version INDETERMINATE no_version_in_force",
        "not-applicable-australian-weapon NOT_APPLICABLE");
  }

  @Test
  void eachExampleFileMatchesItsLineInTheNdjson() throws Exception {
    List<String> all = Files.readAllLines(Cli.ROOT.resolve("examples/kharkiv.ndjson"));
    String stream = Cli.run("check", Cli.path("examples/kharkiv.ndjson")).out();
    for (int i = 0; i < all.size(); i++) {
      String id = JSON.readTree(all.get(i)).get("id").asText();
      Cli.Result one = Cli.run("check", Cli.path("examples/" + id + ".json"));
      assertThat(one.out()).isEqualTo(stream.split("\n")[i] + "\n");
    }
  }

  @Test
  void malformedItemsAreReportedInPlaceAndTheRestAnswered() throws Exception {
    Cli.Result r = Cli.run("check", Cli.path("examples/malformed.ndjson"));
    assertThat(r.code()).isEqualTo(2);
    List<JsonNode> out = lines(r.out());
    assertThat(out).hasSize(7);
    assertThat(out.get(0).get("decision").asText()).isEqualTo("PERMIT");
    assertThat(out.get(1).at("/error/at").asText()).isEqualTo("/target/location/lat");
    assertThat(out.get(2).at("/error/code").asText()).isEqualTo("request.vocabulary");
    assertThat(out.get(3).get("decision").asText()).isEqualTo("DENY");
    assertThat(out.get(4).at("/error/code").asText()).isEqualTo("json.syntax");
    assertThat(out.get(4).at("/error/at").asText()).isEqualTo("line 5");
    assertThat(out.get(5).at("/error/at").asText()).isEqualTo("/weapon/range_km");
    assertThat(out.get(6).get("decision").asText()).isEqualTo("NOT_APPLICABLE");
  }

  @Test
  void outputKeepsInputOrderAcrossBatchesAndThreads(@TempDir Path dir) throws Exception {
    String request = Files.readAllLines(Cli.ROOT.resolve("examples/kharkiv.ndjson")).get(0);
    StringBuilder in = new StringBuilder();
    int n = CheckPipeline.BATCH * 2 + 17;
    String[] categories = {"artillery", "energy_infrastructure", "troops", "unknown"};
    for (int i = 0; i < n; i++) {
      // Varying verdicts but one location: this test is about order, not geography, and stays fast.
      in.append(request.replace("\"permit-counter-fire\"", "\"r" + i + "\"")
          .replace("\"artillery\"", "\"" + categories[i % categories.length] + "\"")).append('\n');
    }
    Path file = dir.resolve("many.ndjson");
    Files.writeString(file, in);
    Cli.Result parallel = Cli.run("check", "--threads", "4", file.toString());
    Cli.Result serial = Cli.run("check", "--threads", "1", file.toString());
    assertThat(parallel.code()).isZero();
    assertThat(parallel.out()).isEqualTo(serial.out());
    List<JsonNode> out = lines(parallel.out());
    assertThat(out).hasSize(n);
    for (int i = 0; i < n; i++) assertThat(out.get(i).get("id").asText()).isEqualTo("r" + i);
  }

  @Test
  void readsStdinAndJsonArrays() throws Exception {
    String lines = Files.readString(Cli.ROOT.resolve("examples/kharkiv.ndjson"));
    String array = "[" + String.join(",", lines.strip().split("\n")) + "]";
    Cli.Result fromStdin = Cli.runWithStdin(array, "check", "-");
    assertThat(fromStdin.code()).isZero();
    assertThat(fromStdin.out()).isEqualTo(Cli.run("check", Cli.path("examples/kharkiv.ndjson")).out());
  }

  @Test
  void anUnclosedArrayOnStdinIsReportedAfterItsItems() throws Exception {
    String one = Files.readString(Cli.ROOT.resolve("examples/permit-counter-fire.json")).strip();
    Cli.Result r = Cli.runWithStdin("[" + one, "check", "-");
    assertThat(r.code()).isEqualTo(2);
    List<JsonNode> out = lines(r.out());
    assertThat(out).hasSize(2);
    assertThat(out.get(0).get("decision").asText()).isEqualTo("PERMIT");
    assertThat(out.get(1).at("/error/message").asText()).contains("the JSON array opened on line 1 is not closed");
    assertThat(r.err()).doesNotContain("unexpected error");
  }

  @Test
  void assumptionsChangeTheVerdict() throws Exception {
    Cli.Result narrow = Cli.run("check", "--assume", "kharkiv_band_depth_km=20",
        Cli.path("examples/permit-counter-fire.json"));
    assertThat(narrow.code()).isZero();
    JsonNode a = lines(narrow.out()).get(0);
    assertThat(a.get("decision").asText()).isEqualTo("DENY");
    assertThat(a.at("/grants/0/basis").asText()).isEqualTo("not_permitted");
  }

  @Test
  void badAssumptionsPrintDiagnosticsAndExit1() {
    Cli.Result unknown = Cli.run("check", "--assume", "kharkiv_band_depth=20", Cli.path("examples/kharkiv.ndjson"));
    assertThat(unknown.code()).isEqualTo(1);
    assertThat(unknown.out()).isEmpty();
    // Core names the override neutrally (assume.NAME); the CLI words it as the option typed.
    assertThat(unknown.err().strip()).isEqualTo("--assume kharkiv_band_depth: error[assumption.unknown]: no version"
        + " defines assumption `kharkiv_band_depth` (hint: did you mean `kharkiv_band_depth_km`?)");
    Cli.Result notANumber = Cli.run("check", "--assume", "kharkiv_band_depth_km=far",
        Cli.path("examples/kharkiv.ndjson"));
    assertThat(notANumber.code()).isEqualTo(1);
    assertThat(notANumber.err().strip()).isEqualTo("--assume kharkiv_band_depth_km: error[assumption.type]: assumption"
        + " `kharkiv_band_depth_km` is a number (km), got `far` (hint: e.g. --assume kharkiv_band_depth_km=100.0)");
  }

  @Test
  void textFormatShowsVerdictRulesQuotesAndFacts() {
    Cli.Result r = Cli.run("check", "--format", "text", Cli.path("examples/kharkiv.ndjson"));
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains("permit-counter-fire (line 1): PERMIT")
        .contains("permit kharkiv-counter-fire: ")
        .contains("“The president recently directed his team")
        .contains("missing: target.used_in_invasion")
        .contains("closest permit kharkiv-counter-fire fails on: 151 km from kharkiv_border")
        .contains("facts: RU, RU-BEL; 30.5 km from the UA–RU border")
        .contains("explanation: Not applicable");
    Cli.Result bad = Cli.run("check", "--format", "text", Cli.path("examples/malformed.ndjson"));
    assertThat(bad.out()).contains("bad-latitude (line 2): MALFORMED request.range at /target/location/lat");
  }

  @Test
  void missingInputIsOneLineNotAStackTrace() {
    Cli.Result r = Cli.run("check", "no/such/file.ndjson");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err().strip()).isEqualTo("caveat: cannot read no/such/file.ndjson: no such file");
  }

  @Test
  void emptyInputAnswersNothing() {
    Cli.Result r = Cli.runWithStdin("\n\n", "check", "-");
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEmpty();
  }
}
