package org.caveat.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.caveat.Caveat;
import org.caveat.decide.Decision;
import org.caveat.model.Request;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/** Batch throughput of verdicts on one and on two threads (the machine has two cores). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ThroughputBenchmark {
  private Caveat caveat;
  private List<Request> requests;

  @State(Scope.Thread)
  public static class Cursor {
    int next;
  }

  @Setup
  public void setUp() {
    caveat = Caveat.builder().build();
    requests = Workload.requests(8192, 42);
  }

  private Decision one(Cursor c) {
    Decision d = caveat.decide(requests.get(c.next));
    c.next = (c.next + 1) & (requests.size() - 1);
    return d;
  }

  @Benchmark
  @Threads(1)
  public Decision oneThread(Cursor c) {
    return one(c);
  }

  @Benchmark
  @Threads(2)
  public Decision twoThreads(Cursor c) {
    return one(c);
  }
}
