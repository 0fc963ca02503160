package org.caveat.report;

import java.util.Locale;

/** Escaping and fixed formatting for the report: every text from events and sources goes through {@link #esc}. */
final class Html {
  private Html() {}

  /** HTML-escapes text for element content and double-quoted attributes; null becomes empty. */
  static String esc(String s) {
    if (s == null) return "";
    StringBuilder b = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String r = switch (c) {
        case '<' -> "&lt;";
        case '>' -> "&gt;";
        case '&' -> "&amp;";
        case '"' -> "&quot;";
        case '\'' -> "&#39;";
        default -> null;
      };
      if (r == null && Character.isISOControl(c) && c != '\n' && c != '\t') r = " ";
      if (r != null) {
        if (b == null) b = new StringBuilder(s.length() + 16).append(s, 0, i);
        b.append(r);
      } else if (b != null) {
        b.append(c);
      }
    }
    return b == null ? s : b.toString();
  }

  /** At most {@code max} characters, an ellipsis marking a cut; null becomes empty. */
  static String clip(String s, int max) {
    if (s == null) return "";
    if (s.length() <= max) return s;
    int end = max - 1;
    if (Character.isHighSurrogate(s.charAt(end - 1))) end--; // never split a character in two
    return s.substring(0, end) + "…";
  }

  /** A count with thousands separators, the same on every machine ("1,234,567"). */
  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** A share of a total as a percentage with one decimal ("12.5%"); "0.0%" for an empty total. */
  static String percent(long part, long total) {
    return String.format(Locale.ROOT, "%.1f%%", total == 0 ? 0.0 : 100.0 * part / total);
  }

  /** A coordinate in the SVG, one decimal. */
  static String coord(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  /** Degrees for display, four decimals. */
  static String degrees(double v) {
    return String.format(Locale.ROOT, "%.4f", v);
  }

  /** A CSS/attribute-safe token: lower case letters, digits and dashes. */
  static String token(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
  }
}
