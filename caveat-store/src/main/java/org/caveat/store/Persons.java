package org.caveat.store;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The person behind tokens, in one canonical spelling, so that four-eyes compares people rather
 * than token names: {@code Alice}, {@code alice} and {@code ＡＬＩＣＥ} (full-width) are one person,
 * and so are two tokens created for one person.
 *
 * <p>Normalisation: Unicode NFKC (compatibility forms folded: full-width letters, ligatures),
 * format characters (zero-width spaces and joiners, soft hyphens) removed, case folded (upper then
 * lower case in the root locale, so {@code ß} and {@code SS} agree), NFKC again, whitespace runs
 * collapsed to one space and trimmed. The result must be 1 to 128 characters without control
 * characters.
 */
public final class Persons {
  static final int MAX_LENGTH = 128;

  private Persons() {}

  /**
   * The canonical spelling of {@code person}.
   *
   * @throws IllegalArgumentException for a null, blank or over-long person, or one with control characters
   */
  public static String normalise(String person) {
    if (person == null) {
      throw new IllegalArgumentException("the person is missing");
    }
    String s = Normalizer.normalize(person, Normalizer.Form.NFKC);
    StringBuilder kept = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.getType(cp) == Character.FORMAT) continue;
      if (Character.isISOControl(cp) && "\t\n\u000B\f\r".indexOf(cp) < 0) {
        throw new IllegalArgumentException("person `" + person.strip() + "` contains a control character (U+"
            + String.format(Locale.ROOT, "%04X", cp) + ")");
      }
      kept.appendCodePoint(cp);
    }
    String folded = kept.toString().toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    String out = Normalizer.normalize(folded, Normalizer.Form.NFKC).strip().replaceAll("\\s+", " ");
    if (out.isEmpty()) {
      throw new IllegalArgumentException("the person is blank: name who holds the token, e.g. --person alice");
    }
    if (out.codePointCount(0, out.length()) > MAX_LENGTH) {
      throw new IllegalArgumentException("person `" + out.substring(0, 20) + "…` is longer than " + MAX_LENGTH
          + " characters");
    }
    return out;
  }
}
