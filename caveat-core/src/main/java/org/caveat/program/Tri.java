package org.caveat.program;

/**
 * Three-valued results packed in a {@code long} so evaluation allocates nothing:
 * {@link #FALSE}, {@link #TRUE}, or unknown carrying the set of missing attributes
 * ({@code mask << 2 | 2}, see {@link org.caveat.model.Attribute#bit()}).
 */
public final class Tri {
  public static final long FALSE = 0;
  public static final long TRUE = 1;

  private Tri() {}

  public static long of(boolean b) {
    return b ? TRUE : FALSE;
  }

  public static long unknown(long attributeMask) {
    return (attributeMask << 2) | 2;
  }

  public static boolean isUnknown(long r) {
    return (r & 2) != 0;
  }

  /** The missing attributes behind an unknown result (0 for true/false). */
  public static long missing(long r) {
    return isUnknown(r) ? r >>> 2 : 0;
  }

  public static long not(long r) {
    return isUnknown(r) ? r : r ^ 1;
  }
}
