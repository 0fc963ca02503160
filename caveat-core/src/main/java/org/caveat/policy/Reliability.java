package org.caveat.policy;

/** How well a source or a version is established, strongest first. */
public enum Reliability {
  OFFICIAL, REPORTED, DISPUTED;

  public String label() {
    return name().toLowerCase();
  }

  /** The weaker of the two: a version is only as reliable as its weakest rule source. */
  public Reliability weakest(Reliability other) {
    return ordinal() >= other.ordinal() ? this : other;
  }
}
