package org.caveat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.caveat.Caveat;
import org.caveat.explain.Answer;
import org.caveat.json.Json;
import org.caveat.json.RequestReader;
import org.caveat.server.decide.LoggedDecisions;
import org.caveat.store.DecisionEntry;
import org.caveat.store.Store;
import org.caveat.store.StoreConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code caveat log verify --redecide} on more entries than one chunk of its pipeline (entries are
 * read while earlier chunks are decided on the workers): differences come out in index order, and
 * entries logged with what-if overrides, including one no pinned version defines, are decided
 * again without a difference.
 */
class LogRedecideTest {
  @TempDir
  Path dir;

  static final Caveat ENGINE = LogCommandTest.ENGINE;

  static String request(String id, String time) {
    return "{\"id\":\"" + id + "\",\"time\":\"" + time + "\",\"user\":\"UA\",\"weapon\":"
        + "{\"origin\":\"US\",\"class\":\"rocket_artillery\",\"range_km\":84},\"target\":{\"location\":"
        + "{\"lat\":50.59,\"lon\":36.58},\"category\":\"artillery\",\"activity\":\"attacking\","
        + "\"used_in_invasion\":true},\"purpose\":\"counter_fire\"}";
  }

  static DecisionEntry logged(Caveat engine, String id, String time, Map<String, String> assumed) throws Exception {
    String request = request(id, time);
    Answer a = engine.answer(RequestReader.read(Json.MAPPER.readTree(request)).request());
    return LoggedDecisions.entry(id, Instant.parse("2024-06-02T00:00:00Z"), request.getBytes(StandardCharsets.UTF_8), a,
        engine, assumed, false);
  }

  @Test
  void differencesOverSeveralChunksAreListedInIndexOrder() throws Exception {
    List<Integer> wrong = List.of(8, 1500, 2400); // even: decided PERMIT, so a stored DENY differs
    try (Store s = Store.open(StoreConfig.sqlite(dir))) {
      List<DecisionEntry> batch = new ArrayList<>();
      for (int i = 0; i < 2500; i++) {
        DecisionEntry e = logged(ENGINE, "e" + i, i % 2 == 0 ? "2024-06-01T03:00:00Z" : "2023-06-01T03:00:00Z", Map.of());
        if (wrong.contains(i)) {
          e = new DecisionEntry(e.id(), e.time(), e.request(), e.versionHashes(), e.assumed(), e.quotes(), "DENY",
              e.grants());
        }
        batch.add(e);
        if (batch.size() == 500) {
          s.log().appendAll(batch).join();
          batch.clear();
        }
      }
    }
    Cli.Result r = Cli.run("log", "verify", "--data", dir.toString(), "--redecide");
    assertThat(r.code()).isEqualTo(CaveatCli.FAILED);
    assertThat(r.err()).contains("redecide BAD: 2500 compact entries decided again, 3 differ; 0 passed over");
    List<String> named = new ArrayList<>();
    Matcher m = Pattern.compile("redecide BAD: entry (\\d+) \\(e\\d+\\): logged DENY").matcher(r.err());
    while (m.find()) named.add(m.group(1));
    assertThat(named).containsExactly("8", "1500", "2400");
  }

  /**
   * An override applies only to versions that define it: on a date whose version in force does
   * not, the entry pins no version defining it, and it is still decided again (one engine build,
   * the override dropped) to the same verdict.
   */
  @Test
  void entriesWithOverridesAreDecidedAgainWhetherOrNotTheirPinnedVersionsDefineThem() throws Exception {
    Map<String, String> assumed = Map.of("kharkiv_band_depth_km", "20");
    Caveat whatIf = Caveat.builder().assume("kharkiv_band_depth_km", "20").build();
    try (Store s = Store.open(StoreConfig.sqlite(dir))) {
      s.log().appendAll(List.of(
          logged(whatIf, "defined", "2024-06-01T03:00:00Z", assumed),
          logged(whatIf, "not-defined", "2025-12-01T03:00:00Z", assumed),
          logged(ENGINE, "plain", "2025-12-01T03:00:00Z", Map.of()))).join();
    }
    Cli.Result r = Cli.run("log", "verify", "--data", dir.toString(), "--redecide");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("redecide ok: 3 compact entries decided again, 0 differ; 0 passed over");
  }
}
