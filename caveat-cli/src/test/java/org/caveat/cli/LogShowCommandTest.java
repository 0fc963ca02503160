package org.caveat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.caveat.Caveat;
import org.caveat.explain.Answer;
import org.caveat.json.AnswerWriter;
import org.caveat.json.Json;
import org.caveat.json.RequestReader;
import org.caveat.server.decide.LoggedDecisions;
import org.caveat.store.DecisionEntry;
import org.caveat.store.Store;
import org.caveat.store.StoreConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code caveat log show INDEX}: the entry as {@code GET /v1/log/entries/{index}} shows it, its
 * answer rebuilt by deciding again: the bytes answered when it was logged, found through the
 * store's version texts when the packs given no longer hold the pinned version.
 */
class LogShowCommandTest {
  @TempDir
  Path dir;

  static final String REQUEST = "{\"id\":\"s1\",\"time\":\"2024-06-01T03:00:00Z\",\"user\":\"UA\",\"weapon\":"
      + "{\"origin\":\"US\",\"class\":\"rocket_artillery\",\"range_km\":84},\"target\":{\"location\":"
      + "{\"lat\":50.59,\"lon\":36.58},\"category\":\"artillery\",\"activity\":\"attacking\","
      + "\"used_in_invasion\":true},\"purpose\":\"counter_fire\"}";

  /** Logs one decision of the built-in packs, with a what-if override; returns the answer as sent. */
  String logOne(boolean recordTexts) throws Exception {
    Caveat engine = Caveat.builder().assume("kharkiv_band_depth_km", "20").build();
    Answer a = engine.answer(RequestReader.read(Json.MAPPER.readTree(REQUEST)).request());
    Map<String, String> assumed = Map.of("kharkiv_band_depth_km", "20");
    try (Store s = Store.open(StoreConfig.sqlite(dir))) {
      DecisionEntry e = LoggedDecisions.entry("s1", Instant.parse("2024-06-02T00:00:00Z"),
          REQUEST.getBytes(StandardCharsets.UTF_8), a, engine, assumed, false);
      s.log().append(e).join();
      if (recordTexts) {
        s.versionTexts().record(new org.caveat.server.policy.LiveEngine(
            org.caveat.server.policy.EngineFactory.packs(null), s.published()).versionFiles().values());
      }
    }
    return AnswerWriter.toJson(a, false, assumed);
  }

  @Test
  void anEntryIsPrintedWithTheAnswerSentRebuilt() throws Exception {
    String sent = logOne(false);
    Cli.Result r = Cli.run("log", "show", "0", "--data", dir.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("{\n  \"index\" : 0,\n  \"kind\" : \"decision\",\n  \"format\" : 3,")
        .contains("\"answer\" : " + sent + ",\n").contains("\"assumed\" : {\n    \"kharkiv_band_depth_km\" : \"20\"\n  }")
        .doesNotContain("rebuild_problem").endsWith("}\n");
  }

  @Test
  void theStoresVersionTextsServeWhenThePacksNoLongerHoldThePinnedVersion() throws Exception {
    String sent = logOne(true);
    Path otherPacks = Cli.ROOT.resolve("scripts/bench/cedar/pack");
    Cli.Result r = Cli.run("log", "show", "0", "--data", dir.toString(), "--packs", otherPacks.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("\"answer\" : " + sent + ",\n").doesNotContain("rebuild_problem");
    Cli.Result verify = Cli.run("log", "verify", "--data", dir.toString(), "--redecide", "--packs", otherPacks.toString());
    assertThat(verify.code()).as(verify.err()).isZero();
    assertThat(verify.out()).contains("redecide ok: 1 compact entry decided again, 0 differ");
  }

  @Test
  void withoutTheTextAnywhereTheEntryIsPrintedWithItsProblem() throws Exception {
    logOne(false);
    Path otherPacks = Cli.ROOT.resolve("scripts/bench/cedar/pack");
    Cli.Result r = Cli.run("log", "show", "0", "--data", dir.toString(), "--packs", otherPacks.toString());
    assertThat(r.code()).isEqualTo(CaveatCli.FAILED);
    assertThat(r.out()).contains("\"answer\" : null,").contains("\"rebuild_problem\" : \"no version with content hash");
    assertThat(r.err()).contains("entry 0: its answer could not be rebuilt");
  }

  @Test
  void anIndexOutsideTheLogIsNamed() throws Exception {
    logOne(false);
    Cli.Result r = Cli.run("log", "show", "5", "--data", dir.toString());
    assertThat(r.code()).isEqualTo(CaveatCli.FAILED);
    assertThat(r.err()).contains("no log entry 5; the log holds 1 (indexes start at 0)");
    assertThat(Cli.run("log", "show", "--data", dir.toString()).code()).isEqualTo(CaveatCli.USAGE);
  }
}
