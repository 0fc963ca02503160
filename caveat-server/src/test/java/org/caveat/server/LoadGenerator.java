package org.caveat.server;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop HTTP load generator for the decision service (a benchmark harness, not a test):
 * N client threads, each sending one request at a time and waiting for its answer, for a fixed
 * time; reports decisions per second and latency percentiles (exact, from every sample).
 *
 * <pre>
 * java -cp … org.caveat.server.LoadGenerator --url http://127.0.0.1:8080 --token $TOKEN \
 *     --mode single --connections 16 --seconds 30
 * java -cp … org.caveat.server.LoadGenerator … --mode batch --batch-size 1000 --connections 4
 * </pre>
 */
public final class LoadGenerator {
  private LoadGenerator() {}

  public static void main(String[] args) throws Exception {
    String url = arg(args, "--url", "http://127.0.0.1:8080");
    String token = arg(args, "--token", System.getenv("CAVEAT_TOKEN"));
    String mode = arg(args, "--mode", "single");
    int connections = Integer.parseInt(arg(args, "--connections", "16"));
    int seconds = Integer.parseInt(arg(args, "--seconds", "30"));
    int batchSize = Integer.parseInt(arg(args, "--batch-size", "1000"));
    int warmup = Integer.parseInt(arg(args, "--warmup-seconds", "5"));
    if (token == null) throw new IllegalArgumentException("--token or CAVEAT_TOKEN is required");

    List<String> bodies = bodies(mode.equals("batch") ? batchSize : 1, 64);
    int perRequest = mode.equals("batch") ? batchSize : 1;
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .executor(Executors.newFixedThreadPool(2)).build();
    URI uri = URI.create(url + "/v1/decisions");
    System.out.printf(Locale.ROOT, "%s: %d connections, %d s (+%d s warm-up), %d decision(s) per request%n",
        mode, connections, seconds, warmup, perRequest);
    run(http, uri, token, bodies, connections, warmup, null);
    long[][] samples = new long[connections][];
    AtomicLong errors = new AtomicLong();
    long start = System.nanoTime();
    run(http, uri, token, bodies, connections, seconds, new Sink(samples, errors));
    double elapsed = (System.nanoTime() - start) / 1e9;
    long[] all = Arrays.stream(samples).flatMapToLong(Arrays::stream).sorted().toArray();
    System.out.printf(Locale.ROOT, "requests %d (errors %d) in %.1f s: %.0f requests/s, %.0f decisions/s%n",
        all.length, errors.get(), elapsed, all.length / elapsed, all.length * (double) perRequest / elapsed);
    System.out.printf(Locale.ROOT, "latency per request: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n",
        pct(all, 0.50), pct(all, 0.90), pct(all, 0.99), all.length == 0 ? 0 : all[all.length - 1] / 1e6);
    System.exit(0);
  }

  /** Where a measured run leaves its samples (nanoseconds per request, per connection). */
  private record Sink(long[][] samples, AtomicLong errors) {}

  private static void run(HttpClient http, URI uri, String token, List<String> bodies, int connections, int seconds,
      Sink sink) throws Exception {
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    ExecutorService pool = Executors.newFixedThreadPool(connections);
    List<Future<?>> done = new ArrayList<>();
    for (int c = 0; c < connections; c++) {
      int conn = c;
      done.add(pool.submit(() -> {
        long[] lat = new long[1 << 16];
        int n = 0;
        int i = conn;
        while (System.nanoTime() < end) {
          HttpRequest req = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(bodies.get(i++ % bodies.size()), StandardCharsets.UTF_8)).build();
          long t0 = System.nanoTime();
          HttpResponse<byte[]> r = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
          long t = System.nanoTime() - t0;
          if (sink == null) continue;
          if (r.statusCode() != 200) sink.errors().incrementAndGet();
          if (n == lat.length) lat = Arrays.copyOf(lat, n * 2);
          lat[n++] = t;
        }
        if (sink != null) sink.samples()[conn] = Arrays.copyOf(lat, n);
        return null;
      }));
    }
    for (Future<?> f : done) f.get();
    pool.shutdown();
  }

  /** Bodies of {@code size} requests each (an object, or an array), with targets spread along the border. */
  static List<String> bodies(int size, int count) {
    SplittableRandom rnd = new SplittableRandom(42);
    List<String> out = new ArrayList<>();
    for (int b = 0; b < count; b++) {
      StringBuilder s = new StringBuilder(size == 1 ? "" : "[");
      for (int i = 0; i < size; i++) {
        if (i > 0) s.append(',');
        double lat = 49.5 + rnd.nextDouble() * 2.5, lon = 35.0 + rnd.nextDouble() * 3.5;
        s.append(ServerFixture.request("load-" + b + "-" + i, Math.round(lat * 1e4) / 1e4, Math.round(lon * 1e4) / 1e4));
      }
      out.add(s.append(size == 1 ? "" : "]").toString());
    }
    return out;
  }

  private static double pct(long[] sorted, double p) {
    if (sorted.length == 0) return 0;
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
  }

  private static String arg(String[] args, String name, String dflt) {
    for (int i = 0; i + 1 < args.length; i++) if (args[i].equals(name)) return args[i + 1];
    return dflt;
  }
}
