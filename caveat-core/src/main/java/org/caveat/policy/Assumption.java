package org.caveat.policy;

/**
 * A named parameter standing in for a vague phrase of the public record ("close to Kharkiv" ⇒ a
 * depth in km). The value is a number, string or boolean; it can be overridden per call.
 */
public record Assumption(String name, Object value, String unit, String note, String confidence, Span at) {
  public Assumption withValue(Object newValue) {
    return new Assumption(name, newValue, unit, note, confidence, at);
  }
}
