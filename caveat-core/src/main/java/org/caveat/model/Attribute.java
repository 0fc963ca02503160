package org.caveat.model;

import java.util.Set;

/**
 * The request attributes a condition can read, with their CEL names. An attribute is
 * <em>missing</em> when the request omits it or writes {@code "unknown"}; conditions that
 * depend on a missing attribute evaluate to unknown rather than guessing.
 */
public enum Attribute {
  USER("user", Type.STRING, null),
  TIME("time", Type.TIMESTAMP, null),
  PURPOSE("purpose", Type.STRING, Vocabulary.PURPOSE),
  WEAPON_ORIGIN("weapon.origin", Type.STRING, null),
  WEAPON_SYSTEM("weapon.system", Type.STRING, null),
  WEAPON_MUNITION("weapon.munition", Type.STRING, null),
  WEAPON_CLASS("weapon.class", Type.STRING, Vocabulary.WEAPON_CLASS),
  WEAPON_RANGE_KM("weapon.range_km", Type.DOUBLE, null),
  TARGET_LOCATION("target.location", Type.POINT, null),
  TARGET_CATEGORY("target.category", Type.STRING, Vocabulary.TARGET_CATEGORY),
  TARGET_ACTIVITY("target.activity", Type.STRING, Vocabulary.TARGET_ACTIVITY),
  TARGET_USED_IN_INVASION("target.used_in_invasion", Type.BOOL, null);

  /** Value types of attributes. */
  public enum Type { STRING, DOUBLE, BOOL, TIMESTAMP, POINT }

  private final String celName;
  private final Type type;
  private final Set<String> vocabulary;

  Attribute(String celName, Type type, Set<String> vocabulary) {
    this.celName = celName;
    this.type = type;
    this.vocabulary = vocabulary;
  }

  public String celName() {
    return celName;
  }

  public Type type() {
    return type;
  }

  /** The closed vocabulary of a string attribute, or null when any string is allowed. */
  public Set<String> vocabulary() {
    return vocabulary;
  }

  /** A bit for this attribute in a set of attributes held as a {@code long}. */
  public long bit() {
    return 1L << ordinal();
  }

  public static Attribute byCelName(String name) {
    for (Attribute a : values()) {
      if (a.celName.equals(name)) {
        return a;
      }
    }
    return null;
  }
}
