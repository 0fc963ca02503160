package org.caveat.geo;

/**
 * Where a point lies with respect to land and the sea, as the facts and {@code waters(p)} name it
 * (docs/SEMANTICS.md, "Coasts and the sea").
 */
public enum Waters {
  /** On land: a shipped region, or land of another state. */
  LAND("land"),
  /**
   * At sea within 12 nautical miles of the nearest land: the territorial sea (or internal
   * waters) of the state whose land is nearest.
   */
  INTERNAL_OR_TERRITORIAL("internal_or_territorial"),
  /** At sea farther than 12 nautical miles from any land. */
  HIGH_SEAS("high_seas");

  /** Every label, in declaration order. */
  public static final java.util.List<String> LABELS =
      java.util.Arrays.stream(values()).map(Waters::label).toList();

  private final String label;

  Waters(String label) {
    this.label = label;
  }

  /** The value in answers and conditions. */
  public String label() {
    return label;
  }
}
