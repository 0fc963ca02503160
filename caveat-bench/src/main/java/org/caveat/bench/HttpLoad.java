package org.caveat.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A closed-loop HTTP load generator for the service figures in BENCHMARKS.md: N connections
 * (Java's HttpClient over HTTP/1.1, kept alive), each sending its next request as soon as the
 * previous answer arrived, for a given time; prints requests/s, p50, p99 and the status codes
 * that were not 200. Run {@code /healthz} and {@code POST /v1/decisions} with it in turn, in the
 * same run, to compare the route with the bare HTTP stack.
 *
 * <p>Every answer that is not 200 is counted by its status and the problem's first error code
 * (the {@code errors[0].code} of the problem+json body), and failed sends by their exception; the
 * first body of each kind is printed, so a refusal under load can be told from a bug. (All
 * connections send one token: give the server {@code --max-requests-per-token} at least
 * CONNECTIONS, or the token's limit answers some requests 429 {@code too-many-requests}, as
 * documented.)
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
    Map<String, Kind> kinds = new ConcurrentHashMap<>();
    Thread[] threads = new Thread[connections];
    for (int c = 0; c < connections; c++) {
      int me = c;
      latencies[me] = new long[1 << 16];
      threads[c] = new Thread(() -> {
        while (System.nanoTime() < end) {
          long t0 = System.nanoTime();
          try {
            HttpResponse<byte[]> r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
              failed.incrementAndGet();
              note(kinds, r.statusCode() + " " + code(r.body()), new String(r.body(), StandardCharsets.UTF_8));
            }
          } catch (Exception e) {
            failed.incrementAndGet();
            note(kinds, e.getClass().getSimpleName(), String.valueOf(e.getMessage()));
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
    for (Map.Entry<String, Kind> k : new TreeMap<>(kinds).entrySet()) {
      System.out.printf(java.util.Locale.ROOT, "  not 200: %s x%d, first: %s%n", k.getKey(), k.getValue().count.get(),
          k.getValue().first.strip());
    }
  }

  /** One kind of failure: how often, and the first body (or exception message) seen. */
  private record Kind(AtomicLong count, String first) {}

  private static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*\"([^\"]*)\"");

  private static void note(Map<String, Kind> kinds, String key, String first) {
    kinds.computeIfAbsent(key, k -> new Kind(new AtomicLong(), first)).count().incrementAndGet();
  }

  private static final Pattern TYPE = Pattern.compile("\"type\"\\s*:\\s*\"[^\"]*/([^\"/]*)\"");

  /** The problem's first error code, else the last segment of its type, or {@code -} when the body has neither. */
  private static String code(byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8);
    Matcher m = CODE.matcher(text);
    if (m.find()) return m.group(1);
    m = TYPE.matcher(text);
    return m.find() ? m.group(1) : "-";
  }
}
