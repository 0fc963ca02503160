package org.caveat.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.JobID;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Metric;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.caveat.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The decide step's metrics, read through Flink's metric system: counts per verdict equal the replay's; the lag gauges are set. */
class MetricsTest {
  static final InMemoryReporter REPORTER = InMemoryReporter.createWithRetainedMetrics();

  @RegisterExtension
  static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
      .setConfiguration(REPORTER.addToConfiguration(new Configuration()))
      .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

  @Test
  void countsPerVerdictAndLag(@TempDir Path tmp) throws Exception {
    Path file = Path.of("../examples/replay/synthetic-300.csv");
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    ComplianceJob.build(env, JobOptions.of(List.of(file.toString()), tmp.resolve("out").toString(), Duration.ofMillis(200)));
    JobID job = env.execute("metrics-test").getJobID();

    Map<String, Long> got = new TreeMap<>();
    long lastEventTime = 0;
    for (Map.Entry<String, Metric> m : REPORTER.findMetrics(job, "caveat").entrySet()) {
      String name = m.getKey().substring(m.getKey().lastIndexOf('.') + 1);
      if (m.getValue() instanceof Counter c && c.getCount() > 0) got.merge(name, c.getCount(), Long::sum);
      if (name.equals("last_event_time")) lastEventTime = Math.max(lastEventTime, (Long) ((Gauge<?>) m.getValue()).getValue());
    }
    Map<String, Long> expected = new TreeMap<>();
    for (String line : Replayed.replay(file).lines()) {
      var n = Json.MAPPER.readTree(line);
      expected.merge(n.has("decision") ? n.get("decision").asText().toLowerCase(java.util.Locale.ROOT) : "unattributed",
          1L, Long::sum);
    }
    assertThat(got).isEqualTo(expected).containsEntry("unattributed", 32L);
    assertThat(lastEventTime).isGreaterThan(java.time.Instant.parse("2024-01-01T00:00:00Z").toEpochMilli());
  }
}
