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
    b.id(optional(v, ID));
    String time = text(v, TIME);
    if (time.isEmpty() && asOf == null) throw new BadRow("no time: the mapping's time is empty (give --as-of)");
    b.time(time.isEmpty() ? asOf : time(time));
    String user = optional(v, USER);
    if (user == null) unknown.add("user");
    else b.user(country(user, "user"));
    b.purpose(vocabulary(v, PURPOSE, Attribute.PURPOSE, null));
    String origin = optional(v, WEAPON_ORIGIN);
    if (origin == null) unknown.add("weapon.origin");
    else b.weaponOrigin(country(origin, "weapon.origin"));
    b.weaponSystem(optional(v, WEAPON_SYSTEM));
    b.weaponMunition(optional(v, WEAPON_MUNITION));
    b.weaponClass(vocabulary(v, WEAPON_CLASS, Attribute.WEAPON_CLASS, "unknown"));
    Double range = number(v, WEAPON_RANGE_KM, false);
    if (range != null && range < 0) throw new BadRow("mapping field weapon.range_km is negative: " + range);
    b.weaponRangeKm(range);
    double lat = number(v, TARGET_LAT, true);
    double lon = number(v, TARGET_LON, true);
    if (!(lat >= -90 && lat <= 90)) throw new BadRow("latitude " + lat + " is outside [-90, 90]");
    if (!(lon >= -180 && lon <= 180)) throw new BadRow("longitude " + lon + " is outside [-180, 180]");
    b.targetLocation(lat, lon);
    b.targetCategory(vocabulary(v, TARGET_CATEGORY, Attribute.TARGET_CATEGORY, "unknown"));
    b.targetActivity(vocabulary(v, TARGET_ACTIVITY, Attribute.TARGET_ACTIVITY, "unknown"));
    b.targetUsedInInvasion(bool(get(v, TARGET_USED_IN_INVASION)));
    if (!unknown.isEmpty()) return new Mapping.Mapped(null, List.copyOf(unknown));
    return new Mapping.Mapped(b.build(), List.of());
  }

  private static final List<String> FIELDS = MappingSpec.FIELDS;

  // Positions in MappingSpec.FIELDS, resolved once instead of looked up by name for every row.
  private static final int ID = FIELDS.indexOf("id");
  private static final int TIME = FIELDS.indexOf("time");
  private static final int USER = FIELDS.indexOf("user");
  private static final int PURPOSE = FIELDS.indexOf("purpose");
  private static final int WEAPON_ORIGIN = FIELDS.indexOf("weapon.origin");
  private static final int WEAPON_SYSTEM = FIELDS.indexOf("weapon.system");
  private static final int WEAPON_MUNITION = FIELDS.indexOf("weapon.munition");
  private static final int WEAPON_CLASS = FIELDS.indexOf("weapon.class");
  private static final int WEAPON_RANGE_KM = FIELDS.indexOf("weapon.range_km");
  private static final int TARGET_LAT = FIELDS.indexOf("target.lat");
  private static final int TARGET_LON = FIELDS.indexOf("target.lon");
  private static final int TARGET_CATEGORY = FIELDS.indexOf("target.category");
  private static final int TARGET_ACTIVITY = FIELDS.indexOf("target.activity");
  private static final int TARGET_USED_IN_INVASION = FIELDS.indexOf("target.used_in_invasion");

  private static Object get(Object[] v, int field) {
    return v[field];
  }

  private static String text(Object[] v, int field) {
    Object o = get(v, field);
    return o == null ? "" : o.toString().strip();
  }

  /** The value, or null when absent, empty or "unknown". */
  private static String optional(Object[] v, int field) {
    String s = text(v, field);
    return Mapping.UNKNOWN_WORDS.contains(s) ? null : s;
  }

  /** A date is read as 00:00 UTC: the restrictions in force on that day apply. */
  static Instant time(String s) {
    Instant day = isoDay(s);
    if (day != null) return day;
    try {
      if (s.length() == 10) return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
      return s.endsWith("Z") ? Instant.parse(s) : OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException e) {
      throw new BadRow("mapping field time gave `" + s + "`, not an ISO 8601 date or time");
    }
  }

  /**
   * 00:00 UTC of a {@code uuuu-MM-dd} date without a formatter (every ACLED row has one), or null
   * for anything else, which {@link LocalDate#parse} then reads or refuses as before.
   */
  private static Instant isoDay(String s) {
    if (s.length() != 10 || s.charAt(4) != '-' || s.charAt(7) != '-') return null;
    for (int i = 0; i < 10; i++) if (i != 4 && i != 7 && (s.charAt(i) < '0' || s.charAt(i) > '9')) return null;
    try {
      LocalDate d = LocalDate.of(Integer.parseInt(s, 0, 4, 10), Integer.parseInt(s, 5, 7, 10),
          Integer.parseInt(s, 8, 10, 10));
      return Instant.ofEpochSecond(d.toEpochDay() * 86_400L);
    } catch (java.time.DateTimeException e) {
      return null;
    }
  }

  private static String country(String s, String field) {
    if (s.length() == 2 && Character.isUpperCase(s.charAt(0)) && Character.isUpperCase(s.charAt(1))) return s;
    throw new BadRow("mapping field " + field + " gave `" + s + "`, not an ISO 3166-1 alpha-2 code such as UA");
  }

  private static String vocabulary(Object[] v, int field, Attribute a, String absent) {
    String s = text(v, field);
    if (s.isEmpty()) return absent;
    if (!a.vocabulary().contains(s)) {
      throw new BadRow("mapping field " + FIELDS.get(field) + " gave `" + s + "`, not in the vocabulary; "
          + Suggest.didYouMean(s, a.vocabulary()));
    }
    return s;
  }

  private static Double number(Object[] v, int field, boolean required) {
    Object o = get(v, field);
    if (o instanceof Number n) return n.doubleValue();
    String s = o == null ? "" : o.toString().strip();
    if (Mapping.UNKNOWN_WORDS.contains(s)) {
      if (required) throw new BadRow("mapping field " + FIELDS.get(field) + " is empty");
      return null;
    }
    try {
      double d = Double.parseDouble(s);
      if (Double.isFinite(d)) return d;
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw new BadRow("mapping field " + FIELDS.get(field) + " gave `" + s + "`, not a number");
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
