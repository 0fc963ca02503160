package org.caveat.check;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Says what a CEL syntax error is about, and where, in a pack author's words. The parser reports
 * an unclosed bracket or string, or an expression that stops after an operator, at the end of the
 * input ({@code mismatched input '<EOF>'}); the wrong token is earlier: the bracket or quote that is
 * never closed, or the operator left without an operand. Positions are (1-based line, 0-based
 * column) in the condition text, as cel-java gives them.
 */
record CelSyntax(int line, int column, String message, String hint) {
  static final String HINT = "conditions are CEL expressions, e.g. target.category == \"artillery\" && "
      + "weapon.range_km <= 100";

  static CelSyntax of(String text, int line, int column, String raw) {
    String first = raw.lines().findFirst().orElse(raw);
    if (first.contains("'<EOF>'")) {
      int[] open = unclosed(text);
      if (open != null) {
        char c = text.split("\n", -1)[open[0] - 1].charAt(open[1]);
        if (c == '"' || c == '\'') {
          return new CelSyntax(open[0], open[1], "this string is never closed", "end it with " + c + " on the same line");
        }
        return new CelSyntax(open[0], open[1], "`" + c + "` is never closed", "add the matching `" + closer(c) + "`");
      }
      int[] last = lastToken(text);
      if (last != null) {
        String token = text.split("\n", -1)[last[0] - 1].substring(last[1], last[2]);
        return new CelSyntax(last[0], last[1], "the condition ends after `" + token + "`: something is missing after it",
            HINT);
      }
    }
    if (first.startsWith("token recognition error at: '=")) {
      return new CelSyntax(line, column, "`=` is not a CEL operator", "did you mean `==`?");
    }
    if (first.startsWith("token recognition error at: '\"") || first.startsWith("token recognition error at: '''")) {
      return new CelSyntax(line, column, "this string is never closed", "end it with a quote on the same line");
    }
    // "extraneous input 'x' expecting {…a dozen token kinds…}": the token is what matters.
    String shorter = first.replaceFirst(" expecting \\{[^}]{40,}\\}$", "");
    shorter = shorter.replace("extraneous input", "unexpected").replace("mismatched input", "unexpected");
    if (shorter.endsWith(" expecting <EOF>")) {
      shorter = shorter.substring(0, shorter.length() - 16) + ": the condition was already complete before it";
      return new CelSyntax(line, column, shorter, "join the parts with && or ||");
    }
    return new CelSyntax(line, column, shorter, HINT);
  }

  private static char closer(char c) {
    return c == '(' ? ')' : c == '[' ? ']' : '}';
  }

  /** The innermost bracket or quote left open at the end, as (line, column), or null. */
  private static int[] unclosed(String text) {
    Deque<int[]> open = new ArrayDeque<>();
    String[] lines = text.split("\n", -1);
    for (int l = 0; l < lines.length; l++) {
      String s = lines[l];
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c == '"' || c == '\'') {
          int end = i + 1;
          while (end < s.length() && s.charAt(end) != c) end += s.charAt(end) == '\\' ? 2 : 1;
          if (end >= s.length()) return new int[] {l + 1, i};
          i = end;
        } else if (c == '(' || c == '[' || c == '{') {
          open.push(new int[] {l + 1, i});
        } else if ((c == ')' || c == ']' || c == '}') && !open.isEmpty()) {
          open.pop();
        }
      }
    }
    return open.isEmpty() ? null : open.peek();
  }

  /** The last token of the text as (line, start column, end column), or null for blank text. */
  private static int[] lastToken(String text) {
    String[] lines = text.split("\n", -1);
    for (int l = lines.length - 1; l >= 0; l--) {
      String s = lines[l].stripTrailing();
      if (s.isEmpty()) continue;
      int end = s.length();
      int start = end - 1;
      boolean word = Character.isLetterOrDigit(s.charAt(start)) || s.charAt(start) == '_';
      while (start > 0 && !Character.isWhitespace(s.charAt(start - 1))
          && (Character.isLetterOrDigit(s.charAt(start - 1)) || s.charAt(start - 1) == '_') == word) {
        start--;
      }
      return new int[] {l + 1, start, end};
    }
    return null;
  }
}
