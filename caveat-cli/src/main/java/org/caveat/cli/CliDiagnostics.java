package org.caveat.cli;

import org.caveat.policy.Diagnostic;
import org.caveat.policy.Setting;
import org.caveat.policy.Span;

/**
 * Diagnostics as the CLI prints them: core names a run setting in neutral words
 * ({@code assume.NAME}, {@code reliability}, {@code grant.ID}, {@code vary}); here it becomes the
 * option or argument the user typed ({@code --assume NAME}, {@code --reliability},
 * {@code GRANT ID}, {@code --vary}), and an example value a hint in option syntax
 * ({@code e.g. --assume NAME=100.0}).
 */
final class CliDiagnostics {
  private CliDiagnostics() {}

  /** One line: {@code where: error[code]: message (hint: …)}. */
  static String render(Diagnostic d) {
    return worded(d).render();
  }

  static Diagnostic worded(Diagnostic d) {
    Setting s = d.setting();
    if (s == null) return d;
    // A diagnostic re-pointed elsewhere (a pack test case's line) keeps its place; only the setting's own is renamed.
    Span at = d.at().equals(s.at()) ? Span.of(option(s)) : d.at();
    String hint = s.example() == null ? d.hint() : "e.g. " + option(s) + (s.kind() == Setting.Kind.ASSUMPTION
        ? "=" + s.example() : " " + s.example());
    return new Diagnostic(d.code(), at, d.message(), hint, s);
  }

  private static String option(Setting s) {
    return switch (s.kind()) {
      case ASSUMPTION -> "--assume " + s.name();
      case RELIABILITY -> "--reliability";
      case GRANT -> "GRANT " + s.name();
      case VARY -> "--vary";
    };
  }
}
