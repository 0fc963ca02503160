package org.caveat.server.policy;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.caveat.store.PublishedVersions;
import org.caveat.store.StoreException;

/**
 * Keeps the {@link LiveEngine} of one replica in step with versions published through another:
 * every {@code interval} it reads the store's {@link PublishedVersions#revision()} (one small query)
 * and reloads the engine when it changed (built off to the side, swapped in atomically). Polling,
 * not LISTEN/NOTIFY: it works on both databases, and the same query tells whether the database
 * answers at all.
 *
 * <p><b>Never stale.</b> The engine is handed out only while the last successful check is at most
 * {@code maxAge} old; otherwise the caller checks at once ({@link #ensureFresh()}), and when the
 * database does not answer, gets a {@link StoreException} (a 503 problem) instead of an engine. So
 * a decision taken more than {@code maxAge} after a publish committed elsewhere uses the new
 * version, and a replica cut off from its database decides nothing.
 *
 * <p>Ages are measured with {@link System#nanoTime()}: they bound staleness and are never recorded,
 * and a fixed test clock must not make a check last forever.
 */
public final class PolicyWatcher implements AutoCloseable {
  /** The oldest check the engine is handed out on: a publish elsewhere decides here within this. */
  public static final Duration MAX_AGE = Duration.ofSeconds(1);

  private final LiveEngine engine;
  private final PublishedVersions published;
  private final long maxAgeNanos;
  private final ScheduledExecutorService timer;
  /** When the last successful check began; a check that began earlier cannot have seen a later publish. */
  private volatile long confirmedAt;

  /**
   * Whether a server on the store {@code described} ({@link org.caveat.store.Store#describe()}) must
   * watch it: only when other processes may publish into it (PostgreSQL, shared by replicas). A
   * SQLite data folder has one writing process (a file lock claims it), publishing appends to the log
   * and so happens only through that process's server, which reloads its own engine; polling
   * there would only cost a query every interval and a freshness check on every decision.
   */
  public static boolean isNeeded(String described) {
    return !described.startsWith("sqlite:");
  }

  public PolicyWatcher(LiveEngine engine, PublishedVersions published, Duration interval, Duration maxAge) {
    this(engine, published, interval, maxAge, true);
  }

  /**
   * @param watching false for a store only this process writes ({@link #isNeeded} false): no timer
   *     and no guard on the engine; the store is asked only for {@link #problem()} (readiness), at
   *     most once per {@code maxAge}, so a SQLite file that no longer reads still takes the
   *     server out of service
   */
  public PolicyWatcher(LiveEngine engine, PublishedVersions published, Duration interval, Duration maxAge,
      boolean watching) {
    this.engine = engine;
    this.published = published;
    this.maxAgeNanos = maxAge.toNanos();
    this.confirmedAt = System.nanoTime(); // the engine was just built from the store
    if (!watching) {
      this.timer = null;
      return;
    }
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "caveat-policy-watcher");
      t.setDaemon(true);
      return t;
    });
    long every = interval.toMillis();
    timer.scheduleWithFixedDelay(this::checkOnTimer, every, every, TimeUnit.MILLISECONDS);
    engine.guardWith(this::ensureFresh);
  }

  /** Returns at once when a check succeeded within {@code maxAge}; else checks now. */
  public void ensureFresh() {
    if (System.nanoTime() - confirmedAt <= maxAgeNanos) return;
    synchronized (engine) {
      if (System.nanoTime() - confirmedAt <= maxAgeNanos) return; // another caller just checked
      check();
    }
  }

  /**
   * Why this replica may not serve now, or null when it may: checks at once unless a check
   * succeeded within {@code maxAge} (for a readiness probe).
   */
  public String problem() {
    try {
      ensureFresh();
      return null;
    } catch (StoreException e) {
      return e.getMessage();
    }
  }

  /**
   * Checks under the engine's own monitor, the one lock of reloads and publishes: a publish holds it
   * while it asks for the engine in force (and so passes the guard here), and one lock has no order
   * to get wrong.
   */
  private void check() {
    long began = System.nanoTime();
    try {
      synchronized (engine) {
        engine.reloadIfChanged(published.revision());
        confirmedAt = began;
      }
    } catch (StoreException e) {
      throw new StoreException("this replica cannot reach its database, so it cannot tell whether its policy is"
          + " current; it decides nothing until it can (" + e.getMessage() + ")", e);
    }
  }

  private void checkOnTimer() {
    try {
      check();
    } catch (RuntimeException e) {
      // the engine ages until a check succeeds; callers then check themselves and get the failure
    }
  }

  @Override
  public void close() {
    if (timer != null) timer.shutdownNow();
  }
}
