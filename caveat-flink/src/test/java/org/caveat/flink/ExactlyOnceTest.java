package org.caveat.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.caveat.replay.EventGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A task fails once mid-stream, after a checkpoint has completed; the job restarts from that
 * checkpoint (fixed-delay restart strategy) and the committed output still holds every event
 * exactly once, with {@code caveat replay}'s bytes.
 */
class ExactlyOnceTest {
  @RegisterExtension
  static final MiniClusterExtension CLUSTER = new MiniClusterExtension(
      new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

  static final int ROWS = 2000;
  static final int FAIL_AFTER = 600;

  @Test
  void everyEventIsWrittenExactlyOnceAcrossARestart(@TempDir Path tmp) throws Exception {
    Path in = tmp.resolve("generated.csv");
    try (Writer w = Files.newBufferedWriter(in)) {
      new EventGenerator(7, EventGenerator.Variant.MODERN).write(ROWS, w);
    }
    Path out = tmp.resolve("out");
    Configuration conf = new Configuration();
    conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
    conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 2);
    conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(50));
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(2);
    JobOptions options = JobOptions.of(List.of(in.toString()), out.toString(), Duration.ofMillis(100));
    env.enableCheckpointing(options.checkpoints().toMillis());
    FailOnce.FAILED.set(false);
    FailOnce.CHECKPOINTED.set(false);
    ComplianceJob.write(ComplianceJob.decide(ComplianceJob.events(env, options).map(new FailOnce()), options), options);
    env.execute("exactly-once-test");

    assertThat(FailOnce.FAILED).isTrue();
    Replayed.Result replay = Replayed.replay(in);
    assertThat(replay.lines()).hasSize(ROWS);
    assertThat(Replayed.byLine(out.resolve(Buckets.DECISIONS).resolve("generated.csv"))).isEqualTo(replay.lines());
  }

  /**
   * Passes events on; once, at the first event past {@link #FAIL_AFTER} after a checkpoint has
   * completed, throws. Until then it yields a millisecond per event, so checkpoints (every
   * 100 ms) complete while the input is still being read.
   */
  static final class FailOnce implements MapFunction<EventRow, EventRow>, CheckpointListener {
    static final AtomicBoolean FAILED = new AtomicBoolean();
    static final AtomicBoolean CHECKPOINTED = new AtomicBoolean();
    private long seen;

    @Override
    public EventRow map(EventRow row) throws Exception {
      if (FAILED.get()) return row;
      seen++;
      if (seen > FAIL_AFTER && CHECKPOINTED.get() && FAILED.compareAndSet(false, true)) {
        throw new IllegalStateException("injected failure after " + seen + " events");
      }
      Thread.sleep(1);
      return row;
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
      CHECKPOINTED.set(true);
    }
  }
}
