package org.caveat.flink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.caveat.Caveat;
import org.caveat.explain.Answer;
import org.caveat.json.Json;
import org.caveat.replay.EventFormat;
import org.caveat.replay.EventSource;
import org.caveat.replay.ReplayEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Daily summaries: the counts of the example file, and the lateness policy on events out of time order. */
class SummariesTest {
  @RegisterExtension
  static final MiniClusterExtension CLUSTER = new MiniClusterExtension(
      new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

  @Test
  void theDailyCountsAreTheDecisionsOfTheFile(@TempDir Path tmp) throws Exception {
    Path file = Path.of("../examples/replay/synthetic-300.csv");
    Path out = tmp.resolve("out");
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    // A delay of ten years: the file's events are in no time order, and none is late.
    ComplianceJob.build(env, JobOptions.of(List.of(file.toString()), out.toString(), Duration.ofMillis(200))
        .withSummaries(Duration.ofDays(3650), Duration.ZERO));
    env.execute("summaries-test");

    Map<String, Long> got = new TreeMap<>();
    for (String l : OutputCounts.lines(out.resolve(Summaries.BUCKET))) {
      JsonNode n = Json.MAPPER.readTree(l);
      String key = n.get("day").asText() + " " + n.get("grant").asText() + " " + n.get("version").asText() + " "
          + n.get("verdict").asText();
      assertThat(got.put(key, n.get("count").asLong())).as("one line per key: " + key).isNull();
    }
    assertThat(got).isEqualTo(expected(file)).containsEntry("- - - UNATTRIBUTED", 32L);
    assertThat(out.resolve(Summaries.LATE)).doesNotExist();
  }

  /** The counts worked out here, from replay's reader and the engine's answers, one event at a time. */
  static Map<String, Long> expected(Path file) throws Exception {
    Caveat caveat = DecideFunction.engine(null);
    Map<String, Long> counts = new TreeMap<>();
    try (BufferedInputStream in = new BufferedInputStream(Files.newInputStream(file));
        EventSource source = EventFormat.ACLED.open(in, EventFileFormat.mapping(null))) {
      EventSource.Framed item;
      while ((item = source.next()) != null) {
        ReplayEvent e = source.decode(item, null);
        if (e.request() == null) {
          counts.merge("- - - " + (e.isBad() ? "BAD" : "UNATTRIBUTED"), 1L, Long::sum);
          continue;
        }
        Answer a = caveat.answer(e.request());
        String day = LocalDate.ofInstant(e.request().time(), ZoneOffset.UTC).toString();
        if (a.grants().isEmpty()) counts.merge(day + " - - " + a.decision(), 1L, Long::sum);
        for (Answer.GrantAnswer g : a.grants()) {
          counts.merge(day + " " + g.grant() + " " + (g.version() == null ? "-" : g.version()) + " " + g.decision(),
              1L, Long::sum);
        }
      }
    }
    return counts;
  }

  @Test
  void lateEventsUpdateTheirDayOrGoToTheLateOutput(@TempDir Path tmp) throws Exception {
    String template = Files.readAllLines(Path.of("../examples/kharkiv.ndjson")).get(0);
    String[] times = {"2024-06-10T03:00:00Z", "2024-06-10T05:00:00Z", "2024-06-12T00:30:00Z",
        "2024-06-10T07:00:00Z", "2024-06-11T05:00:00Z", "2024-06-11T06:00:00Z"};
    StringBuilder events = new StringBuilder();
    for (int i = 0; i < times.length; i++) {
      events.append(template.replace("\"id\":\"permit-counter-fire\"", "\"id\":\"e" + (i + 1) + "\"")
          .replace("2024-06-01T03:00:00Z", times[i])).append('\n');
    }
    Path file = tmp.resolve("out-of-order.ndjson");
    Files.writeString(file, events);
    Path out = tmp.resolve("out");
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(1);
    // No delay: the watermark is the latest time seen. A day's count may be updated for an hour after it.
    ComplianceJob.build(env, JobOptions.of(List.of(file.toString()), out.toString(), Duration.ofMillis(200))
        .withSummaries(Duration.ZERO, Duration.ofHours(1)));
    env.execute("lateness-test");

    List<String> summaries = OutputCounts.lines(out.resolve(Summaries.BUCKET)).stream()
        .map(l -> l.replaceFirst(",\"grant\".*\"count\"", " count")).toList();
    // e3 (06-12 00:30) closes 06-10 (2 events); e5 and e6 arrive for 06-11 within its hour: it is
    // written and then updated; e4 (06-10) comes after 06-10's hour: late.
    assertThat(summaries).containsExactly("{\"day\":\"2024-06-10\" count:2}", "{\"day\":\"2024-06-11\" count:1}",
        "{\"day\":\"2024-06-11\" count:2}", "{\"day\":\"2024-06-12\" count:1}");
    List<String> late = OutputCounts.lines(out.resolve(Summaries.LATE));
    assertThat(late).hasSize(1);
    assertThat(late.get(0)).contains("\"day\":\"2024-06-10\"").contains("\"time\":\"" + Instant.parse(times[3]) + "\"")
        .contains("\"input\":\"out-of-order.ndjson\"").contains("\"line\":4");
  }
}
