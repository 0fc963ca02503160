package org.caveat.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.caveat.decide.Outcome;
import org.junit.jupiter.api.Test;

/**
 * The committed synthetic example replayed with the default mapping and the built-in packs,
 * compared byte for byte with the committed decisions and summary. After an intended change,
 * regenerate them with
 * {@code ./mvnw -B -o -q -pl caveat-replay test -Dtest=GoldenReplayTest -Dcaveat.regenerate=true}
 * and review the diff.
 */
class GoldenReplayTest {
  static final Path DIR = Path.of("..", "examples", "replay");
  static final Path INPUT = DIR.resolve("synthetic-300.csv");
  static final Path OLD_INPUT = DIR.resolve("synthetic-old-variant-40.csv");
  static final boolean REGENERATE = Boolean.getBoolean("caveat.regenerate");

  @Test
  void committedExamplesAreTheGeneratorsOutput() throws Exception {
    String modern = Replays.generate(300, 1, EventGenerator.Variant.MODERN);
    String old = Replays.generate(40, 2, EventGenerator.Variant.OLD);
    if (REGENERATE) {
      Files.writeString(INPUT, modern);
      Files.writeString(OLD_INPUT, old);
    }
    assertThat(Files.readString(INPUT)).isEqualTo(modern);
    assertThat(Files.readString(OLD_INPUT)).isEqualTo(old);
  }

  @Test
  void decisionsAndSummaryMatchTheGoldenFiles() throws Exception {
    Replays.Result r = Replays.replay(Files.readString(INPUT), EventFormat.ACLED, 2);
    Path decisions = DIR.resolve("synthetic-300.decisions.ndjson");
    Path summary = DIR.resolve("synthetic-300.summary.txt");
    if (REGENERATE) {
      Files.writeString(decisions, r.decisions());
      Files.writeString(summary, r.summary().table());
    }
    assertThat(r.decisions()).isEqualTo(Files.readString(decisions, StandardCharsets.UTF_8));
    assertThat(r.summary().table()).isEqualTo(Files.readString(summary, StandardCharsets.UTF_8));
    // The mix the generator promises: every decision, and unattributed rows, none bad.
    for (Outcome o : Outcome.values()) assertThat(r.summary().count(o)).as(o.name()).isPositive();
    assertThat(r.summary().unattributed()).isPositive();
    assertThat(r.summary().bad()).isZero();
  }

  @Test
  void theOldVariantExampleReplaysWithTheSameMapping() throws Exception {
    Replays.Result r = Replays.replay(Files.readString(OLD_INPUT), EventFormat.ACLED, 2);
    assertThat(r.summary().events()).isEqualTo(40);
    assertThat(r.summary().bad()).isZero();
    assertThat(r.summary().decided()).isGreaterThan(20);
  }
}
