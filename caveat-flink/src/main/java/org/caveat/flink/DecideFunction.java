package org.caveat.flink;

import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.caveat.Caveat;

/**
 * Decides each mapped event with one fixed policy — the packs, plus any published versions known
 * when the job was built — ({@link RowDecisions}): the job's decide step when no policy stream is
 * given, chained to the reading task with one slot.
 */
public final class DecideFunction extends RichMapFunction<EventRow, DecisionLine> {
  private static final long serialVersionUID = 1L;
  /** Engines by packs folder ("" for the built-in packs): compiled once per JVM, shared by its slots. */
  private static final Map<String, Caveat> ENGINES = new ConcurrentHashMap<>();

  private final String packs;
  private final HashMap<String, String> versions;
  private boolean tally;
  private transient Caveat caveat;
  private transient RowDecisions rows;

  /** @param packs a packs folder readable on every task manager, or null for the built-in packs */
  public DecideFunction(String packs) {
    this(packs, Map.of());
  }

  /** With published versions ({@code grant/version.yaml} → YAML) on top of the packs. */
  public DecideFunction(String packs, Map<String, String> versions) {
    this.packs = packs;
    this.versions = new HashMap<>(versions);
  }

  /** Lines carry their tallies for the {@link Summaries}. */
  public DecideFunction withTallies(boolean on) {
    this.tally = on;
    return this;
  }

  /** The engine of a packs folder (null: built-in); throws {@code PolicyException} for bad packs. */
  public static Caveat engine(String packs) {
    return ENGINES.computeIfAbsent(packs == null ? "" : packs, p -> builder(packs).build());
  }

  /** A builder of the engine of a packs folder (null: the built-in packs). */
  static Caveat.Builder builder(String packs) {
    return packs == null || packs.isEmpty() ? Caveat.builder() : Caveat.builder().packs(Path.of(packs));
  }

  @Override
  public void open(OpenContext context) {
    caveat = PolicyEngines.engine(packs, versions);
    rows = new RowDecisions(getRuntimeContext().getMetricGroup(), Clock.systemUTC(), tally);
  }

  @Override
  public DecisionLine map(EventRow row) throws Exception {
    return rows.decide(row, caveat);
  }
}
