package org.caveat.server.ops;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.LongSupplier;

/**
 * The service's Prometheus metrics, in a registry of its own (so several servers in one JVM,
 * as in tests, do not share counts): decisions by outcome, decision latency (parse to durable
 * log entry), the decision log's size, and HTTP requests by route and status.
 */
public final class Metrics {
  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final Counter decisions;
  private final Histogram latency;
  private final Counter http;

  public Metrics(LongSupplier logSize) {
    decisions = Counter.builder().name("caveat_decisions_total")
        .help("Decisions made, by outcome (PERMIT, DENY, NOT_APPLICABLE, INDETERMINATE).")
        .labelNames("outcome").register(registry);
    latency = Histogram.builder().name("caveat_decision_latency_seconds")
        .help("Time from receiving a decision request to its log entries being durable, per HTTP request.")
        .classicOnly()
        .classicUpperBounds(0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10)
        .register(registry);
    http = Counter.builder().name("caveat_http_requests_total")
        .help("HTTP requests answered, by route template and status code.")
        .labelNames("method", "route", "status").register(registry);
    GaugeWithCallback.builder().name("caveat_log_size")
        .help("Entries in the decision log (committed).")
        .callback(cb -> cb.call(logSize.getAsLong())).register(registry);
  }

  public void decision(String outcome) {
    decisions.labelValues(outcome).inc();
  }

  public void latency(long nanos) {
    latency.observe(nanos / 1e9);
  }

  public void http(String method, String route, int status) {
    http.labelValues(method, route, Integer.toString(status)).inc();
  }

  /** The Prometheus text exposition format (version 0.0.4). */
  public byte[] scrape() {
    ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
    try {
      PrometheusTextFormatWriter.create().write(out, registry.scrape());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  public static String contentType() {
    return PrometheusTextFormatWriter.CONTENT_TYPE;
  }
}
