package org.caveat.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The service's series keep the names, label sets and buckets they had before Micrometer, and the
 * JVM and process series are there too.
 */
class MetricsTest {
  /** Every caveat_ series with its labels, as the hand-written registry exposed them. */
  private static final List<String> SERIES = List.of(
      "caveat_decision_latency_seconds_bucket{le=\"5.0E-4\"}",
      "caveat_decision_latency_seconds_bucket{le=\"0.001\"}",
      "caveat_decision_latency_seconds_bucket{le=\"0.002\"}",
      "caveat_decision_latency_seconds_bucket{le=\"0.005\"}",
      "caveat_decision_latency_seconds_bucket{le=\"0.01\"}",
      "caveat_decision_latency_seconds_bucket{le=\"0.02\"}",
      "caveat_decision_latency_seconds_bucket{le=\"0.05\"}",
      "caveat_decision_latency_seconds_bucket{le=\"0.1\"}",
      "caveat_decision_latency_seconds_bucket{le=\"0.25\"}",
      "caveat_decision_latency_seconds_bucket{le=\"0.5\"}",
      "caveat_decision_latency_seconds_bucket{le=\"1.0\"}",
      "caveat_decision_latency_seconds_bucket{le=\"2.5\"}",
      "caveat_decision_latency_seconds_bucket{le=\"5.0\"}",
      "caveat_decision_latency_seconds_bucket{le=\"10.0\"}",
      "caveat_decision_latency_seconds_bucket{le=\"+Inf\"}",
      "caveat_decision_latency_seconds_count",
      "caveat_decision_latency_seconds_sum",
      "caveat_decisions_total{outcome=\"PERMIT\"}",
      "caveat_http_requests_total{method=\"POST\",route=\"/v1/decisions\",status=\"200\"}",
      "caveat_log_size",
      "caveat_decisions_direct_total");

  @Test
  void serviceSeriesKeepTheirNamesLabelsAndBuckets() {
    try (Metrics m = new Metrics(() -> 2)) {
      m.decision("PERMIT");
      m.latency(3_000_000);
      m.http("POST", "/v1/decisions", 200);
      m.direct();
      System.gc(); // the log-size gauge must survive a collection (a weak reference would read NaN)
      String text = new String(m.scrape(), StandardCharsets.UTF_8);
      Set<String> series = new TreeSet<>();
      text.lines().filter(l -> l.startsWith("caveat_")).forEach(l -> series.add(l.substring(0, l.lastIndexOf(' '))));
      // Micrometer adds the largest recent latency as a gauge of its own; nothing else is new.
      series.remove("caveat_decision_latency_seconds_max");
      assertThat(series).containsExactlyInAnyOrderElementsOf(SERIES);
      assertThat(text).contains("# TYPE caveat_decision_latency_seconds histogram")
          .contains("caveat_decision_latency_seconds_bucket{le=\"0.002\"} 0")
          .contains("caveat_decision_latency_seconds_bucket{le=\"0.005\"} 1")
          .contains("caveat_decision_latency_seconds_sum 0.003")
          .contains("# TYPE caveat_decisions_total counter")
          .contains("caveat_decisions_total{outcome=\"PERMIT\"} 1")
          .contains("# TYPE caveat_log_size gauge")
          .contains("caveat_log_size 2")
          .contains("caveat_decisions_direct_total 1.0");
    }
  }

  @Test
  void jvmAndProcessSeriesAreExposed() {
    try (Metrics m = new Metrics(() -> 0)) {
      String text = new String(m.scrape(), StandardCharsets.UTF_8);
      assertThat(text).contains("jvm_memory_used_bytes{area=\"heap\"")
          .contains("jvm_threads_live_threads")
          .contains("jvm_classes_loaded_classes")
          .contains("process_cpu_usage")
          .contains("system_cpu_count")
          .contains("process_uptime_seconds");
    }
  }
}
