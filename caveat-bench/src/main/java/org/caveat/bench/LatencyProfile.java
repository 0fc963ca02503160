package org.caveat.bench;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.StringJoiner;
import java.util.function.ToIntFunction;
import java.util.stream.IntStream;
import org.caveat.Caveat;
import org.caveat.model.Request;

/**
 * The intrinsic cost distribution of a decision, free of GC and scheduler noise: each request's
 * <em>fastest</em> time over {@value #PASSES} timed passes a few seconds apart ({@value #REPS} runs
 * per pass, so 20 runs in all), the percentiles over requests. JMH's SampleTime mode reports the
 * same percentiles with the noise included.
 *
 * <p>Why several passes: a slow stretch of a shared machine (other processes, a slow second of
 * the VM) that covered the whole of a single pass used to shift the whole run; spread over passes
 * {@value #GAP_MS} ms apart, each request keeps its time from a pass the noise missed. Each pass's
 * own p50 and p99 (fastest of its {@value #REPS} runs) are printed too, so a slow pass shows.
 *
 * <p>Warm-up: 3,000,000 requests of {@link Workload} in turn, then the rare paths (case analysis,
 * exact geodesic distances near a threshold: about 1 % of requests) brought to their steady state
 * too — the slowest sixteenth of the requests in one timed pass run {@value #RARE_ROUNDS} more
 * times each — so their compiled code does not race the timed passes on a loaded machine. Between
 * passes the workload keeps running untimed, as in a long-running process.
 *
 * <p>Run: {@code java -cp caveat-bench/target/benchmarks.jar org.caveat.bench.LatencyProfile [decide|answer]}
 * ({@code answer}: verdict, facts and explanation, {@code Caveat.answer}; the default is {@code decide}).
 * The last line is the result; {@code scripts/bench/summary.sh} prints the last three.
 */
public final class LatencyProfile {
  static final int PASSES = 5, REPS = 4, GAP_MS = 2000, RARE_ROUNDS = 200;

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
    int n = requests.size();
    long sink = 0;
    for (int i = 0; i < 3_000_000; i++) sink += run.applyAsInt(requests.get(i & (n - 1)));
    long[] once = new long[n];
    Arrays.fill(once, Long.MAX_VALUE);
    sink += time(run, requests, once, 1);
    int[] rare = IntStream.range(0, n).boxed().sorted(Comparator.comparingLong((Integer i) -> -once[i]))
        .limit(n / 16).mapToInt(Integer::intValue).toArray();
    for (int round = 0; round < RARE_ROUNDS; round++) for (int i : rare) sink += run.applyAsInt(requests.get(i));

    long[] best = new long[n];
    Arrays.fill(best, Long.MAX_VALUE);
    StringJoiner passes = new StringJoiner(", ", "passes (p50/p99 ns, fastest of " + REPS + " each): ", "");
    for (int pass = 0; pass < PASSES; pass++) {
      if (pass > 0) sink += runFor(run, requests, GAP_MS);
      long[] inPass = new long[n];
      Arrays.fill(inPass, Long.MAX_VALUE);
      sink += time(run, requests, inPass, REPS);
      for (int i = 0; i < n; i++) best[i] = Math.min(best[i], inPass[i]);
      Arrays.sort(inPass);
      passes.add(inPass[n / 2] + "/" + inPass[(int) (n * 0.99)]);
    }
    long[] s = best.clone();
    Arrays.sort(s);
    System.out.printf("warm-up: 3000000 requests, then the slowest %d requests %d times each%n", rare.length, RARE_ROUNDS);
    System.out.println(passes);
    System.out.printf("%s, %d requests, fastest of %d runs each (%d passes %d s apart): p50 %d ns, p90 %d ns, p99 %d ns,"
        + " p99.9 %d ns, max %d ns (sink %d)%n", mode, n, PASSES * REPS, PASSES, GAP_MS / 1000, s[n / 2],
        s[(int) (n * 0.9)], s[(int) (n * 0.99)], s[(int) (n * 0.999)], s[n - 1], sink % 10);
  }

  /** Times every request {@code reps} times in turn, keeping each one's fastest in {@code best}. */
  private static long time(ToIntFunction<Request> run, List<Request> requests, long[] best, int reps) {
    long sink = 0;
    for (int rep = 0; rep < reps; rep++) {
      for (int i = 0; i < requests.size(); i++) {
        long t = System.nanoTime();
        int k = run.applyAsInt(requests.get(i));
        best[i] = Math.min(best[i], System.nanoTime() - t);
        sink += k;
      }
    }
    return sink;
  }

  /** Runs the workload untimed for about {@code millis} ms: the gap between passes. */
  private static long runFor(ToIntFunction<Request> run, List<Request> requests, long millis) {
    long sink = 0, end = System.nanoTime() + millis * 1_000_000;
    for (int i = 0; System.nanoTime() < end; i++) sink += run.applyAsInt(requests.get(i % requests.size()));
    return sink;
  }
}
