package org.caveat.explain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * {@link Numbers#round}'s fast path gives the double that rounding the value's decimal form with
 * {@link BigDecimal} gives, including values within a few ulps of a half-way point; and
 * {@link Numbers#format}'s fast path gives the string {@link BigDecimal} writes.
 */
class NumbersProperties {
  private static double viaDecimal(double value, int places) {
    return BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_EVEN).doubleValue();
  }

  private static String formatViaDecimal(double value, int places) {
    BigDecimal d = BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_EVEN).stripTrailingZeros();
    return d.signum() == 0 ? "0" : d.toPlainString();
  }

  private static void same(double value, int places) {
    assertThat(Numbers.format(value, places)).as("%s formatted to %d places", value, places)
        .isEqualTo(formatViaDecimal(value, places));
    double expected = viaDecimal(value, places);
    assertThat(Double.doubleToRawLongBits(Numbers.round(value, places)))
        .as("%s to %d places", value, places).isEqualTo(Double.doubleToRawLongBits(expected));
  }

  @Property(tries = 5000)
  void sameAsDecimalRounding(@ForAll double value, @ForAll @IntRange(min = 0, max = 8) int places) {
    if (Double.isFinite(value)) same(value, places);
  }

  @Property(tries = 5000)
  void sameAsDecimalRoundingForDistances(@ForAll @DoubleRange(min = -1, max = 20_000) double km) {
    same(km, 3);
    same(km, 1);
  }

  @Property(tries = 3000)
  void sameAsDecimalForRoundFiguresAndTinyOnes(@ForAll @LongRange(min = -100_000, max = 100_000) long n,
      @ForAll @IntRange(min = -8, max = 6) int exponent, @ForAll @IntRange(min = 0, max = 6) int places) {
    same(n * Math.pow(10, exponent), places);
  }

  @Property(tries = 5000)
  void sameAsDecimalRoundingNearHalves(@ForAll @LongRange(min = -10_000_000, max = 10_000_000) long n,
      @ForAll @IntRange(min = -4, max = 4) int ulps, @ForAll @IntRange(min = 0, max = 6) int places) {
    double half = (n + 0.5) / Math.pow(10, places);
    double value = half;
    for (int i = 0; i < Math.abs(ulps); i++) value = ulps > 0 ? Math.nextUp(value) : Math.nextDown(value);
    same(value, places);
    same(n / Math.pow(10, places), places);
  }
}
