package org.caveat.json;

import org.caveat.explain.Numbers;

/**
 * {@link Numbers#format(double, int)} without {@code BigDecimal} for the numbers answers carry:
 * values already rounded to the places written (every answer's border distance is).
 *
 * <p>Why it is the same text: when {@code n / 10^places}, computed in doubles, is exactly the
 * value {@code v} (n an integer below 2^53, so the division is correctly rounded), v is the double
 * nearest to the decimal n·10^-places, and the decimal {@code BigDecimal.valueOf(v)} reads from
 * {@code Double.toString} is within one ulp of v as well; below 10^9 an ulp is under 1.2·10^-7,
 * far less than half a unit in the last of at most 6 places, so rounding that decimal half-even to
 * {@code places} gives n·10^-places exactly, which is then written with trailing zeros dropped.
 * Any other value goes to {@code Numbers.format}. {@code DecimalsProperties} compares both.
 */
final class Decimals {
  private static final long[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000};
  private static final double LIMIT = 1e9;

  private Decimals() {}

  /** As {@link Numbers#format(double, int)}. */
  static String format(double v, int places) {
    if (places < 0 || places >= POWERS.length || !(Math.abs(v) < LIMIT)) return Numbers.format(v, places);
    long scale = POWERS[places];
    double n = Math.rint(v * scale);
    if (n / scale != v) return Numbers.format(v, places);
    long units = (long) n;
    if (units == 0) return "0";
    long abs = Math.abs(units), whole = abs / scale, fraction = abs % scale;
    StringBuilder out = new StringBuilder(24);
    if (units < 0) out.append('-');
    out.append(whole);
    if (fraction != 0) {
      int digits = places;
      while (fraction % 10 == 0) {
        fraction /= 10;
        digits--;
      }
      out.append('.');
      for (long p = POWERS[digits - 1]; p > fraction; p /= 10) out.append('0');
      out.append(fraction);
    }
    return out.toString();
  }
}
