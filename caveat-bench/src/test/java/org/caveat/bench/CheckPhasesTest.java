package org.caveat.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The stage report names every stage of every round (what it measures is for BENCHMARKS.md, not asserted). */
class CheckPhasesTest {
  @Test
  void reportsEveryStageOfEveryRound() throws Exception {
    PrintStream out = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      CheckPhases.main(new String[] {"../examples/kharkiv.ndjson", "2"});
    } finally {
      System.setOut(out);
    }
    String report = captured.toString(StandardCharsets.UTF_8);
    assertThat(report.lines()).hasSize(7);
    assertThat(report).contains("frame  round 1:", "bind   round 2:", "answer round 2:", "render round 2:");
  }
}
