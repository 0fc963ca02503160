package org.caveat.server.log;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.caveat.decide.Decision;
import org.caveat.store.DecisionEntry;
import org.caveat.store.DecisionLog;
import org.caveat.store.LogRecord;

/**
 * {@code caveat log verify --redecide}: decides every compact entry again against its pinned
 * versions and names each whose stored verdict or determining rules differ from what the published
 * policy says now. It is a replay, on all cores: the calling thread reads entries in index order
 * and cuts them into chunks, a pool of {@code threads} workers decides whole chunks while the next
 * ones are read, and differences are collected chunk by chunk in index order. At most
 * {@code 2 × threads} chunks are in flight, so memory does not grow with the log. Entries of leaf
 * format 1 (their answer stored as rendered, from before the compact format) and published
 * versions are counted, not decided.
 */
public final class RedecideCheck {
  private static final int CHUNK = 1024;

  /** What was found: compact decisions decided again, entries passed over, and each difference. */
  public record Result(long decided, long passedOver, List<String> differences) {}

  private RedecideCheck() {}

  public static Result run(DecisionLog log, Redecider redecider, int threads) {
    int n = Math.max(1, threads);
    ExecutorService pool = Executors.newFixedThreadPool(n, task -> {
      Thread t = new Thread(task, "caveat-redecide");
      t.setDaemon(true);
      return t;
    });
    Chunks chunks = new Chunks(pool, redecider, 2 * n);
    try {
      log.forEach(0, chunks);
      chunks.finish();
    } finally {
      pool.shutdownNow();
    }
    return new Result(chunks.decided, chunks.passedOver, chunks.differences);
  }

  /** Reads entries into chunks, hands each to the pool, and takes the results back in order. */
  private static final class Chunks implements Consumer<LogRecord> {
    private final ExecutorService pool;
    private final Redecider redecider;
    private final int inFlight;
    private final ArrayDeque<Future<List<String>>> pending = new ArrayDeque<>();
    private final List<String> differences = new ArrayList<>();
    private List<LogRecord> chunk = new ArrayList<>(CHUNK);
    private long decided;
    private long passedOver;

    Chunks(ExecutorService pool, Redecider redecider, int inFlight) {
      this.pool = pool;
      this.redecider = redecider;
      this.inFlight = inFlight;
    }

    @Override
    public void accept(LogRecord r) {
      if (r.decision() == null) {
        passedOver++;
        return;
      }
      chunk.add(r);
      if (chunk.size() == CHUNK) submit();
    }

    private void submit() {
      List<LogRecord> full = chunk;
      chunk = new ArrayList<>(CHUNK);
      decided += full.size();
      pending.add(pool.submit(() -> {
        List<String> found = new ArrayList<>();
        for (LogRecord r : full) {
          String d = difference(r, redecider);
          if (d != null) found.add(d);
        }
        return found;
      }));
      while (pending.size() > inFlight) takeOldest();
    }

    void finish() {
      if (!chunk.isEmpty()) submit();
      while (!pending.isEmpty()) takeOldest();
    }

    private void takeOldest() {
      try {
        differences.addAll(pending.poll().get());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while deciding log entries again", e);
      } catch (ExecutionException e) {
        throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
      }
    }
  }

  /** What differs for one entry, or null. */
  static String difference(LogRecord r, Redecider redecider) {
    DecisionEntry d = r.decision();
    Redecider.Redecided now = redecider.redecide(d);
    String where = "entry " + r.index() + " (" + d.id() + ")";
    if (now.problem() != null) return where + ": cannot be decided again: " + now.problem();
    if (now.matches(d)) return null;
    StringBuilder decided = new StringBuilder(now.decision().outcome().name()).append(" [");
    for (Decision.GrantVerdict g : now.decision().verdicts()) {
      decided.append(g.grant()).append(' ').append(g.outcome().name()).append(' ').append(g.determining()).append(';');
    }
    StringBuilder stored = new StringBuilder(d.decision()).append(" [");
    for (DecisionEntry.GrantVerdict g : d.grants()) {
      stored.append(g.grant()).append(' ').append(g.decision()).append(' ').append(g.rules()).append(';');
    }
    return where + ": logged " + stored + "], decided again " + decided + "]";
  }
}
