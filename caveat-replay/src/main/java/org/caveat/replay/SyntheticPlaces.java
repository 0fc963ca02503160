package org.caveat.replay;

import java.util.List;

/**
 * Places along the front line and the Ukraine–Russia border used by the synthetic event generator:
 * settlement, ACLED admin1/admin2, country, and the centre around which positions are scattered.
 */
final class SyntheticPlaces {
  private SyntheticPlaces() {}

  /** Which side of the border, and how far from the Kharkiv-oblast border, decides the outcome mix. */
  enum Zone { KHARKIV_BORDER_RU, OTHER_BORDER_RU, DEEP_RU, FRONT_UA }

  record Place(String location, String admin1, String admin2, String country, Zone zone, double lat, double lon,
      double spread) {}

  static final List<Place> ALL = List.of(
      new Place("Belgorod", "Belgorod", "Belgorodskiy", "Russia", Zone.KHARKIV_BORDER_RU, 50.5950, 36.5870, 0.05),
      new Place("Shebekino", "Belgorod", "Shebekinskiy", "Russia", Zone.KHARKIV_BORDER_RU, 50.4100, 36.8950, 0.04),
      new Place("Grayvoron", "Belgorod", "Grayvoronskiy", "Russia", Zone.KHARKIV_BORDER_RU, 50.4790, 35.6760, 0.04),
      new Place("Zhuravlevka", "Belgorod", "Belgorodskiy", "Russia", Zone.KHARKIV_BORDER_RU, 50.4580, 36.4180, 0.03),
      new Place("Valuyki", "Belgorod", "Valuyskiy", "Russia", Zone.KHARKIV_BORDER_RU, 50.2110, 38.1000, 0.04),
      new Place("Sudzha", "Kursk", "Sudzhanskiy", "Russia", Zone.OTHER_BORDER_RU, 51.1910, 35.2700, 0.04),
      new Place("Rylsk", "Kursk", "Rylskiy", "Russia", Zone.OTHER_BORDER_RU, 51.5680, 34.6800, 0.04),
      new Place("Klintsy", "Bryansk", "Klintsovskiy", "Russia", Zone.OTHER_BORDER_RU, 52.7580, 32.2400, 0.04),
      new Place("Sevsk", "Bryansk", "Sevskiy", "Russia", Zone.OTHER_BORDER_RU, 52.1490, 34.4930, 0.04),
      new Place("Kursk", "Kursk", "Kurskiy", "Russia", Zone.DEEP_RU, 51.7300, 36.1930, 0.05),
      new Place("Bryansk", "Bryansk", "Bryanskiy", "Russia", Zone.DEEP_RU, 53.2430, 34.3640, 0.05),
      new Place("Khalino airfield", "Kursk", "Kurskiy", "Russia", Zone.DEEP_RU, 51.7510, 36.2960, 0.01),
      new Place("Vovchansk", "Kharkiv", "Chuhuivskyi", "Ukraine", Zone.FRONT_UA, 50.2900, 36.9410, 0.03),
      new Place("Kupiansk", "Kharkiv", "Kupianskyi", "Ukraine", Zone.FRONT_UA, 49.7100, 37.6150, 0.04),
      new Place("Bakhmut", "Donetsk", "Bakhmutskyi", "Ukraine", Zone.FRONT_UA, 48.5950, 38.0000, 0.04),
      new Place("Pokrovsk", "Donetsk", "Pokrovskyi", "Ukraine", Zone.FRONT_UA, 48.2820, 37.1810, 0.04),
      new Place("Horlivka", "Donetsk", "Horlivskyi", "Ukraine", Zone.FRONT_UA, 48.3340, 38.0520, 0.04),
      new Place("Tokmak", "Zaporizhia", "Polohivskyi", "Ukraine", Zone.FRONT_UA, 47.2550, 35.7120, 0.04),
      new Place("Melitopol", "Zaporizhia", "Melitopolskyi", "Ukraine", Zone.FRONT_UA, 46.8490, 35.3650, 0.04),
      new Place("Robotyne", "Zaporizhia", "Polohivskyi", "Ukraine", Zone.FRONT_UA, 47.4460, 35.8370, 0.03));

  private static final java.util.Map<Zone, List<Place>> BY_ZONE = new java.util.EnumMap<>(Zone.class);

  static {
    for (Zone z : Zone.values()) BY_ZONE.put(z, ALL.stream().filter(p -> p.zone() == z).toList());
  }

  /** The places of one zone, in list order. */
  static List<Place> in(Zone zone) {
    return BY_ZONE.get(zone);
  }
}
