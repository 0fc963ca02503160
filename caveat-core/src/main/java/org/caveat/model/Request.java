package org.caveat.model;

import java.time.Instant;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.function.BiConsumer;
import org.caveat.geo.GeoPoint;

/**
 * One use of a weapon, proposed or reported. Optional attributes are null when absent.
 * Instances are validated by {@link Builder#build()}: required attributes are present, vocabulary
 * values are known, the position is on the globe.
 */
public final class Request {
  private final String id;
  private final Instant time;
  private final String user;
  private final String purpose;
  private final String weaponOrigin, weaponSystem, weaponMunition, weaponClass;
  private final Double weaponRangeKm;
  private final GeoPoint targetLocation;
  private final String targetCategory, targetActivity;
  private final Boolean targetUsedInInvasion;

  private Request(Builder b) {
    id = b.id;
    time = Objects.requireNonNull(b.time, "time");
    user = Objects.requireNonNull(b.user, "user");
    purpose = b.purpose;
    weaponOrigin = Objects.requireNonNull(b.weaponOrigin, "weapon.origin");
    weaponSystem = b.weaponSystem;
    weaponMunition = b.weaponMunition;
    weaponClass = Objects.requireNonNull(b.weaponClass, "weapon.class");
    weaponRangeKm = b.weaponRangeKm;
    targetLocation = Objects.requireNonNull(b.targetLocation, "target.location");
    targetCategory = Objects.requireNonNull(b.targetCategory, "target.category");
    targetActivity = Objects.requireNonNull(b.targetActivity, "target.activity");
    targetUsedInInvasion = b.targetUsedInInvasion;
    check(Attribute.WEAPON_CLASS, weaponClass);
    check(Attribute.TARGET_CATEGORY, targetCategory);
    check(Attribute.TARGET_ACTIVITY, targetActivity);
    if (purpose != null) check(Attribute.PURPOSE, purpose);
    if (weaponRangeKm != null && !(weaponRangeKm >= 0 && Double.isFinite(weaponRangeKm))) {
      throw new IllegalArgumentException("weapon.range_km must be a finite number ≥ 0, got " + weaponRangeKm);
    }
  }

  private static void check(Attribute a, String value) {
    if (!a.vocabulary().contains(value)) {
      throw new IllegalArgumentException(a.celName() + " `" + value + "` is not in the vocabulary");
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  public String id() { return id; }
  public Instant time() { return time; }
  public String user() { return user; }
  public String purpose() { return purpose; }
  public String weaponOrigin() { return weaponOrigin; }
  public String weaponSystem() { return weaponSystem; }
  public String weaponMunition() { return weaponMunition; }
  public String weaponClass() { return weaponClass; }
  public Double weaponRangeKm() { return weaponRangeKm; }
  public GeoPoint targetLocation() { return targetLocation; }
  public String targetCategory() { return targetCategory; }
  public String targetActivity() { return targetActivity; }
  public Boolean targetUsedInInvasion() { return targetUsedInInvasion; }

  /** The value of an attribute, or null when it is missing (absent or {@code "unknown"}). */
  public Object value(Attribute a) {
    Object v = switch (a) {
      case USER -> user;
      case TIME -> time;
      case PURPOSE -> purpose;
      case WEAPON_ORIGIN -> weaponOrigin;
      case WEAPON_SYSTEM -> weaponSystem;
      case WEAPON_MUNITION -> weaponMunition;
      case WEAPON_CLASS -> weaponClass;
      case WEAPON_RANGE_KM -> weaponRangeKm;
      case TARGET_LOCATION -> targetLocation;
      case TARGET_CATEGORY -> targetCategory;
      case TARGET_ACTIVITY -> targetActivity;
      case TARGET_USED_IN_INVASION -> targetUsedInInvasion;
    };
    return Vocabulary.UNKNOWN.equals(v) ? null : v;
  }

  /** The fields that are set, "unknown" included; for messages and test reports. */
  @Override
  public String toString() {
    StringJoiner j = new StringJoiner(", ", "Request{", "}");
    BiConsumer<String, Object> add = (k, v) -> { if (v != null) j.add(k + "=" + v); };
    add.accept("id", id);
    add.accept("time", time);
    add.accept("user", user);
    add.accept("purpose", purpose);
    add.accept("weapon.origin", weaponOrigin);
    add.accept("weapon.system", weaponSystem);
    add.accept("weapon.munition", weaponMunition);
    add.accept("weapon.class", weaponClass);
    add.accept("weapon.range_km", weaponRangeKm);
    add.accept("target.location", targetLocation);
    add.accept("target.category", targetCategory);
    add.accept("target.activity", targetActivity);
    add.accept("target.used_in_invasion", targetUsedInInvasion);
    return j.toString();
  }

  /** Builds a {@link Request}; {@link #build()} validates. */
  public static final class Builder {
    private String id;
    private Instant time;
    private String user;
    private String purpose;
    private String weaponOrigin, weaponSystem, weaponMunition, weaponClass;
    private Double weaponRangeKm;
    private GeoPoint targetLocation;
    private String targetCategory, targetActivity;
    private Boolean targetUsedInInvasion;

    public Builder id(String v) { id = v; return this; }
    public Builder time(Instant v) { time = v; return this; }
    public Builder user(String v) { user = v; return this; }
    public Builder purpose(String v) { purpose = v; return this; }
    public Builder weaponOrigin(String v) { weaponOrigin = v; return this; }
    public Builder weaponSystem(String v) { weaponSystem = v; return this; }
    public Builder weaponMunition(String v) { weaponMunition = v; return this; }
    public Builder weaponClass(String v) { weaponClass = v; return this; }
    public Builder weaponRangeKm(Double v) { weaponRangeKm = v; return this; }
    public Builder targetLocation(GeoPoint v) { targetLocation = v; return this; }
    public Builder targetLocation(double lat, double lon) { return targetLocation(new GeoPoint(lat, lon)); }
    public Builder targetCategory(String v) { targetCategory = v; return this; }
    public Builder targetActivity(String v) { targetActivity = v; return this; }
    public Builder targetUsedInInvasion(Boolean v) { targetUsedInInvasion = v; return this; }

    public Request build() {
      return new Request(this);
    }
  }
}
