package org.caveat.decide;

/** Why a grant decided as it did; keeps forbidden and not-permitted apart. */
public enum Basis {
  /** A permit rule matched and no forbid rule could match. */
  PERMITTED,
  /** A forbid rule matched. */
  FORBIDDEN,
  /** No permit rule matched. */
  NOT_PERMITTED,
  /** A rule that could change the outcome needs attributes the request lacks. */
  MISSING_ATTRIBUTES,
  /** The request's time is before the grant's first version. */
  NO_VERSION_IN_FORCE;

  public String label() {
    return name().toLowerCase();
  }
}
