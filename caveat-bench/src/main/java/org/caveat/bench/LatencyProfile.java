package org.caveat.bench;

import java.util.Arrays;
import java.util.List;
import org.caveat.Caveat;
import org.caveat.decide.Decision;
import org.caveat.model.Request;

/**
 * The intrinsic cost distribution of a decision, free of GC and scheduler noise: after warm-up,
 * every request of {@link Workload} is timed 20 times and its fastest run kept; the percentiles
 * are over requests. JMH's SampleTime mode reports the same percentiles with the noise included.
 *
 * <p>Run: {@code java -cp caveat-bench/target/benchmarks.jar org.caveat.bench.LatencyProfile}
 */
public final class LatencyProfile {
  private LatencyProfile() {}

  public static void main(String[] args) {
    Caveat caveat = Caveat.builder().build();
    List<Request> requests = Workload.requests(8192, 42);
    long sink = 0;
    for (int i = 0; i < 3_000_000; i++) {
      sink += caveat.decide(requests.get(i & 8191)).grants().size();
    }
    long[] best = new long[requests.size()];
    Arrays.fill(best, Long.MAX_VALUE);
    for (int rep = 0; rep < 20; rep++) {
      for (int i = 0; i < requests.size(); i++) {
        long t = System.nanoTime();
        Decision d = caveat.decide(requests.get(i));
        best[i] = Math.min(best[i], System.nanoTime() - t);
        sink += d.grants().size();
      }
    }
    long[] s = best.clone();
    Arrays.sort(s);
    System.out.printf("decide, %d requests, fastest of 20 runs each: p50 %d ns, p90 %d ns, p99 %d ns,"
        + " p99.9 %d ns, max %d ns (sink %d)%n", s.length, s[s.length / 2], s[(int) (s.length * 0.9)],
        s[(int) (s.length * 0.99)], s[(int) (s.length * 0.999)], s[s.length - 1], sink % 10);
  }
}
