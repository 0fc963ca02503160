package org.caveat.json;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.caveat.explain.Numbers;
import org.junit.jupiter.api.Test;

/** {@link Decimals#format} writes every number as {@link Numbers#format} does. */
class DecimalsProperties {
  @Property(tries = 5000)
  void anyDouble(@ForAll double v, @ForAll @IntRange(min = 0, max = 7) int places) {
    assertThat(Decimals.format(v, places)).isEqualTo(Numbers.format(v, places));
  }

  @Property(tries = 5000)
  void distancesAsAnswersHoldThem(@ForAll @DoubleRange(min = -3000, max = 3000) double km,
      @ForAll @IntRange(min = 0, max = 6) int places) {
    double rounded = Numbers.round(km, places);
    assertThat(Decimals.format(rounded, places)).isEqualTo(Numbers.format(rounded, places));
  }

  @Property(tries = 5000)
  void decimalsOfAtMostThePlaces(@ForAll @LongRange(min = -999_999_999_999L, max = 999_999_999_999L) long units,
      @ForAll @IntRange(min = 0, max = 6) int places) {
    double v = units / Math.pow(10, places);
    assertThat(Decimals.format(v, places)).isEqualTo(Numbers.format(v, places));
  }

  @Test
  void edges() {
    for (double v : new double[] {0, -0.0, 0.0005, -0.0005, 0.0015, 0.001, -0.001, 0.05, 1e-7, 999_999_999.999,
        1e9, -1e9, 1e15, 123.4565, 2.675, Double.MIN_VALUE, Double.MAX_VALUE, Double.NaN, Double.POSITIVE_INFINITY}) {
      for (int places = 0; places <= 7; places++) {
        if (!Double.isFinite(v)) continue; // Numbers.format itself refuses these
        assertThat(Decimals.format(v, places)).as("%s to %d places", v, places).isEqualTo(Numbers.format(v, places));
      }
    }
  }
}
