package org.caveat.flink;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.co.BroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.caveat.Caveat;
import org.caveat.policy.PolicyException;

/**
 * The decide step when policy versions arrive as a stream (Flink's broadcast-state pattern):
 * every slot receives every published version ({@link PolicyFile}), keeps it in broadcast state
 * (checkpointed, restored after a failure) and from then on decides with the packs plus every
 * version received so far. An event is decided with the versions known when it is processed; among
 * them, core picks the one in force at the event's own time, so a version in force from D changes
 * only events at or after D that are processed after it arrived. Every decision names the version
 * and its content hash per grant ({@code "grants":[{"version","hash"}]}). A version that does not
 * build (bad YAML, a clash with a version of the same date) is refused and the engine stays as it
 * was; both outcomes are written as lines of the {@code policies} bucket ({@link PolicyLines}).
 */
public final class PolicyDecideFunction extends BroadcastProcessFunction<EventRow, PolicyFile, DecisionLine> {
  private static final long serialVersionUID = 1L;
  /** Published versions by name ({@code grant/version.yaml}) → YAML text. */
  static final MapStateDescriptor<String, String> VERSIONS =
      new MapStateDescriptor<>("published-versions", Types.STRING, Types.STRING);

  private final String packs;
  private final HashMap<String, String> seed;
  private final boolean tally;
  private transient Caveat caveat;
  private transient RowDecisions rows;

  /**
   * @param packs the packs folder (null: built-in)
   * @param seed  versions already published when the job was submitted: in force from the first event
   * @param tally whether lines carry their tallies for the {@link Summaries}
   */
  public PolicyDecideFunction(String packs, Map<String, String> seed, boolean tally) {
    this.packs = packs;
    this.tally = tally;
    this.seed = new HashMap<>(seed);
  }

  @Override
  public void open(OpenContext context) {
    rows = new RowDecisions(getRuntimeContext().getMetricGroup(), Clock.systemUTC(), tally);
  }

  @Override
  public void processElement(EventRow row, ReadOnlyContext ctx, Collector<DecisionLine> out) throws Exception {
    if (caveat == null) caveat = PolicyEngines.engine(packs, known(ctx.getBroadcastState(VERSIONS).immutableEntries()));
    out.collect(rows.decide(row, caveat));
  }

  @Override
  public void processBroadcastElement(PolicyFile file, Context ctx, Collector<DecisionLine> out) throws Exception {
    BroadcastState<String, String> state = ctx.getBroadcastState(VERSIONS);
    Map<String, String> current = known(state.entries());
    if (file.text.equals(current.get(file.name))) return;
    Map<String, String> next = new HashMap<>(current);
    next.put(file.name, file.text);
    int subtask = getRuntimeContext().getTaskInfo().getIndexOfThisSubtask();
    try {
      Caveat built = PolicyEngines.engine(packs, next);
      state.put(file.name, file.text);
      caveat = built;
      out.collect(PolicyLines.applied(file.name, built, subtask));
    } catch (PolicyException e) {
      out.collect(PolicyLines.refused(file.name, e.getMessage(), subtask));
    }
  }

  private Map<String, String> known(Iterable<Map.Entry<String, String>> received) {
    Map<String, String> all = new HashMap<>(seed);
    for (Map.Entry<String, String> e : received) all.put(e.getKey(), e.getValue());
    return all;
  }
}
