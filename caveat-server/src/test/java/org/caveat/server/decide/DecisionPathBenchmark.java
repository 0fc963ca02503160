package org.caveat.server.decide;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.caveat.json.RequestDefaults;
import org.caveat.json.RequestStream;
import org.caveat.server.ops.Metrics;
import org.caveat.server.policy.EngineFactory;
import org.caveat.server.policy.LiveEngine;
import org.caveat.store.Store;
import org.caveat.store.StoreConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service's own CPU per decision without HTTP (a benchmark that reports, not a test that
 * asserts; it runs only when asked): from the body's bytes to the answers' bytes and durable log
 * entries, through the tree path and the tree-free path in turn, interleaved, as the process CPU
 * time (every thread: the caller, the log's writer, GC, the compiler) per decision. CPU time moves
 * much less than throughput when other work shares the machine.
 *
 * <pre>
 * ./mvnw -B -o -pl caveat-server -am test -Dtest=DecisionPathBenchmark -Ddecide.bench=true -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
@EnabledIfSystemProperty(named = "decide.bench", matches = "true")
class DecisionPathBenchmark {
  private static final String ONE = "{\"id\":\"permit-counter-fire\",\"time\":\"2024-06-01T03:00:00Z\",\"user\":\"UA\","
      + "\"weapon\":{\"origin\":\"US\",\"system\":\"M142 HIMARS\",\"munition\":\"M31 GMLRS\",\"class\":\"rocket_artillery\","
      + "\"range_km\":84},\"target\":{\"location\":{\"lat\":50.57,\"lon\":36.66},\"category\":\"artillery\","
      + "\"activity\":\"attacking\",\"used_in_invasion\":true},\"purpose\":\"counter_fire\"}";

  @TempDir
  Path dir;

  @Test
  void cpuPerDecision() throws Exception {
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    try (Store store = Store.open(StoreConfig.sqlite(dir))) {
      LiveEngine engine = new LiveEngine(EngineFactory.packs(null), store.published());
      DecisionService service = new DecisionService(engine, store.log(), Clock.systemUTC(),
          new Metrics(() -> store.log().head().size()), Runnable::run);
      byte[] single = ONE.getBytes(StandardCharsets.UTF_8);
      StringBuilder b = new StringBuilder();
      Random r = new Random(42);
      for (int i = 0; i < 1000; i++) {
        b.append(ONE.replace("permit-counter-fire", "r-" + i).replace("50.57", Double.toString(44 + 10 * r.nextDouble()))
            .replace("36.66", Double.toString(22 + 18 * r.nextDouble()))).append('\n');
      }
      byte[] batch = b.toString().getBytes(StandardCharsets.UTF_8);
      for (int round = 0; round < 6; round++) {
        for (boolean fast : new boolean[] {false, true}) {
          long cpu = os.getProcessCpuTime();
          long t0 = System.nanoTime();
          int n = 0;
          for (int i = 0; i < 20; i++) n += batch(service, batch, fast);
          double batchUs = (os.getProcessCpuTime() - cpu) / 1e3 / n;
          cpu = os.getProcessCpuTime();
          int m = 0;
          // singles in groups of 64, as a group commit of 64 connections would take them
          for (int i = 0; i < 100; i++) m += singles(service, single, fast, 64);
          double singleUs = (os.getProcessCpuTime() - cpu) / 1e3 / m;
          System.out.printf(Locale.ROOT, "round %d %-9s batch %6.1f µs/decision, single %6.1f µs/decision (%.1f s)%n",
              round, fast ? "tree-free" : "tree", batchUs, singleUs, (System.nanoTime() - t0) / 1e9);
        }
      }
    }
  }

  private static int batch(DecisionService service, byte[] body, boolean fast) throws Exception {
    List<DecisionRequest> requests = new ArrayList<>();
    for (RequestStream.Item i : DecisionBody.read(body, true, 100_000, fast).items()) {
      requests.add(fast ? DecisionRequest.framed(i, RequestDefaults.NONE, true) : DecisionRequest.framed(i, RequestDefaults.NONE));
    }
    int n = 0;
    for (int from = 0; from < requests.size(); from += BatchWriter.GROUP) {
      List<DecisionService.Result> results = service.decide(requests.subList(from,
          Math.min(requests.size(), from + BatchWriter.GROUP)), false).get(30, TimeUnit.SECONDS);
      for (DecisionService.Result x : results) n += x.utf8().length > 0 ? 1 : 0;
    }
    return n;
  }

  private static int singles(DecisionService service, byte[] body, boolean fast, int count) throws Exception {
    List<java.util.concurrent.CompletableFuture<List<DecisionService.Result>>> all = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      DecisionRequest d = fast ? BoundRequests.read(body, RequestDefaults.NONE)
          : DecisionRequest.framed(DecisionBody.read(body, false, 1).items().get(0), RequestDefaults.NONE);
      all.add(service.decide(List.of(d), false));
    }
    for (var f : all) f.get(30, TimeUnit.SECONDS);
    return count;
  }
}
