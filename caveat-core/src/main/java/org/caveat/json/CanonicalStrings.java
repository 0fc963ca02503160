package org.caveat.json;

import java.util.Collection;

/**
 * A fixed set of strings found from characters without making a String: the binder reads a
 * vocabulary value or a country code from the parser's character buffer and gets the set's own
 * instance back, or null when the characters are not in the set. Saves a String per value and
 * the hashing and comparing of a {@code Set.contains}, for the five or six such values in every
 * request.
 *
 * <p>An open-addressing hash table (linear probing) keyed by {@link String#hashCode()}'s
 * polynomial, computed over the characters; a hit is confirmed character by character. Read-only
 * after construction, so it is safe to share between threads.
 */
final class CanonicalStrings {
  private final String[] slots;
  /** Each slot's characters, compared as an array (cheaper than {@code charAt} under the client compiler). */
  private final char[][] chars;
  private final int mask;

  CanonicalStrings(Collection<String> values) {
    int size = Integer.highestOneBit(Math.max(4, values.size() * 4 - 1)) << 1; // load factor below 1/2
    slots = new String[size];
    chars = new char[size][];
    mask = size - 1;
    for (String v : values) {
      int i = v.hashCode() & mask;
      while (slots[i] != null && !slots[i].equals(v)) i = (i + 1) & mask;
      slots[i] = v;
      chars[i] = v.toCharArray();
    }
  }

  /** The set's string equal to {@code chars[offset, offset + length)}, or null. */
  String find(char[] chars, int offset, int length) {
    int h = 0;
    for (int i = offset; i < offset + length; i++) h = 31 * h + chars[i];
    for (int i = h & mask; ; i = (i + 1) & mask) {
      char[] c = this.chars[i];
      if (c == null) return null;
      if (c.length == length && same(c, chars, offset)) return slots[i];
    }
  }

  private static boolean same(char[] word, char[] chars, int offset) {
    for (int i = 0; i < word.length; i++) if (word[i] != chars[offset + i]) return false;
    return true;
  }

  /**
   * Two capital letters (an ISO 3166-1 alpha-2 code, as both request paths require) as one shared
   * String per code, made on first use; null for anything else.
   */
  static String alpha2(char[] chars, int offset, int length) {
    if (length != 2) return null;
    int a = chars[offset] - 'A', b = chars[offset + 1] - 'A';
    if (a < 0 || a > 25 || b < 0 || b > 25) return null;
    int i = a * 26 + b;
    String s = ALPHA2[i];
    if (s == null) {
      // A benign race: two threads may each make the code; a String is immutable and safely published.
      s = new String(chars, offset, 2);
      ALPHA2[i] = s;
    }
    return s;
  }

  private static final String[] ALPHA2 = new String[26 * 26];
}
