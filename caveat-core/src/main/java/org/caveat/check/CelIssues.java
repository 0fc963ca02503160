package org.caveat.check;

import dev.cel.common.CelIssue;
import java.util.Collection;
import org.caveat.policy.Diagnostic;
import org.caveat.policy.SourceMap;
import org.caveat.policy.Span;
import org.caveat.policy.Suggest;

/** Turns cel-java's issues into positioned diagnostics with a code and a hint. */
final class CelIssues {
  private CelIssues() {}

  static Diagnostic toDiagnostic(CelIssue issue, String text, SourceMap map, Collection<String> names) {
    int line = Math.max(1, issue.getSourceLocation().getLine());
    int col = Math.max(0, issue.getSourceLocation().getColumn());
    Span where = map.at(line, col);
    String message = issue.getMessage();
    if (message.startsWith("undeclared reference to '")) {
      String reported = message.substring(25, Math.max(25, message.indexOf('\'', 25)));
      int[] found = identifierAt(text, line, col, reported);
      String name = found == null ? reported : text.split("\n", -1)[line - 1].substring(found[0], found[1]);
      if (found != null) where = map.at(line, found[0]);
      String hint = Suggest.didYouMean(name, names);
      String what = name.startsWith("zones.") ? "unknown zone" : name.startsWith("assume.") ? "unknown assumption"
          : "unknown name";
      return new Diagnostic("cel.undeclared", where, what + " `" + name + "`", hint);
    }
    if (message.startsWith("found no matching overload")) {
      return new Diagnostic("cel.type", where, message, "check the types on both sides; numbers are compared"
          + " with numbers, strings with strings");
    }
    CelSyntax syntax = CelSyntax.of(text, line, col, message);
    return new Diagnostic("cel.syntax", map.at(syntax.line(), syntax.column()), syntax.message(), syntax.hint());
  }

  /**
   * The dotted identifier the checker complained about: cel-java names only its first segment
   * ({@code weapon} for {@code weapon.klass}) and may point at the call's parenthesis, so the
   * name is looked up at or before the reported column and extended over dots.
   */
  private static int[] identifierAt(String text, int line, int col, String reported) {
    String[] lines = text.split("\n", -1);
    String l = line - 1 < lines.length ? lines[line - 1] : "";
    int start = l.lastIndexOf(reported, Math.min(col, l.length()));
    if (start < 0) return null;
    int end = start;
    while (end < l.length() && (Character.isLetterOrDigit(l.charAt(end)) || l.charAt(end) == '_' || l.charAt(end) == '.')) {
      end++;
    }
    return new int[] {start, end};
  }
}
