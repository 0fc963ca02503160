package org.caveat.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop HTTP load generator for the service figures in BENCHMARKS.md: N connections
 * (Java's HttpClient over HTTP/1.1, kept alive), each sending its next request as soon as the
 * previous answer arrived, for a given time; prints requests/s, p50, p99 and the status codes
 * that were not 200. Run {@code /healthz} and {@code POST /v1/decisions} with it in turn, in the
 * same run, to compare the route with the bare HTTP stack.
 *
 * <p>Usage: {@code HttpLoad URL SECONDS CONNECTIONS [BODY_FILE TOKEN]} (GET without a body).
 */
public final class HttpLoad {
  private HttpLoad() {}

  public static void main(String[] args) throws Exception {
    URI uri = URI.create(args[0]);
    long seconds = Long.parseLong(args[1]);
    int connections = Integer.parseInt(args[2]);
    byte[] body = args.length > 3 ? Files.readAllBytes(Path.of(args[3])) : null;
    String token = args.length > 4 ? args[4] : null;
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10)).build();
    HttpRequest.Builder rb = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
    if (body != null) rb.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (token != null) rb.header("Authorization", "Bearer " + token);
    HttpRequest request = rb.build();
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    long[][] latencies = new long[connections][];
    int[] counts = new int[connections];
    AtomicLong failed = new AtomicLong();
    Thread[] threads = new Thread[connections];
    for (int c = 0; c < connections; c++) {
      int me = c;
      latencies[me] = new long[1 << 16];
      threads[c] = new Thread(() -> {
        while (System.nanoTime() < end) {
          long t0 = System.nanoTime();
          try {
            HttpResponse<byte[]> r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) failed.incrementAndGet();
          } catch (Exception e) {
            failed.incrementAndGet();
          }
          if (counts[me] == latencies[me].length) latencies[me] = Arrays.copyOf(latencies[me], counts[me] * 2);
          latencies[me][counts[me]++] = System.nanoTime() - t0;
        }
      });
      threads[c].start();
    }
    for (Thread t : threads) t.join();
    int n = 0;
    for (int c : counts) n += c;
    long[] all = new long[n];
    int at = 0;
    for (int c = 0; c < connections; c++) {
      System.arraycopy(latencies[c], 0, all, at, counts[c]);
      at += counts[c];
    }
    Arrays.sort(all);
    System.out.printf(java.util.Locale.ROOT, "%s: %d requests in %d s = %.0f/s, p50 %.2f ms, p99 %.2f ms, not 200: %d%n",
        uri.getPath(), n, seconds, n / (double) seconds, all[n / 2] / 1e6, all[(int) (n * 0.99)] / 1e6, failed.get());
  }
}
