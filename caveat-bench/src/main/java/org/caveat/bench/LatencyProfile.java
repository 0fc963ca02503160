package org.caveat.bench;

import java.util.Arrays;
import java.util.List;
import org.caveat.Caveat;
import java.util.function.ToIntFunction;
import org.caveat.model.Request;

/**
 * The intrinsic cost distribution of a decision, free of GC and scheduler noise: after warm-up,
 * every request of {@link Workload} is timed 20 times and its fastest run kept; the percentiles
 * are over requests. JMH's SampleTime mode reports the same percentiles with the noise included.
 *
 * <p>Run: {@code java -cp caveat-bench/target/benchmarks.jar org.caveat.bench.LatencyProfile [decide|answer]}
 * ({@code answer}: verdict, facts and explanation, {@code Caveat.answer}; the default is {@code decide}).
 */
public final class LatencyProfile {
  private LatencyProfile() {}

  public static void main(String[] args) {
    Caveat caveat = Caveat.builder().build();
    String mode = args.length > 0 ? args[0] : "decide";
    ToIntFunction<Request> run = switch (mode) {
      case "decide" -> r -> caveat.decide(r).grants().size();
      case "answer" -> r -> caveat.answer(r).grants().size();
      default -> throw new IllegalArgumentException("mode is decide or answer, not " + mode);
    };
    List<Request> requests = Workload.requests(8192, 42);
    long sink = 0;
    for (int i = 0; i < 3_000_000; i++) {
      sink += run.applyAsInt(requests.get(i & 8191));
    }
    long[] best = new long[requests.size()];
    Arrays.fill(best, Long.MAX_VALUE);
    for (int rep = 0; rep < 20; rep++) {
      for (int i = 0; i < requests.size(); i++) {
        long t = System.nanoTime();
        int n = run.applyAsInt(requests.get(i));
        best[i] = Math.min(best[i], System.nanoTime() - t);
        sink += n;
      }
    }
    long[] s = best.clone();
    Arrays.sort(s);
    System.out.printf("%s, %d requests, fastest of 20 runs each: p50 %d ns, p90 %d ns, p99 %d ns,"
        + " p99.9 %d ns, max %d ns (sink %d)%n", mode, s.length, s[s.length / 2], s[(int) (s.length * 0.9)],
        s[(int) (s.length * 0.99)], s[(int) (s.length * 0.999)], s[s.length - 1], sink % 10);
  }
}
