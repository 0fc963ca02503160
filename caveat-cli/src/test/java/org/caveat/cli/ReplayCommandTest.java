package org.caveat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code caveat replay} and {@code caveat gen-events} end to end, through picocli, on temp files. */
class ReplayCommandTest {
  static final String SYNTHETIC = Cli.path("examples/replay/synthetic-300.csv");

  @TempDir
  Path dir;

  @Test
  void decisionsSummaryAndReportAreWrittenAndMatchTheGoldenFiles() throws Exception {
    Path out = dir.resolve("decisions.ndjson");
    Path html = dir.resolve("report.html");
    Cli.Result r = ReplayCli.run("replay", SYNTHETIC, "--out", out.toString(), "--report", html.toString(),
        "--summary", "--threads", "2");
    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isZero();
    assertThat(Files.readString(out)).isEqualTo(Files.readString(Path.of(Cli.path(
        "examples/replay/synthetic-300.decisions.ndjson"))));
    assertThat(r.out()).isEqualTo(Files.readString(Path.of(Cli.path("examples/replay/synthetic-300.summary.txt"))));
    assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>").contains("<svg");
  }

  @Test
  void withoutOutputOptionsTheDecisionsGoToStdout() {
    Cli.Result r = ReplayCli.run("replay", Cli.path("caveat-cli/src/test/resources/replay/three-rows.csv"));
    assertThat(r.code()).isZero();
    assertThat(r.out().lines()).hasSize(3);
    assertThat(r.out().lines().toList().get(0)).startsWith("{\"id\":\"T1\",\"decision\":\"PERMIT\"").endsWith(",\"line\":2}");
    assertThat(r.out().lines().toList().get(2)).contains("\"code\":\"event.unattributed\"");
  }

  @Test
  void badRowsAreReportedOnStderrWithTheirLinesAndTheExitCodeIsTwo() {
    Cli.Result r = ReplayCli.run("replay", Cli.path("caveat-cli/src/test/resources/replay/bad-rows.csv"), "--summary");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().lines()).containsExactly(
        "caveat: " + Cli.path("caveat-cli/src/test/resources/replay/bad-rows.csv")
            + ":3: bad row B2: latitude 95 is outside [-90, 90] (skipped)",
        "caveat: " + Cli.path("caveat-cli/src/test/resources/replay/bad-rows.csv")
            + ":4: bad row B3: event_date `yesterday` is not a date (2024-06-01 or 01 June 2024) (skipped)");
    assertThat(r.out()).startsWith("3 events: 1 decided, 0 unattributed, 2 bad rows");
  }

  @Test
  void varyPrintsTheSensitivityTable() {
    Cli.Result r = ReplayCli.run("replay", SYNTHETIC, "--vary", "kharkiv_band_depth_km=20..100:80");
    assertThat(r.code()).isZero();
    assertThat(r.out()).startsWith("kharkiv_band_depth_km  PERMIT  DENY  INDETERMINATE  NOT_APPLICABLE\n20");
    assertThat(r.out()).contains(" events change decision across kharkiv_band_depth_km");
  }

  @Test
  void aBrokenMappingIsReportedWithLineAndColumn() throws Exception {
    Path mapping = dir.resolve("m.yaml");
    Files.writeString(mapping, "fields:\n  time: row.event_date\n  user: row.actr1\n  target.lat: double(row.latitude)\n"
        + "  target.lon: double(row.longitude)\n");
    Cli.Result r = ReplayCli.run("replay", SYNTHETIC, "--mapping", mapping.toString(), "--summary");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).startsWith(mapping + ":3:9: error[cel.undeclared]: unknown column `row.actr1`")
        .contains("did you mean `row.actor1`?");
  }

  /** The mapping compiles while the engine builds; a broken mapping is still the error reported, before bad packs. */
  @Test
  void aBrokenMappingIsReportedBeforeBrokenPacks() throws Exception {
    Path mapping = dir.resolve("m.yaml");
    Files.writeString(mapping, "fields:\n  time: row.event_date\n  user: row.actr1\n  target.lat: double(row.latitude)\n"
        + "  target.lon: double(row.longitude)\n");
    Path badPacks = Path.of("../caveat-core/src/test/resources/bad/cel-bad-country").toAbsolutePath();
    Cli.Result r = ReplayCli.run("replay", SYNTHETIC, "--mapping", mapping.toString(), "--packs", badPacks.toString(),
        "--summary");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).startsWith(mapping + ":3:9: error[cel.undeclared]: unknown column `row.actr1`")
        .doesNotContain("cel-bad-country");
    Cli.Result packsOnly = ReplayCli.run("replay", SYNTHETIC, "--packs", badPacks.toString(), "--summary");
    assertThat(packsOnly.code()).isEqualTo(1);
    assertThat(packsOnly.err()).contains("cel-bad-country");
  }

  @Test
  void usageErrorsAndMissingFiles() {
    assertThat(ReplayCli.run("replay", "no-such.csv").err()).isEqualTo("caveat: cannot read no-such.csv: no such file\n");
    assertThat(ReplayCli.run("replay", SYNTHETIC, "--format", "xml").code()).isEqualTo(64);
    assertThat(ReplayCli.run("replay", SYNTHETIC, "--threads", "0").code()).isEqualTo(64);
    Cli.Result mappingOnJson = ReplayCli.run("replay", Cli.path("examples/kharkiv.ndjson"), "--mapping", "m.yaml");
    assertThat(mappingOnJson.code()).isEqualTo(64);
    assertThat(mappingOnJson.err()).contains("--mapping applies to ACLED input; this input is ndjson");
  }

  @Test
  void ndjsonInputIsAnsweredLikeCheckWithTheLineAdded() {
    Cli.Result replay = ReplayCli.run("replay", Cli.path("examples/kharkiv.ndjson"));
    Cli.Result check = Cli.run("check", Cli.path("examples/kharkiv.ndjson"));
    assertThat(replay.code()).isZero();
    assertThat(replay.out().lines().map(l -> l.replaceAll(",\"line\":\\d+}$", "}")).toList())
        .isEqualTo(check.out().lines().toList());
  }

  @Test
  void genEventsIsDeterministicAndReplayable() throws Exception {
    Path a = dir.resolve("a.csv");
    Path b = dir.resolve("b.csv");
    assertThat(ReplayCli.run("gen-events", "--rows", "300", "--seed", "1", "--format", "acled", "--out", a.toString())
        .code()).isZero();
    ReplayCli.run("gen-events", "--rows", "300", "--seed", "1", "--out", b.toString());
    assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b))
        .isEqualTo(Files.readAllBytes(Path.of(SYNTHETIC)));
    Cli.Result stdout = ReplayCli.run("gen-events", "--rows", "2", "--seed", "9", "--variant", "old");
    assertThat(stdout.out().lines()).hasSize(3);
    assertThat(stdout.out()).doesNotContain("disorder_type");
  }

  @Test
  void aFailedRunLeavesThePreviousOutputWholeAndASuccessfulOneReplacesIt() throws Exception {
    Path dir = Files.createTempDirectory("replay-out");
    Path out = dir.resolve("decisions.ndjson");
    Path html = dir.resolve("report.html");
    Files.writeString(out, "previous complete output\n");
    Files.writeString(html, "previous report\n");
    Path broken = dir.resolve("no-latitude.csv");
    Files.writeString(broken, "event_id_cnty,event_date\nX1,2024-06-01\n");
    Cli.Result failed = ReplayCli.run("replay", broken.toString(), "--format", "acled", "--out", out.toString(),
        "--report", html.toString());
    assertThat(failed.code()).isEqualTo(1);
    assertThat(Files.readString(out)).isEqualTo("previous complete output\n");
    assertThat(Files.readString(html)).isEqualTo("previous report\n");
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("decisions.ndjson",
          "report.html", "no-latitude.csv");
    }
    Cli.Result ok = ReplayCli.run("replay", Cli.path("caveat-cli/src/test/resources/replay/three-rows.csv"),
        "--out", out.toString(), "--report", html.toString());
    assertThat(ok.code()).isZero();
    assertThat(Files.readString(out)).hasLineCount(3).contains("\"decision\"");
    assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>");
    try (var files = Files.list(dir)) {
      assertThat(files.filter(p -> p.getFileName().toString().endsWith(".partial"))).isEmpty();
    }
  }
}
