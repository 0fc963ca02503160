package org.caveat.server.decide;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.caveat.Caveat;
import org.caveat.explain.Answer;
import org.caveat.json.RequestDefaults;
import org.caveat.json.RequestReader;
import org.caveat.json.RequestStream;
import org.caveat.server.policy.EngineFactory;
import org.caveat.server.policy.LiveEngine;
import org.caveat.store.DecisionEntry;
import org.caveat.store.Store;
import org.caveat.store.StoreConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where a batched decision's CPU goes without HTTP, stage by stage (a benchmark that reports, not a
 * test that asserts; it runs only when asked): the NDJSON body of {@code batch.body} (default: the
 * body {@code scripts/bench/batch-log.sh} posts, written by {@code GenerateRequests 1000 42} to
 * that path) framed, read (core's binder alone; with the log's copy in a second pass, as before;
 * in one pass, {@link CanonicalCopy}; with the request's own bytes as the copy, {@link
 * VerbatimCopy}), decided, rendered (into the thread's buffer; into a new one per answer, as
 * before), made into log entries, and appended to a
 * SQLite log (leaf encoding, hashing, compression on this thread; the writer's SQL and fsync on
 * its own, so the append's figure is this thread's part plus the wait). Each stage is timed by
 * this thread's CPU time, which other work on the machine moves much less than wall time. The
 * stages run in turn for {@code batch.rounds} rounds (default 60, ~10 s): read the last ones. The
 * first dozen are still warming up (at round 11 the answer stage still cost ~1.5 µs, settling at
 * 1.2–1.4 µs from round ~40).
 *
 * <pre>
 * java -cp caveat-bench/target/benchmarks.jar org.caveat.bench.GenerateRequests 1000 42 > /tmp/batch.ndjson
 * ./mvnw -B -o -pl caveat-server -am test -Dtest=BatchStagesBenchmark -Ddecide.bench=true \
 *     -Dbatch.body=/tmp/batch.ndjson -Dsurefire.failIfNoSpecifiedTests=false [-Dbatch.rounds=60]
 * </pre>
 */
@EnabledIfSystemProperty(named = "decide.bench", matches = "true")
class BatchStagesBenchmark {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  @TempDir
  Path dir;

  @Test
  void cpuPerStage() throws Exception {
    byte[] body = Files.readAllBytes(Path.of(System.getProperty("batch.body", "/tmp/batch.ndjson")));
    try (Store store = Store.open(StoreConfig.sqlite(dir))) {
      Caveat caveat = new LiveEngine(EngineFactory.packs(null), store.published()).pin().engine();
      // the lines framed as bytes (the first line of a body is parsed while framing, so it is left out)
      List<RequestStream.Item> items = DecisionBody.read(body, true, 100_000, true).items().stream()
          .filter(i -> i.ascii() != null).toList();
      int n = items.size();
      List<DecisionRequest.Bound> bound = new ArrayList<>(n);
      for (RequestStream.Item i : items) bound.add(BoundRequests.read(i.ascii(), RequestDefaults.NONE));
      List<Answer> answers = new ArrayList<>(n);
      for (DecisionRequest.Bound b : bound) answers.add(caveat.answer(b.request()));
      List<DecisionEntry> entries = new ArrayList<>(n);
      Clock clock = Clock.systemUTC();
      int rounds = Integer.getInteger("batch.rounds", 60);
      for (int round = 0; round < rounds; round++) {
        StringBuilder line = new StringBuilder("round " + round);
        stage(line, "frame", n, () -> DecisionBody.read(body, true, 100_000, true).items().size());
        stage(line, "bind", n, () -> {
          int k = 0;
          for (RequestStream.Item i : items) k += RequestReader.read(i, RequestDefaults.NONE).request() != null ? 1 : 0;
          return k;
        });
        stage(line, "bind+2pass-copy", n, () -> {
          int k = 0;
          for (RequestStream.Item i : items) {
            byte[] copy = TwoPassCopy.logged(i.ascii(), null);
            k += RequestReader.read(i, RequestDefaults.NONE).request() != null ? copy.length & 1 : 0;
          }
          return k;
        });
        stage(line, "bind+1pass-copy", n, () -> {
          int k = 0;
          for (RequestStream.Item i : items) k += BoundRequests.copied(i.ascii(), RequestDefaults.NONE).logged().length & 1;
          return k;
        });
        stage(line, "bind+verbatim", n, () -> {
          int k = 0;
          for (RequestStream.Item i : items) k += BoundRequests.read(i.ascii(), RequestDefaults.NONE).logged().length & 1;
          return k;
        });
        stage(line, "answer", n, () -> {
          int k = 0;
          for (DecisionRequest.Bound b : bound) k += caveat.answer(b.request()).grants().size();
          return k;
        });
        stage(line, "render", n, () -> {
          int k = 0;
          for (Answer a : answers) k += AnswerBytes.of(a, false).length;
          return k;
        });
        stage(line, "render-fresh-buffer", n, () -> {
          int k = 0;
          for (Answer a : answers) k += freshBuffer(a);
          return k;
        });
        stage(line, "entry", n, () -> {
          entries.clear();
          for (int i = 0; i < n; i++) {
            Answer a = answers.get(i);
            entries.add(LoggedDecisions.entry(a.id(), clock.instant(), bound.get(i).logged(), a, caveat, Map.of(), false));
          }
          return entries.size();
        });
        stage(line, "append", n, () -> {
          try {
            int k = 0;
            for (int from = 0; from < n; from += BatchWriter.GROUP) {
              k += store.log().appendAll(entries.subList(from, Math.min(n, from + BatchWriter.GROUP)))
                  .get(30, TimeUnit.SECONDS).length;
            }
            return k;
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
        System.out.println(line + "  (" + Instant.now() + ")");
      }
    }
  }

  /** An answer rendered as before the per-thread buffer: a new 1 KiB buffer for each. */
  private static int freshBuffer(Answer a) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(1024);
    try (com.fasterxml.jackson.core.JsonGenerator g = AnswerBytes.UTF8.createGenerator(out)) {
      org.caveat.json.AnswerWriter.write(a, false, g);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toByteArray().length;
  }

  /** Runs {@code work} over the body {@code times} times and appends its CPU µs per decision. */
  private static void stage(StringBuilder line, String name, int n, IntSupplier work) {
    int times = 5;
    long cpu = THREADS.getCurrentThreadCpuTime();
    int sink = 0;
    for (int t = 0; t < times; t++) sink += work.getAsInt();
    double us = (THREADS.getCurrentThreadCpuTime() - cpu) / 1e3 / (times * (double) n);
    line.append(String.format(Locale.ROOT, "  %s %.2f", name, us)).append(sink == 42 ? " " : "");
  }
}
