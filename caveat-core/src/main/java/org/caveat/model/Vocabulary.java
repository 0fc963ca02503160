package org.caveat.model;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The closed vocabularies of requests (docs/SEMANTICS.md, "Vocabularies"). Values are only ever
 * added, never renamed; {@code "unknown"} is in every vocabulary and means the reporter does not know.
 */
public final class Vocabulary {
  public static final String UNKNOWN = "unknown";

  public static final Set<String> WEAPON_CLASS = set("rocket_artillery", "tube_artillery",
      "ballistic_missile", "cruise_missile", "air_defense", "aircraft_munition", "drone", "armor",
      "small_arms", "other", UNKNOWN);

  /** Military objectives. */
  public static final Set<String> MILITARY_OBJECTIVES = set("artillery", "rocket_launcher",
      "missile_launcher", "air_defense_system", "troops", "armored_vehicles", "command_post",
      "ammunition_depot", "fuel_depot", "logistics", "airfield", "aircraft", "missile_in_flight",
      "drone_in_flight", "naval_vessel", "radar", "military_other");

  /** Protected or civilian objects (Additional Protocol I, arts. 52–56). */
  public static final Set<String> PROTECTED_OBJECTS = set("civilian_object",
      "civilian_infrastructure", "energy_infrastructure", "dual_use", "dangerous_forces",
      "cultural_property", "indispensable_to_survival");

  public static final Set<String> TARGET_CATEGORY;

  static {
    LinkedHashSet<String> all = new LinkedHashSet<>(MILITARY_OBJECTIVES);
    all.addAll(PROTECTED_OBJECTS);
    all.add(UNKNOWN);
    TARGET_CATEGORY = Collections.unmodifiableSet(all);
  }

  public static final Set<String> TARGET_ACTIVITY = set("attacking", "preparing_attack", "massing",
      "idle", UNKNOWN);

  public static final Set<String> PURPOSE = set("counter_fire", "air_defense", "self_defense",
      "interdiction", "deep_strike", UNKNOWN);

  private Vocabulary() {}

  private static Set<String> set(String... values) {
    return Collections.unmodifiableSet(new LinkedHashSet<>(List.of(values)));
  }
}
