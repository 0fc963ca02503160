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

/** {@code check --reliability}, {@code --as-of} and {@code --vary}, on a copy of two us-ua versions. */
class CheckOptionsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path dir;
  static String packs;

  @BeforeAll
  static void packs() throws IOException {
    packs = TimelineCommandTest.twoVersions(dir.resolve("packs")).toString();
  }

  /** Artillery attacking from Belgorod oblast; {@code time} left out when null. */
  static String request(String id, String time, double lat) {
    return "{\"id\":\"" + id + "\"," + (time == null ? "" : "\"time\":\"" + time + "\",")
        + "\"user\":\"UA\",\"weapon\":{\"origin\":\"US\",\"class\":\"rocket_artillery\"},"
        + "\"target\":{\"location\":{\"lat\":" + lat + ",\"lon\":36.66},\"category\":\"artillery\","
        + "\"activity\":\"attacking\",\"used_in_invasion\":true}}";
  }

  @Test
  void reliabilityFallsBackAndListsWhatWasSkipped() throws Exception {
    String in = request("r", "2024-06-01T03:00:00Z", 50.57);
    JsonNode all = JSON.readTree(Cli.runWithStdin(in, "check", "--packs", packs, "-").out());
    assertThat(all.at("/grants/0/version").asText()).isEqualTo("2024-05-30");
    assertThat(all.at("/grants/0/skipped").toString()).isEqualTo("[]");
    Cli.Result r = Cli.runWithStdin(in, "check", "--packs", packs, "--reliability", "official", "-");
    assertThat(r.code()).isZero();
    JsonNode a = JSON.readTree(r.out());
    assertThat(a.get("decision").asText()).isEqualTo("DENY");
    assertThat(a.at("/grants/0/version").asText()).isEqualTo("2022-06-01");
    assertThat(a.at("/grants/0/skipped").toString()).isEqualTo("[{\"version\":\"2024-05-30\",\"reliability\":\"reported\"}]");
    assertThat(r.out()).contains("\"missing\":[],\"skipped\":[");
    Cli.Result text = Cli.runWithStdin(in, "check", "--packs", packs, "--reliability", "OFFICIAL", "--format", "text", "-");
    assertThat(text.out()).contains("skipped (reliability filter): 2024-05-30 (reported)");
  }

  @Test
  void asOfFillsOnlyRequestsWithoutATime() throws Exception {
    String in = request("no-time", null, 50.57) + "\n" + request("own-time", "2024-06-01T03:00:00Z", 50.57) + "\n";
    Cli.Result without = Cli.runWithStdin(in, "check", "--packs", packs, "-");
    assertThat(without.code()).isEqualTo(2);
    assertThat(without.out().split("\n")[0]).contains("\"code\":\"request.missing\"").contains("\"at\":\"/time\"");
    Cli.Result r = Cli.runWithStdin(in, "check", "--packs", packs, "--as-of", "2023-03-01", "-");
    assertThat(r.code()).isZero();
    String[] lines = r.out().split("\n");
    assertThat(JSON.readTree(lines[0]).at("/grants/0/version").asText()).isEqualTo("2022-06-01");
    assertThat(JSON.readTree(lines[1]).at("/grants/0/version").asText()).isEqualTo("2024-05-30");
    Cli.Result instant = Cli.runWithStdin(in, "check", "--packs", packs, "--as-of", "2024-05-30T00:00:00Z", "-");
    assertThat(JSON.readTree(instant.out().split("\n")[0]).at("/grants/0/version").asText()).isEqualTo("2024-05-30");
    Cli.Result day = Cli.runWithStdin(in, "check", "--packs", packs, "--as-of", "2024-05-29T23:59:59+00:00", "-");
    assertThat(JSON.readTree(day.out().split("\n")[0]).at("/grants/0/version").asText()).isEqualTo("2022-06-01");
  }

  @Test
  void badAsOfIsAUsageError() {
    Cli.Result r = Cli.run("check", "--as-of", "2024-06-01T03:00:00", Cli.path("examples/kharkiv.ndjson"));
    assertThat(r.code()).isEqualTo(64);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("invalid value for `--as-of`: `2024-06-01T03:00:00` is not an ISO 8601");
  }

  @Test
  void badReliabilityIsAUsageError() {
    Cli.Result r = Cli.run("check", "--reliability", "official,reportd", Cli.path("examples/kharkiv.ndjson"));
    assertThat(r.code()).isEqualTo(64);
    assertThat(r.err()).contains("did you mean `reported`?");
  }

  @Test
  void varyPrintsATableAndTheRequestsThatFlip() {
    String in = request("near", "2024-06-01T03:00:00Z", 50.57) + "\n" + request("km54", "2024-06-01T03:00:00Z", 50.79)
        + "\n";
    Cli.Result r = Cli.runWithStdin(in, "check", "--packs", packs, "--vary", "kharkiv_band_depth_km=40..80:20", "-");
    assertThat(r.code()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).isEqualTo(String.join("\n",
        "kharkiv_band_depth_km  PERMIT  DENY  INDETERMINATE  NOT_APPLICABLE",
        "40                          1     1              0               0",
        "60                          2     0              0               0",
        "80                          2     0              0               0",
        "",
        "1 of 2 requests change decision across kharkiv_band_depth_km:",
        "  km54 (line 2): 40=DENY 60=PERMIT 80=PERMIT",
        ""));
  }

  @Test
  void varyAsJsonWithMalformedRequestsAndAsOf() throws Exception {
    String in = request("km54", null, 50.79) + "\n{\"id\": oops}\n";
    Cli.Result r = Cli.runWithStdin(in, "check", "--packs", packs, "--as-of", "2024-06-01",
        "--vary", "kharkiv_band_depth_km=40..60:20", "--format", "json", "-");
    assertThat(r.code()).isEqualTo(2);
    JsonNode doc = JSON.readTree(r.out());
    assertThat(doc.get("assumption").asText()).isEqualTo("kharkiv_band_depth_km");
    assertThat(doc.get("values").toString()).isEqualTo("[40,60]");
    assertThat(doc.get("requests").asInt()).isEqualTo(1);
    assertThat(doc.get("table").toString()).isEqualTo(
        "[{\"value\":40,\"PERMIT\":0,\"DENY\":1,\"INDETERMINATE\":0,\"NOT_APPLICABLE\":0},"
            + "{\"value\":60,\"PERMIT\":1,\"DENY\":0,\"INDETERMINATE\":0,\"NOT_APPLICABLE\":0}]");
    assertThat(doc.get("flips").toString()).isEqualTo("[{\"request\":\"km54 (line 1)\",\"decisions\":"
        + "[{\"value\":40,\"decision\":\"DENY\"},{\"value\":60,\"decision\":\"PERMIT\"}]}]");
    assertThat(doc.at("/malformed/0/code").asText()).isEqualTo("json.syntax");
    assertThat(doc.at("/malformed/0/request").asText()).isEqualTo("line 2");
  }

  @Test
  void badVaryInputs() {
    String file = Cli.path("examples/kharkiv.ndjson");
    Cli.Result syntax = Cli.run("check", "--vary", "kharkiv_band_depth_km=40-120", file);
    assertThat(syntax.code()).isEqualTo(64);
    assertThat(syntax.err()).contains("is not NAME=FROM..TO:STEP [vary.syntax]"
        + " (hint: e.g. --vary kharkiv_band_depth_km=40..120:20)");
    Cli.Result step = Cli.run("check", "--vary", "kharkiv_band_depth_km=40..120:0", file);
    assertThat(step.code()).isEqualTo(64);
    assertThat(step.err()).contains("the step must be greater than 0");
    Cli.Result order = Cli.run("check", "--vary", "kharkiv_band_depth_km=120..40:20", file);
    assertThat(order.code()).isEqualTo(64);
    Cli.Result many = Cli.run("check", "--vary", "kharkiv_band_depth_km=0..2000:1", file);
    assertThat(many.code()).isEqualTo(64);
    assertThat(many.err()).contains("at most 1000");
    Cli.Result name = Cli.run("check", "--packs", packs, "--vary", "kharkiv_band_depth=40..120:20", file);
    assertThat(name.code()).isEqualTo(1);
    assertThat(name.out()).isEmpty();
    assertThat(name.err()).contains("error[assumption.unknown]").contains("did you mean `kharkiv_band_depth_km`?");
  }
}
