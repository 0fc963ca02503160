package org.caveat.server.log;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import org.caveat.explain.Answer;
import org.caveat.store.DecisionEntry;
import org.caveat.store.DecisionLog;
import org.caveat.store.LogRecord;

/**
 * {@code caveat log verify --redecide}: decides every compact entry again against its pinned
 * versions and names each whose stored verdict or determining rules differ from what the published
 * policy says now. Entries are read in index order in chunks and each chunk is decided on all
 * cores (it is a replay); differences are reported in index order. Entries of leaf format 1 (their
 * answer stored as rendered, from before the compact format) and published versions are counted,
 * not decided.
 */
public final class RedecideCheck {
  private static final int CHUNK = 4096;

  /** What was found: compact decisions decided again, entries passed over, and each difference. */
  public record Result(long decided, long passedOver, List<String> differences) {}

  private RedecideCheck() {}

  public static Result run(DecisionLog log, Redecider redecider, int threads) {
    ForkJoinPool pool = new ForkJoinPool(Math.max(1, threads));
    List<String> differences = new ArrayList<>();
    long[] counts = new long[2];
    List<LogRecord> chunk = new ArrayList<>(CHUNK);
    try {
      log.forEach(0, r -> {
        if (r.decision() == null) {
          counts[1]++;
          return;
        }
        chunk.add(r);
        if (chunk.size() == CHUNK) {
          counts[0] += check(pool, chunk, redecider, differences);
          chunk.clear();
        }
      });
      counts[0] += check(pool, chunk, redecider, differences);
    } finally {
      pool.shutdown();
    }
    return new Result(counts[0], counts[1], differences);
  }

  private static int check(ForkJoinPool pool, List<LogRecord> chunk, Redecider redecider, List<String> out) {
    try {
      pool.submit(() -> chunk.parallelStream().map(r -> difference(r, redecider)).filter(Objects::nonNull)
          .forEachOrdered(out::add)).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while deciding log entries again", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    }
    return chunk.size();
  }

  /** What differs for one entry, or null. */
  static String difference(LogRecord r, Redecider redecider) {
    DecisionEntry d = r.decision();
    Redecider.Rebuilt now = redecider.rebuild(d);
    String where = "entry " + r.index() + " (" + d.id() + ")";
    if (now.problem() != null) return where + ": cannot be decided again: " + now.problem();
    if (now.matches(d)) return null;
    StringBuilder decided = new StringBuilder(now.answer().decision().name()).append(" [");
    for (Answer.GrantAnswer g : now.answer().grants()) {
      decided.append(g.grant()).append(' ').append(g.decision().name()).append(' ').append(g.determining()).append(';');
    }
    StringBuilder stored = new StringBuilder(d.decision()).append(" [");
    for (DecisionEntry.GrantVerdict g : d.grants()) {
      stored.append(g.grant()).append(' ').append(g.decision()).append(' ').append(g.rules()).append(';');
    }
    return where + ": logged " + stored + "], decided again " + decided + "]";
  }
}
