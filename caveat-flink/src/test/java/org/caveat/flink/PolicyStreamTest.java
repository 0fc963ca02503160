package org.caveat.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A version published while the job runs changes the decisions of the events processed after it
 * and not of those before. The order is made deterministic by the test: events are written into
 * the watched folder only after the previous step's output (or the slots' record of the version,
 * {@code policies/}) is committed. Two slots, so the version reaches both by broadcast.
 */
class PolicyStreamTest {
  @RegisterExtension
  static final MiniClusterExtension CLUSTER = new MiniClusterExtension(
      new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(3).build());

  /** An Italian weapon on an airfield in Russia: in 2026, and in 2025 (before the new version's date). */
  static final String EVENTS = event("it-2026", "2026-02-01") + event("it-2025", "2025-06-01");

  static String event(String id, String date) {
    return "{\"id\":\"" + id + "\",\"time\":\"" + date + "T03:00:00Z\",\"user\":\"UA\",\"weapon\":{\"origin\":\"IT\","
        + "\"system\":\"x\",\"class\":\"rocket_artillery\",\"range_km\":84},\"target\":{\"location\":{\"lat\":51.8,"
        + "\"lon\":39.4},\"category\":\"airfield\",\"activity\":\"idle\",\"used_in_invasion\":true},"
        + "\"purpose\":\"interdiction\"}\n";
  }

  @Test
  void aVersionPublishedMidStreamDecidesTheEventsAfterIt(@TempDir Path tmp) throws Exception {
    Path events = Files.createDirectories(tmp.resolve("events"));
    Path policies = Files.createDirectories(tmp.resolve("policies"));
    Path out = tmp.resolve("out");
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    ComplianceJob.build(env, JobOptions.of(List.of(events.toString()), out.toString(), Duration.ofMillis(100))
        .withPolicies(policies.toString(), Duration.ofMillis(200)));
    JobClient job = env.executeAsync("policy-stream-test");
    try {
      publish(events.resolve("before.ndjson"), EVENTS);
      List<String> before = committed(out.resolve("decisions/before.ndjson"), 2);

      // A broken version first (refused, nothing changes), then the new one.
      publish(policies.resolve("it-ua/2027-01-01.yaml"), "grant: it-ua\nversion: [");
      publish(policies.resolve("it-ua/2026-01-01.yaml"), newItalianVersion());
      List<String> record = committed(out.resolve(PolicyLines.BUCKET), 4);
      assertThat(record.stream().filter(l -> l.contains("\"status\":\"refused\""))).hasSize(2)
          .allSatisfy(l -> assertThat(l).contains("it-ua/2027-01-01.yaml"));
      assertThat(record.stream().filter(l -> l.contains("\"status\":\"applied\""))).hasSize(2)
          .allSatisfy(l -> assertThat(l).contains("\"policy\":\"it-ua/2026-01-01.yaml\"").contains("\"hash\":\"sha256:"));

      publish(events.resolve("after.ndjson"), EVENTS);
      List<String> after = committed(out.resolve("decisions/after.ndjson"), 2);

      assertThat(line(before, "it-2026")).contains("\"decision\":\"DENY\"").contains("\"version\":\"2024-05-07\"");
      String hash = record.stream().filter(l -> l.contains("applied")).findFirst().orElseThrow()
          .replaceFirst(".*\"hash\":\"([^\"]+)\".*\n?", "$1");
      assertThat(line(after, "it-2026")).contains("\"decision\":\"PERMIT\"").contains("\"version\":\"2026-01-01\"")
          .contains("\"hash\":\"" + hash + "\"");
      // In force from 2026-01-01: the 2025 event is decided as before, byte for byte.
      assertThat(line(after, "it-2025")).isEqualTo(line(before, "it-2025")).contains("\"version\":\"2024-05-07\"");
    } finally {
      job.cancel().get();
    }
  }

  /** The built-in it-ua version, re-issued from 2026: Italian weapons now permitted on military objectives in Russia. */
  static String newItalianVersion() throws Exception {
    String v = Files.readString(Path.of("../packs/it-ua/2024-05-07.yaml"));
    return v.replace("version: \"2024-05-07\"", "version: \"2026-01-01\"").replace("in_force: 2024-05-07", "in_force: 2026-01-01")
        .replace("effect: forbid", "effect: permit")
        .replace("country(target.location) == \"RU\"\n", "country(target.location) == \"RU\" && target.category in military_objectives\n");
  }

  /** Writes a file whole, then moves it into place (the watcher skips names starting with '.'). */
  static void publish(Path file, String text) throws Exception {
    Files.createDirectories(file.getParent());
    Path hidden = file.resolveSibling("." + file.getFileName());
    Files.writeString(hidden, text);
    Files.move(hidden, file, StandardCopyOption.ATOMIC_MOVE);
  }

  /** Waits (up to two minutes) until {@code n} lines are committed under {@code dir}. */
  static List<String> committed(Path dir, int n) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    List<String> lines = OutputCounts.lines(dir);
    while (lines.size() < n && System.nanoTime() < deadline) {
      Thread.sleep(100);
      lines = OutputCounts.lines(dir);
    }
    assertThat(lines).as("committed lines in " + dir).hasSize(n);
    return lines;
  }

  static String line(List<String> lines, String id) {
    return lines.stream().filter(l -> l.startsWith("{\"id\":\"" + id + "\"")).findFirst().orElseThrow();
  }
}
