package org.caveat.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.caveat.Caveat;
import org.caveat.decide.Decision;
import org.caveat.explain.Answer;
import org.caveat.json.AnswerWriter;
import org.caveat.model.Request;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Per-decision cost with the built-in packs on {@link Workload}: the verdict alone
 * ({@code decide}), the full answer with facts and explanation ({@code answer}), and the answer
 * rendered to JSON ({@code answerJson}). SampleTime mode reports p50/p99.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DecideBenchmark {
  private Caveat caveat;
  private List<Request> requests;

  @State(Scope.Thread)
  public static class Cursor {
    int next;

    @Setup(Level.Iteration)
    public void reset() {
      next = 0;
    }
  }

  @Setup
  public void setUp() {
    caveat = Caveat.builder().build();
    requests = Workload.requests(8192, 42);
  }

  private Request next(Cursor c) {
    Request r = requests.get(c.next);
    c.next = (c.next + 1) & (requests.size() - 1);
    return r;
  }

  @Benchmark
  public Decision decide(Cursor c) {
    return caveat.decide(next(c));
  }

  @Benchmark
  public Answer answer(Cursor c) {
    return caveat.answer(next(c));
  }

  @Benchmark
  public String answerJson(Cursor c) {
    return AnswerWriter.toJson(caveat.answer(next(c)));
  }
}
