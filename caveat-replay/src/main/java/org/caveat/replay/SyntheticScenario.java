package org.caveat.replay;

import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The kinds of synthetic event and their share (percent) of the generated rows. Each names who
 * acted, with what, against what and where, in words the default mapping recognises — or, for
 * the unattributed kind, without naming a weapon.
 */
enum SyntheticScenario {
  // Counter-fire near the Kharkiv border after 2024-05-30: expected PERMIT.
  COUNTER_FIRE(22, UA(), "Shelling/artillery/missile attack", SyntheticPlaces.Zone.KHARKIV_BORDER_RU,
      "2024-06-01", "2025-09-30", List.of("HIMARS rockets", "GMLRS rockets"),
      List.of("Russian artillery firing on Kharkiv oblast", "a Russian MLRS battery shelling Vovchansk")),
  // Military objectives inside Ukraine: expected PERMIT.
  FRONT(12, UA(), "Shelling/artillery/missile attack", SyntheticPlaces.Zone.FRONT_UA, "2022-07-01", "2025-09-30",
      List.of("HIMARS rockets", "M777 howitzers", "Caesar howitzers", "PzH 2000 howitzers", "AS-90 guns"),
      List.of("a Russian ammunition depot", "a Russian command post", "Russian troops massing for an assault")),
  // Protected objects: expected DENY (forbidden).
  ENERGY(8, UA(), "Shelling/artillery/missile attack", SyntheticPlaces.Zone.KHARKIV_BORDER_RU, "2024-06-01",
      "2025-09-30", List.of("HIMARS rockets", "Caesar howitzers"),
      List.of("an electrical substation", "a power station")),
  // Long-range missiles deep in Russia in 2024: expected DENY (forbidden).
  DEEP_STRIKE(8, UA(), "Air/drone strike", SyntheticPlaces.Zone.DEEP_RU, "2024-06-01", "2024-11-10",
      List.of("ATACMS missiles", "Storm Shadow missiles", "SCALP missiles"),
      List.of("an airfield", "an air defence position")),
  // Counter-fire far from Kharkiv in mid-2024: expected DENY (not permitted).
  OTHER_BORDER(6, UA(), "Shelling/artillery/missile attack", SyntheticPlaces.Zone.OTHER_BORDER_RU, "2024-06-01",
      "2024-10-31", List.of("HIMARS rockets"), List.of("Russian artillery firing on Sumy oblast")),
  // Russian territory in 2023, before any permission: expected DENY (forbidden).
  EARLY_RUSSIA(4, UA(), "Shelling/artillery/missile attack", SyntheticPlaces.Zone.KHARKIV_BORDER_RU, "2023-01-01",
      "2023-12-31", List.of("HIMARS rockets"), List.of("Russian artillery firing on Kharkiv oblast")),
  // Target not identified: expected INDETERMINATE (target.category).
  VAGUE_TARGET(10, UA(), "Shelling/artillery/missile attack", SyntheticPlaces.Zone.KHARKIV_BORDER_RU,
      "2024-06-01", "2025-09-30", List.of("HIMARS rockets"), List.of("Russian positions", "a Russian site")),
  // Target known, activity not: expected INDETERMINATE or DENY depending on the version.
  VAGUE_ACTIVITY(4, UA(), "Shelling/artillery/missile attack", SyntheticPlaces.Zone.KHARKIV_BORDER_RU,
      "2024-06-01", "2025-09-30", List.of("HIMARS rockets"), List.of("Russian artillery")),
  // Before the first US version: expected INDETERMINATE (no version in force).
  BEFORE_GRANT(3, UA(), "Shelling/artillery/missile attack", SyntheticPlaces.Zone.FRONT_UA, "2022-03-01",
      "2022-05-20", List.of("M777 howitzers"), List.of("a Russian ammunition depot")),
  // Ukrainian-made weapons: expected NOT_APPLICABLE.
  DOMESTIC(7, UA(), "Air/drone strike", SyntheticPlaces.Zone.DEEP_RU, "2023-06-01", "2025-09-30",
      List.of("Liutyi drones", "a Neptune missile"), List.of("an oil depot", "an airfield")),
  // Russian strikes: expected NOT_APPLICABLE (no grant has Russia as user).
  RUSSIAN(6, "Military Forces of Russia (2000-)", "Air/drone strike", SyntheticPlaces.Zone.FRONT_UA, "2022-03-01",
      "2025-09-30", List.of("an Iskander missile", "KAB glide bombs"),
      List.of("Ukrainian troops", "a Ukrainian artillery position")),
  // No weapon named: unattributed.
  UNNAMED(10, UA(), "Shelling/artillery/missile attack", SyntheticPlaces.Zone.KHARKIV_BORDER_RU, "2022-06-01",
      "2025-09-30", List.of(""), List.of("Russian positions", "a Russian artillery battery"));

  private final int share;
  private final String actor;
  private final String subEventType;
  private final SyntheticPlaces.Zone zone;
  private final long from;
  private final long days;
  private final List<String> weapons;
  private final List<String> targets;

  SyntheticScenario(int share, String actor, String subEventType, SyntheticPlaces.Zone zone, String from, String to,
      List<String> weapons, List<String> targets) {
    this.share = share;
    this.actor = actor;
    this.subEventType = subEventType;
    this.zone = zone;
    this.from = LocalDate.parse(from).toEpochDay();
    this.days = LocalDate.parse(to).toEpochDay() - this.from + 1;
    this.weapons = weapons;
    this.targets = targets;
  }

  private static String UA() {
    return "Military Forces of Ukraine (2019-)";
  }

  /** The scenario for a number drawn uniformly from 0..99. */
  static SyntheticScenario pick(int percent) {
    int acc = 0;
    for (SyntheticScenario s : values()) {
      acc += s.share;
      if (percent < acc) return s;
    }
    throw new IllegalStateException("shares do not add up to 100");
  }

  String actor() { return actor; }
  String subEventType() { return subEventType; }
  int share() { return share; }

  SyntheticPlaces.Place place(SplittableRandom r) {
    List<SyntheticPlaces.Place> in = SyntheticPlaces.in(zone);
    return in.get(r.nextInt(in.size()));
  }

  LocalDate date(SplittableRandom r) {
    return LocalDate.ofEpochDay(from + r.nextLong(days));
  }

  String notes(LocalDate date, SyntheticPlaces.Place p, SplittableRandom r) {
    String weapon = weapons.get(r.nextInt(weapons.size()));
    String target = targets.get(r.nextInt(targets.size()));
    String who = this == RUSSIAN ? "Russian forces" : "Ukrainian forces";
    String with = weapon.isEmpty() ? "" : " with " + weapon;
    String verb = this == UNNAMED ? "shelled " : "struck ";
    return "On " + date + ", " + who + " " + verb + target + " near " + p.location() + ", " + p.admin1()
        + " region" + with + ". " + (r.nextInt(3) == 0 ? "Casualties unknown." : "Local officials reported damage.");
  }
}
