package org.caveat.json;

/**
 * The rules for a request's {@code id}: 1 to {@value #MAX_LENGTH} characters (UTF-16 code units),
 * not only white space, and no control characters (U+0000–U+001F, U+007F–U+009F), line or
 * paragraph separators (U+2028, U+2029) or unpaired surrogates. An id is echoed in answers,
 * logged and printed by the CLI; these rules keep it one printable line that every store accepts
 * as it is (PostgreSQL text refuses U+0000; an unpaired surrogate has no UTF-8 form).
 */
public final class RequestId {
  /** Longest id, in UTF-16 code units: the decision log's limit. */
  public static final int MAX_LENGTH = 256;

  private static final String RULE = "id must be 1 to " + MAX_LENGTH
      + " characters, not only spaces, without control characters";

  private RequestId() {}

  /** What is wrong with {@code id}, saying the rule and what broke it; null when it is a good id. */
  public static String problem(String id) {
    if (id.isEmpty()) return RULE + "; got an empty id (leave id out to have one derived)";
    if (id.length() > MAX_LENGTH) return RULE + "; got " + id.length() + " characters";
    boolean blank = true;
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      int type = Character.getType(c);
      if (type == Character.CONTROL || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
        return RULE + "; got " + codePoint(c) + " at character " + (i + 1);
      }
      if (Character.isHighSurrogate(c) && i + 1 < id.length() && Character.isLowSurrogate(id.charAt(i + 1))) {
        i++;
        blank = false;
      } else if (Character.isSurrogate(c)) {
        return RULE + "; got an unpaired surrogate " + codePoint(c) + " at character " + (i + 1);
      } else if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
        blank = false;
      }
    }
    return blank ? RULE + "; got only white space" : null;
  }

  private static String codePoint(char c) {
    return String.format("U+%04X", (int) c);
  }
}
