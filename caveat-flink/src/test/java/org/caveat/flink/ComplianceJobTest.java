package org.caveat.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job on a MiniCluster with two slots over a directory of the committed replay examples, a
 * file with a bad row and a file that is no event file: every file's decisions, ordered by line,
 * are byte for byte {@code caveat replay}'s; bad rows and the unreadable file are written to
 * bad-rows, none dropped.
 */
class ComplianceJobTest {
  @RegisterExtension
  static final MiniClusterExtension CLUSTER = new MiniClusterExtension(
      new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

  static final Path EXAMPLES = Path.of("..", "examples", "replay");

  @Test
  void decisionsAreReplaysBytesForEveryRow(@TempDir Path tmp) throws Exception {
    Path in = Files.createDirectories(tmp.resolve("in"));
    for (String f : List.of("synthetic-300.csv", "synthetic-old-variant-40.csv")) Files.copy(EXAMPLES.resolve(f), in.resolve(f));
    List<String> modern = Files.readAllLines(in.resolve("synthetic-300.csv"));
    // A header, two good rows, then a row with too few columns (line 4), then one more good row.
    Files.write(in.resolve("with-bad-row.csv"), List.of(modern.get(0), modern.get(1), modern.get(2), "RUS7,01 May 2024,2024",
        modern.get(3)));
    Files.writeString(in.resolve("notes.txt"), "not an event file\n");
    Path out = tmp.resolve("out");

    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    ComplianceJob.build(env, JobOptions.of(List.of(in.toString()), out.toString(), Duration.ofMillis(100)));
    env.execute("compliance-test");

    for (String f : List.of("synthetic-300.csv", "synthetic-old-variant-40.csv", "with-bad-row.csv")) {
      Replayed.Result replay = Replayed.replay(in.resolve(f));
      assertThat(Replayed.byLine(out.resolve(Buckets.DECISIONS).resolve(f))).as(f).isEqualTo(replay.lines());
    }
    assertThat(Replayed.replay(in.resolve("synthetic-300.csv")).lines()).hasSize(300);
    List<String> bad = OutputCounts.lines(out.resolve(Buckets.BAD_ROWS).resolve("with-bad-row.csv"));
    assertThat(bad).singleElement().satisfies(l ->
        assertThat(l).contains("\"code\":\"event.bad\"", "wrong column count").endsWith("\"line\":4}"));
    assertThat(OutputCounts.lines(out.resolve(Buckets.BAD_ROWS).resolve("notes.txt"))).singleElement()
        .satisfies(l -> assertThat(l).contains("the file cannot be read as events").endsWith("\"line\":0}"));
    OutputCounts counts = OutputCounts.of(out);
    assertThat(counts.bad()).isEqualTo(2);
    assertThat(counts.decided() + counts.unattributed()).isEqualTo(300 + 40 + 3);
  }
}
