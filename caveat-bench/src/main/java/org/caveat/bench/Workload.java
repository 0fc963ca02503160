package org.caveat.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.caveat.model.Request;
import org.caveat.model.Vocabulary;

/**
 * A deterministic mix of requests around the Kharkiv border, as monitoring data would look:
 * mostly military targets near the front and the border band, some deep in Russia, some
 * civilian, some with attributes missing.
 */
public final class Workload {
  private Workload() {}

  public static List<Request> requests(int n, long seed) {
    Random rnd = new Random(seed);
    List<String> military = List.copyOf(Vocabulary.MILITARY_OBJECTIVES);
    List<String> protectedObjects = List.copyOf(Vocabulary.PROTECTED_OBJECTS);
    List<String> activities = List.of("attacking", "preparing_attack", "massing", "idle", "unknown");
    List<Request> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      double lat, lon;
      int where = rnd.nextInt(100);
      if (where < 55) { // Kharkiv oblast and Belgorod: the band
        lat = 49.5 + rnd.nextDouble() * 1.8;
        lon = 35.3 + rnd.nextDouble() * 3.3;
      } else if (where < 85) { // anywhere in Ukraine's bounding box
        lat = 44.5 + rnd.nextDouble() * 7.8;
        lon = 22.5 + rnd.nextDouble() * 17.5;
      } else { // deeper in Russia
        lat = 50.0 + rnd.nextDouble() * 6.0;
        lon = 34.0 + rnd.nextDouble() * 8.0;
      }
      int c = rnd.nextInt(100);
      String category = c < 80 ? military.get(rnd.nextInt(military.size()))
          : c < 95 ? protectedObjects.get(rnd.nextInt(protectedObjects.size())) : Vocabulary.UNKNOWN;
      out.add(Request.builder()
          .id("bench-" + i)
          .time(rnd.nextInt(10) < 8 ? Instant.parse("2024-06-01T03:00:00Z") : Instant.parse("2023-06-01T03:00:00Z"))
          .user("UA")
          .weaponOrigin(rnd.nextInt(20) == 0 ? "FR" : "US")
          .weaponClass(rnd.nextInt(10) == 0 ? "ballistic_missile" : "rocket_artillery")
          .weaponRangeKm(84.0)
          .targetLocation(lat, lon)
          .targetCategory(category)
          .targetActivity(activities.get(rnd.nextInt(activities.size())))
          .targetUsedInInvasion(rnd.nextInt(10) == 0 ? null : rnd.nextInt(5) != 0)
          .purpose("counter_fire")
          .build());
    }
    return out;
  }

  /** The same requests as NDJSON lines, in the request format of docs/SEMANTICS.md. */
  public static String ndjson(Request r) {
    StringBuilder b = new StringBuilder(256);
    b.append("{\"id\":\"").append(r.id()).append("\",\"time\":\"").append(r.time()).append("\",\"user\":\"")
        .append(r.user()).append("\",\"weapon\":{\"origin\":\"").append(r.weaponOrigin()).append("\",\"class\":\"")
        .append(r.weaponClass()).append("\",\"range_km\":").append(r.weaponRangeKm()).append("},\"target\":{\"location\":{\"lat\":")
        .append(r.targetLocation().lat()).append(",\"lon\":").append(r.targetLocation().lon()).append("},\"category\":\"")
        .append(r.targetCategory()).append("\",\"activity\":\"").append(r.targetActivity()).append('"');
    if (r.targetUsedInInvasion() != null) b.append(",\"used_in_invasion\":").append(r.targetUsedInInvasion());
    return b.append("},\"purpose\":\"").append(r.purpose()).append("\"}").toString();
  }
}
