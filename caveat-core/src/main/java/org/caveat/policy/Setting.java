package org.caveat.policy;

/**
 * A run setting a diagnostic is about, when the problem is not in a pack file but in what the
 * caller asked for: an assumption override, the reliability filter, the grant asked for, or a
 * sensitivity range. Core points at it in neutral words ({@link #at()}); each front end names it
 * as its user typed it — the CLI as {@code --assume NAME}, {@code GRANT id} or {@code --vary},
 * the service as its {@code assume} parameter or a request's {@code /assume/NAME} — and turns
 * {@link #example()} into a hint in its own syntax.
 *
 * @param name    the assumption's name or the grant id asked for; null for the reliability
 *                filter and a sensitivity range
 * @param example a value that would be accepted (e.g. {@code 100.0}, {@code official,reported},
 *                {@code kharkiv_band_depth_km=40..120:20}), or null when there is none to give
 */
public record Setting(Kind kind, String name, String example) {
  /** Which setting: an assumption override, the reliability filter, the grant asked for, a sensitivity range. */
  public enum Kind { ASSUMPTION, RELIABILITY, GRANT, VARY }

  /**
   * The neutral position: {@code assume.NAME} (as conditions name an assumption),
   * {@code reliability}, {@code grant.ID} or {@code vary}.
   */
  public Span at() {
    return Span.of(switch (kind) {
      case ASSUMPTION -> "assume." + name;
      case RELIABILITY -> "reliability";
      case GRANT -> "grant." + name;
      case VARY -> "vary";
    });
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
