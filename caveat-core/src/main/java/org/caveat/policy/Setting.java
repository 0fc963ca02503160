package org.caveat.policy;

/**
 * A run setting a diagnostic is about, when the problem is not in a pack file but in what the
 * caller asked for: an assumption override or the reliability filter. Core points at it in
 * neutral words ({@link #at()}); each front end names it as its user typed it — the CLI as
 * {@code --assume NAME}, the service as its {@code assume} parameter or a request's
 * {@code /assume/NAME} — and turns {@link #example()} into a hint in its own syntax.
 *
 * @param name    the assumption's name; null for the reliability filter
 * @param example a value that would be accepted (e.g. {@code 100.0}, {@code official,reported}),
 *                or null when there is none to give
 */
public record Setting(Kind kind, String name, String example) {
  /** Which setting. */
  public enum Kind { ASSUMPTION, RELIABILITY }

  /** The neutral position: {@code assume.NAME} (as conditions name an assumption) or {@code reliability}. */
  public Span at() {
    return Span.of(kind == Kind.ASSUMPTION ? "assume." + name : "reliability");
  }

  /** The neutral hint for {@link #example()}: {@code e.g. 100.0}; null without an example. */
  public String exampleHint() {
    return example == null ? null : "e.g. " + example;
  }

  /** The diagnostic {@code reliability.empty}: no reliability admitted. */
  public static Diagnostic noReliabilityAdmitted() {
    Setting s = new Setting(Kind.RELIABILITY, null, "official,reported");
    return new Diagnostic("reliability.empty", s.at(), "no reliability admitted: every version would be left out",
        s.exampleHint(), s);
  }
}
