package org.caveat.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * {@link RowCells#contains} against {@link String#contains} on generated texts and literals
 * (200 tries × 300 pairs): pieces of the text itself (always found), and strings drawn from a small
 * alphabet with non-ASCII letters and surrogate pairs (mostly not found), of every length from 0.
 */
class RowCellsProperties {
  private static final String ALPHABET = "aAbB -,.\u00e9\u0130\uD83D\uDE80HIMARS";

  @Property(tries = 200)
  void answersExactlyAsStringContains(@ForAll long seed) {
    Random rnd = new Random(seed);
    int found = 0;
    int ruledOut = 0;
    for (int i = 0; i < 300; i++) {
      String text = text(rnd, rnd.nextInt(300));
      String literal;
      if (rnd.nextBoolean() && !text.isEmpty()) {
        int from = rnd.nextInt(text.length());
        literal = text.substring(from, from + rnd.nextInt(Math.min(20, text.length() - from) + 1));
      } else {
        literal = text(rnd, rnd.nextInt(12));
      }
      RowCells row = new RowCells(new String[] {"", text});
      boolean expected = text.contains(literal);
      assertThat(row.contains(1, literal, RowCells.signature(literal))).as("[%s] in [%s]", literal, text)
          .isEqualTo(expected);
      if (expected) found++;
      else if (!covers(RowCells.signature(text), RowCells.signature(literal))) ruledOut++;
    }
    assertThat(found).as("literals taken from the text").isGreaterThan(100);
    assertThat(ruledOut).as("absent literals ruled out by the signature alone").isGreaterThan(10);
  }

  private static boolean covers(long[] text, long[] literal) {
    for (int w = 0; w < text.length; w++) if ((text[w] & literal[w]) != literal[w]) return false;
    return true;
  }

  private static String text(Random rnd, int length) {
    StringBuilder b = new StringBuilder();
    while (b.length() < length) {
      int c = rnd.nextInt(ALPHABET.length());
      if (Character.isHighSurrogate(ALPHABET.charAt(c))) b.append(ALPHABET, c, c + 2);
      else if (!Character.isLowSurrogate(ALPHABET.charAt(c))) b.append(ALPHABET.charAt(c));
    }
    return b.toString();
  }
}
