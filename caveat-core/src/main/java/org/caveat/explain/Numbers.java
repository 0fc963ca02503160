package org.caveat.explain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Deterministic decimal formatting for answers and sentences. */
public final class Numbers {
  private Numbers() {}

  /** Rounded half-even to {@code places}, trailing zeros dropped, never in exponent form. */
  public static String format(double value, int places) {
    BigDecimal d = BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_EVEN).stripTrailingZeros();
    if (d.signum() == 0) return "0";
    return d.toPlainString();
  }

  public static double round(double value, int places) {
    return BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_EVEN).doubleValue();
  }
}
