package org.caveat.replay;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.caveat.model.Attribute;
import org.caveat.model.Request;
import org.caveat.policy.Suggest;

/**
 * Turns the values a mapping computed into a {@link Request}. Nothing is guessed: a value that is
 * empty or {@code "unknown"} stays unknown, so the engine says INDETERMINATE and names it; only
 * who used the weapon and whose weapon it was cannot be unknown in a request, so a row without
 * them is reported as unattributed instead of being decided.
 */
final class RequestAssembly {
  private RequestAssembly() {}

  static Mapping.Mapped build(Object[] v, Instant asOf) {
    List<String> unknown = new ArrayList<>();
    Request.Builder b = Request.builder();
    b.id(optional(v, "id"));
    String time = text(v, "time");
    if (time.isEmpty() && asOf == null) throw new BadRow("no time: the mapping's time is empty (give --as-of)");
    b.time(time.isEmpty() ? asOf : time(time));
    String user = optional(v, "user");
    if (user == null) unknown.add("user");
    else b.user(country(user, "user"));
    b.purpose(vocabulary(v, "purpose", Attribute.PURPOSE, null));
    String origin = optional(v, "weapon.origin");
    if (origin == null) unknown.add("weapon.origin");
    else b.weaponOrigin(country(origin, "weapon.origin"));
    b.weaponSystem(optional(v, "weapon.system"));
    b.weaponMunition(optional(v, "weapon.munition"));
    b.weaponClass(vocabulary(v, "weapon.class", Attribute.WEAPON_CLASS, "unknown"));
    Double range = number(v, "weapon.range_km", false);
    if (range != null && range < 0) throw new BadRow("mapping field weapon.range_km is negative: " + range);
    b.weaponRangeKm(range);
    double lat = number(v, "target.lat", true);
    double lon = number(v, "target.lon", true);
    if (!(lat >= -90 && lat <= 90)) throw new BadRow("latitude " + lat + " is outside [-90, 90]");
    if (!(lon >= -180 && lon <= 180)) throw new BadRow("longitude " + lon + " is outside [-180, 180]");
    b.targetLocation(lat, lon);
    b.targetCategory(vocabulary(v, "target.category", Attribute.TARGET_CATEGORY, "unknown"));
    b.targetActivity(vocabulary(v, "target.activity", Attribute.TARGET_ACTIVITY, "unknown"));
    b.targetUsedInInvasion(bool(get(v, "target.used_in_invasion")));
    if (!unknown.isEmpty()) return new Mapping.Mapped(null, List.copyOf(unknown));
    return new Mapping.Mapped(b.build(), List.of());
  }

  private static final List<String> FIELDS = MappingSpec.FIELDS;

  /** Field name → position in {@link MappingSpec#FIELDS}; looked up instead of a linear search per field. */
  private static final java.util.Map<String, Integer> POSITION = new java.util.HashMap<>();

  static {
    for (int i = 0; i < FIELDS.size(); i++) POSITION.put(FIELDS.get(i), i);
  }

  private static Object get(Object[] v, String field) {
    return v[POSITION.get(field)];
  }

  private static String text(Object[] v, String field) {
    Object o = get(v, field);
    return o == null ? "" : o.toString().strip();
  }

  /** The value, or null when absent, empty or "unknown". */
  private static String optional(Object[] v, String field) {
    String s = text(v, field);
    return Mapping.UNKNOWN_WORDS.contains(s) ? null : s;
  }

  /** A date is read as 00:00 UTC: the restrictions in force on that day apply. */
  static Instant time(String s) {
    try {
      if (s.length() == 10) return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
      return s.endsWith("Z") ? Instant.parse(s) : OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException e) {
      throw new BadRow("mapping field time gave `" + s + "`, not an ISO 8601 date or time");
    }
  }

  private static String country(String s, String field) {
    if (s.length() == 2 && Character.isUpperCase(s.charAt(0)) && Character.isUpperCase(s.charAt(1))) return s;
    throw new BadRow("mapping field " + field + " gave `" + s + "`, not an ISO 3166-1 alpha-2 code such as UA");
  }

  private static String vocabulary(Object[] v, String field, Attribute a, String absent) {
    String s = text(v, field);
    if (s.isEmpty()) return absent;
    if (!a.vocabulary().contains(s)) {
      throw new BadRow("mapping field " + field + " gave `" + s + "`, not in the vocabulary; "
          + Suggest.didYouMean(s, a.vocabulary()));
    }
    return s;
  }

  private static Double number(Object[] v, String field, boolean required) {
    Object o = get(v, field);
    if (o instanceof Number n) return n.doubleValue();
    String s = o == null ? "" : o.toString().strip();
    if (Mapping.UNKNOWN_WORDS.contains(s)) {
      if (required) throw new BadRow("mapping field " + field + " is empty");
      return null;
    }
    try {
      double d = Double.parseDouble(s);
      if (Double.isFinite(d)) return d;
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw new BadRow("mapping field " + field + " gave `" + s + "`, not a number");
  }

  private static Boolean bool(Object o) {
    if (o instanceof Boolean b) return b;
    String s = o == null ? "" : o.toString().strip();
    return switch (s) {
      case "true" -> Boolean.TRUE;
      case "false" -> Boolean.FALSE;
      case "", "unknown" -> null;
      default -> throw new BadRow("mapping field target.used_in_invasion gave `" + s + "`; write true, false or"
          + " \"unknown\"");
    };
  }
}
