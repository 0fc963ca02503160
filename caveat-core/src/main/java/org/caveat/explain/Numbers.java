package org.caveat.explain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Deterministic decimal formatting for answers and sentences. */
public final class Numbers {
  private Numbers() {}

  /**
   * Rounded half-even to {@code places}, trailing zeros dropped, never in exponent form. The
   * common case takes the integer n of {@link #round}'s fast path and writes n / 10^places
   * itself (the digits of n with the point inserted and trailing zeros dropped), which is the
   * plain form of the same decimal; {@code NumbersProperties} compares both ways.
   */
  public static String format(double value, int places) {
    long n = scaledIfUnambiguous(value, places);
    if (n != AMBIGUOUS) {
      return plain(n, places);
    }
    BigDecimal d = BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_EVEN).stripTrailingZeros();
    if (d.signum() == 0) return "0";
    return d.toPlainString();
  }

  /**
   * Half-even rounding of the value's decimal form ({@link BigDecimal#valueOf(double)}) to
   * {@code places}. Every answer rounds its border distance, so the common case avoids the
   * decimal conversion: when value·10^places is farther from a half-integer than the error of
   * that product and of the decimal form together, both round to the same integer n, and the
   * result n / 10^places is what {@code BigDecimal.doubleValue} computes for such a decimal.
   * {@code NumbersProperties} compares both ways.
   */
  public static double round(double value, int places) {
    long n = scaledIfUnambiguous(value, places);
    if (n != AMBIGUOUS) {
      return n / POWERS[places];
    }
    return BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_EVEN).doubleValue();
  }

  private static final long AMBIGUOUS = Long.MIN_VALUE;

  /**
   * The integer n that value·10^places rounds to, when that product is farther from a
   * half-integer than its error and the decimal form's together (see {@link #round}); else
   * {@link #AMBIGUOUS}.
   */
  private static long scaledIfUnambiguous(double value, int places) {
    if (places >= 0 && places < POWERS.length && Math.abs(value) < FAST_LIMIT) {
      double scale = POWERS[places], scaled = value * scale, floor = Math.floor(scaled);
      double fraction = scaled - floor;
      double error = 2 * (Math.ulp(value) * scale + Math.ulp(scaled));
      if (Math.abs(fraction - 0.5) > error) {
        return (long) floor + (fraction > 0.5 ? 1 : 0);
      }
    }
    return AMBIGUOUS;
  }

  /** n / 10^places in plain decimal, trailing zeros of the fraction dropped; "0" for 0. */
  private static String plain(long n, int places) {
    long unit = (long) POWERS[places], magnitude = Math.abs(n), whole = magnitude / unit, fraction = magnitude % unit;
    StringBuilder out = new StringBuilder(24);
    if (n < 0) out.append('-');
    out.append(whole);
    if (fraction != 0) {
      int digits = places;
      while (fraction % 10 == 0) {
        fraction /= 10;
        digits--;
      }
      out.append('.');
      String f = Long.toString(fraction);
      for (int i = f.length(); i < digits; i++) out.append('0');
      out.append(f);
    }
    return out.toString();
  }

  /** Exact powers of ten for the fast path of {@link #round}. */
  private static final double[] POWERS = {1, 10, 100, 1e3, 1e4, 1e5, 1e6};
  /** Keeps value·10^places, and so n, well below 2^52 (where {@code BigDecimal} divides the same way). */
  private static final double FAST_LIMIT = 1e9;
}
