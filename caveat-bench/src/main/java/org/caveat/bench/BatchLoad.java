package org.caveat.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A load generator for {@code POST /v1/decisions} with NDJSON batch bodies (what wrk did with a
 * Lua script, in plain Java so nothing else needs installing): {@code CONNECTIONS} threads each
 * post the same body back to back on their own HTTP/1.1 connection for {@code SECONDS}, after
 * {@code WARMUP} seconds of the same load that are not counted. Every answer must be status 200
 * with one line per request of the body, else the run fails. Prints bodies, decisions per second
 * and the latency per body (p50, p90, p99, max), then its own CPU time over the counted seconds
 * (per decision: what the load costs the shared cores besides the server).
 *
 * <pre>
 * java -cp caveat-bench/target/benchmarks.jar org.caveat.bench.BatchLoad \
 *     http://127.0.0.1:18100/v1/decisions TOKEN batch.ndjson 4 20 10
 * </pre>
 *
 * See {@code scripts/bench/batch-log.sh}, which starts the server, runs this and measures the disk.
 */
public final class BatchLoad {
  private BatchLoad() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      System.err.println("usage: BatchLoad URL TOKEN BODY.ndjson [CONNECTIONS=4] [SECONDS=20] [WARMUP=10]");
      System.exit(64);
    }
    URI url = URI.create(args[0]);
    String token = args[1];
    byte[] body = Files.readAllBytes(Path.of(args[2]));
    int connections = args.length > 3 ? Integer.parseInt(args[3]) : 4;
    int seconds = args.length > 4 ? Integer.parseInt(args[4]) : 20;
    int warmup = args.length > 5 ? Integer.parseInt(args[5]) : 10;
    int perBody = lines(body);
    if (warmup > 0) run(url, token, body, perBody, connections, warmup);
    long cpu0 = processCpuNanos();
    Run r = run(url, token, body, perBody, connections, seconds);
    long clientCpu = processCpuNanos() - cpu0;
    List<Long> nanos = r.nanos();
    Collections.sort(nanos);
    double elapsed = r.elapsedNanos() / 1e9;
    System.out.printf("bodies %d of %d requests in %.1f s on %d connections: %.0f decisions/s;"
            + " per body p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n",
        nanos.size(), perBody, elapsed, connections, nanos.size() * (double) perBody / elapsed,
        ms(nanos, 0.50), ms(nanos, 0.90), ms(nanos, 0.99), nanos.isEmpty() ? 0 : nanos.get(nanos.size() - 1) / 1e6);
    // what the load generator itself cost, so that a figure on shared cores says what it means
    System.out.printf("client cpu %.2f s, %.1f us per decision%n", clientCpu / 1e9,
        nanos.isEmpty() ? 0 : clientCpu / 1e3 / (nanos.size() * (double) perBody));
  }

  /** This JVM's CPU time (every thread, user + system), from the platform's operating-system bean. */
  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
        .getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private record Run(List<Long> nanos, long elapsedNanos) {}

  /** Posts from {@code connections} threads until {@code seconds} are up; each thread has its own client (connection). */
  private static Run run(URI url, String token, byte[] body, int perBody, int connections, int seconds)
      throws InterruptedException {
    List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
    AtomicBoolean stop = new AtomicBoolean();
    List<String> failures = Collections.synchronizedList(new ArrayList<>());
    List<Thread> threads = new ArrayList<>();
    HttpRequest request = HttpRequest.newBuilder(url)
        .header("Content-Type", "application/x-ndjson")
        .header("Authorization", "Bearer " + token)
        .timeout(Duration.ofSeconds(120))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
    long start = System.nanoTime();
    for (int t = 0; t < connections; t++) {
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      Thread thread = new Thread(() -> {
        while (!stop.get() && failures.isEmpty()) {
          long t0 = System.nanoTime();
          try {
            HttpResponse<byte[]> res = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            int answers = lines(res.body());
            if (res.statusCode() != 200 || answers != perBody) {
              failures.add("status " + res.statusCode() + ", " + answers + " answer lines for " + perBody + " requests");
            }
          } catch (IOException e) {
            failures.add(e.toString());
          } catch (InterruptedException e) {
            return;
          }
          if (!stop.get()) nanos.add(System.nanoTime() - t0);
        }
      }, "load-" + t);
      thread.start();
      threads.add(thread);
    }
    Thread.sleep(seconds * 1000L);
    stop.set(true);
    long elapsed = System.nanoTime() - start;
    for (Thread t : threads) t.join();
    if (!failures.isEmpty()) throw new IllegalStateException("the server did not answer every body: " + failures.get(0));
    return new Run(new ArrayList<>(nanos), elapsed);
  }

  private static int lines(byte[] b) {
    int n = 0;
    for (int i = 0; i < b.length; i++) {
      if (b[i] == '\n' && i > 0 && b[i - 1] != '\n') n++;
    }
    return b.length > 0 && b[b.length - 1] != '\n' ? n + 1 : n;
  }

  private static double ms(List<Long> sorted, double q) {
    return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) (q * sorted.size()))) / 1e6;
  }
}
