package org.caveat.replay;

import static org.assertj.core.api.Assertions.assertThat;

import org.caveat.decide.Outcome;
import org.junit.jupiter.api.Test;

/** Synthetic events: deterministic for a seed, and a mix that gives every decision. */
class EventGeneratorTest {
  @Test
  void theSameSeedGivesTheSameBytesAndAnotherSeedOtherBytes() throws Exception {
    String a = Replays.generate(500, 11, EventGenerator.Variant.MODERN);
    assertThat(Replays.generate(500, 11, EventGenerator.Variant.MODERN)).isEqualTo(a);
    assertThat(Replays.generate(500, 12, EventGenerator.Variant.MODERN)).isNotEqualTo(a);
    assertThat(a.lines().findFirst().orElseThrow()).isEqualTo(String.join(",", AcledColumns.NAMES));
  }

  @Test
  void theMixGivesAllFourDecisionsAndSomeUnattributedRows() throws Exception {
    Replays.Result r = Replays.replay(Replays.generate(2000, 3, EventGenerator.Variant.MODERN), EventFormat.ACLED, 2);
    assertThat(r.summary().events()).isEqualTo(2000);
    assertThat(r.summary().bad()).isZero();
    for (Outcome o : Outcome.values()) assertThat(r.summary().count(o)).as(o.name()).isGreaterThan(100);
    // Unattributed rows are the UNNAMED scenario's share, within sampling noise.
    assertThat(r.summary().unattributed()).isBetween(120L, 280L);
  }

  @Test
  void sharesAddUpToOneHundred() {
    assertThat(java.util.Arrays.stream(SyntheticScenario.values()).mapToInt(SyntheticScenario::share).sum())
        .isEqualTo(100);
  }

  @Test
  void coordinatesAreWrittenWithFourDecimals() {
    for (double x : new double[] {50.45801, 36.0, -0.00004, -12.34561, 0.99999, 179.99994}) {
      assertThat(EventGenerator.fixed4(x)).as("%s", x)
          .isEqualTo(String.format(java.util.Locale.ROOT, "%.4f", x).replace("-0.0000", "0.0000"));
    }
  }
}
