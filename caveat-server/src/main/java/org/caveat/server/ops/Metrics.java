package org.caveat.server.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The service's metrics, on Micrometer with its Prometheus registry. Each server has a registry of
 * its own (so several servers in one JVM, as in tests, do not share counts) holding the service's
 * series — decisions by outcome, decision latency (parse to durable log entry), the decision log's
 * size, HTTP requests by route and status — and Micrometer's JVM and process binders (memory,
 * garbage collection, threads, classes, CPU, uptime, file descriptors).
 *
 * <p>Micrometer names are dotted and become the Prometheus names the service has always exposed:
 * {@code caveat.decisions} → {@code caveat_decisions_total}, the timer
 * {@code caveat.decision.latency} → {@code caveat_decision_latency_seconds} (a histogram with the
 * same buckets, plus Micrometer's {@code _max}).
 */
public final class Metrics implements AutoCloseable {
  /** The Prometheus text exposition format, version 0.0.4. */
  private static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
  /** The latency buckets' upper bounds, in seconds. */
  private static final double[] LATENCY_BOUNDS =
      {0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final JvmGcMetrics gc = new JvmGcMetrics();
  private final Timer latency;
  /**
   * The counters by their tags, found once: building a meter id and looking it up in the registry
   * on every request cost more than the increment (the registry returns the same counter anyway).
   */
  private final Map<String, Counter> decisions = new ConcurrentHashMap<>();
  private final Map<HttpKey, Counter> requests = new ConcurrentHashMap<>();
  private final Counter direct;

  public Metrics(LongSupplier logSize) {
    latency = Timer.builder("caveat.decision.latency")
        .description("Time from receiving a decision request to its log entries being durable, per HTTP request.")
        .serviceLevelObjectives(latencyBounds())
        .register(registry);
    direct = Counter.builder("caveat.decisions.direct")
        .description("Single decisions answered by the direct path ahead of Javalin (the rest of POST /v1/decisions goes through its route).")
        .register(registry);
    // Held strongly: Micrometer keeps a weak reference by default, and nothing else holds the lambda.
    Gauge.builder("caveat.log.size", logSize, s -> s.getAsLong()).strongReference(true)
        .description("Entries in the decision log (committed).")
        .register(registry);
    new JvmMemoryMetrics().bindTo(registry);
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    new FileDescriptorMetrics().bindTo(registry);
  }

  private static Duration[] latencyBounds() {
    Duration[] out = new Duration[LATENCY_BOUNDS.length];
    for (int i = 0; i < out.length; i++) out[i] = Duration.ofNanos(Math.round(LATENCY_BOUNDS[i] * 1e9));
    return out;
  }

  public void decision(String outcome) {
    decisions.computeIfAbsent(outcome, o -> Counter.builder("caveat.decisions")
        .description("Decisions made, by outcome (PERMIT, DENY, NOT_APPLICABLE, INDETERMINATE).")
        .tag("outcome", o).register(registry)).increment();
  }

  /** One single decision answered by the direct path ({@code decide.SingleDecisionHandler}). */
  public void direct() {
    direct.increment();
  }

  public void latency(long nanos) {
    latency.record(nanos, TimeUnit.NANOSECONDS);
  }

  public void http(String method, String route, int status) {
    requests.computeIfAbsent(new HttpKey(method, route, status), k -> Counter.builder("caveat.http.requests")
        .description("HTTP requests answered, by route template and status code.")
        .tags("method", k.method(), "route", k.route(), "status", Integer.toString(k.status())).register(registry))
        .increment();
  }

  /** The tags of one HTTP request counter. */
  private record HttpKey(String method, String route, int status) {}

  /** The Prometheus text exposition format (version 0.0.4). */
  public byte[] scrape() {
    return registry.scrape(CONTENT_TYPE).getBytes(StandardCharsets.UTF_8);
  }

  public static String contentType() {
    return CONTENT_TYPE;
  }

  /** Stops the garbage-collection listeners the binders installed in the JVM. */
  @Override
  public void close() {
    gc.close();
    registry.close();
  }
}
