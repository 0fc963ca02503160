package org.caveat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The progress line is a pure function of counts and elapsed time. */
class ProgressBarTest {
  @Test
  void showsShareRowsRateAndEta() {
    assertThat(ProgressBar.render(450_000, 45_000_000, 100_000_000, Duration.ofSeconds(5)))
        .isEqualTo("[##########..............]  45%  450,000 rows  90,000 rows/s  ETA 0:06");
  }

  @Test
  void atTheStartThereIsNoRateAndNoEta() {
    assertThat(ProgressBar.render(0, 0, 1_000, Duration.ZERO))
        .isEqualTo("[........................]   0%  0 rows");
  }

  @Test
  void withoutAKnownSizeOnlyRowsAndRateAreShown() {
    assertThat(ProgressBar.render(1_500, 9_999, -1, Duration.ofMillis(1_500)))
        .isEqualTo("1,500 rows  1,000 rows/s");
  }

  @Test
  void longRunsShowMinutesAndTheBarNeverOverflows() {
    assertThat(ProgressBar.render(10, 2_000, 1_000, Duration.ofSeconds(1))).startsWith("[########################] 100%");
    assertThat(ProgressBar.render(100, 100, 100_000, Duration.ofSeconds(1))).endsWith("ETA 16:39");
  }
}
