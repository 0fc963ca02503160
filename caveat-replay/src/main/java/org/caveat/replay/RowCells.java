package org.caveat.replay;

/**
 * One row's cells as the mapping's Java forms ({@link RowExpressions}) read them, with a cheap
 * test that rules out most keyword searches before they scan the text.
 *
 * <p>The shipped mapping asks up to ~70 {@code row.notes.contains("…")} questions per row and
 * nearly all answers are "no", each a full scan of the notes. A bigram signature (a Bloom filter of
 * the text's adjacent character pairs: 256 bits, one hash per pair) is computed once per column
 * on first need; a literal one of whose pairs is missing from it cannot occur in the text, so
 * {@link String#contains} runs only when every pair is present. A text that contains the literal
 * contains each of its pairs, so the answer is always exactly {@code String.contains}'s. Literals
 * shorter than two characters have no pairs and are always searched. Used by one thread.
 */
final class RowCells {
  private static final int WORDS = 4;

  private final String[] cells;
  /** Per column, its text's pair signature once computed. */
  private long[][] signatures;

  RowCells(String[] cells) {
    this.cells = cells;
  }

  String get(int column) {
    return cells[column];
  }

  /** Exactly {@code get(column).contains(literal)}; {@code pairs} is {@link #signature}{@code (literal)}. */
  boolean contains(int column, String literal, long[] pairs) {
    if (signatures == null) signatures = new long[cells.length][];
    long[] text = signatures[column];
    if (text == null) text = signatures[column] = signature(cells[column]);
    for (int w = 0; w < WORDS; w++) if ((text[w] & pairs[w]) != pairs[w]) return false;
    return cells[column].contains(literal);
  }

  /** The set of the text's adjacent character pairs, hashed to 256 bits. */
  static long[] signature(String s) {
    long[] bits = new long[WORDS];
    int n = s.length();
    if (n < 2) return bits;
    int previous = s.charAt(0);
    for (int i = 1; i < n; i++) {
      int c = s.charAt(i);
      // Fibonacci hashing of the pair: the top 8 bits of the product pick the bit.
      int h = ((previous << 16) | c) * 0x9E3779B1 >>> 24;
      bits[h >>> 6] |= 1L << h;
      previous = c;
    }
    return bits;
  }
}
