package org.caveat.decide;

/** The four answers, in the order deny-overrides combines them (strongest first). */
public enum Outcome {
  DENY, INDETERMINATE, PERMIT, NOT_APPLICABLE;

  /** Deny-overrides: DENY > INDETERMINATE > PERMIT; NOT_APPLICABLE yields to any of them. */
  public Outcome combine(Outcome other) {
    return ordinal() <= other.ordinal() ? this : other;
  }
}
