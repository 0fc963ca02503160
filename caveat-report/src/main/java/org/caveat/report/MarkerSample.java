package org.caveat.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.caveat.decide.Outcome;

/**
 * The events drawn on the map: at most {@code cap}, chosen by reservoir sampling (Vitter's
 * Algorithm R) with a fixed seed, so the same rows in the same order give the same sample.
 * Also keeps the bounding box of every located event, sampled or not.
 */
final class MarkerSample {
  record Marker(long line, String eventId, LocalDate date, double lat, double lon, Outcome decision) {}

  private static final long SEED = 0x5EED_CA7EL;
  /** Longest event id kept for a tooltip, so the sample's memory stays bounded. */
  static final int MAX_ID = 200;
  private final int cap;
  private final List<Marker> reservoir = new ArrayList<>();
  private final SplittableRandom random = new SplittableRandom(SEED);
  private long seen;
  private double minLat = Double.NaN, maxLat, minLon, maxLon;

  MarkerSample(int cap) {
    this.cap = cap;
  }

  /** Offers a located event; a marker is only built when the sample keeps it. */
  void add(long line, String eventId, LocalDate date, double lat, double lon, Outcome decision) {
    seen++;
    if (Double.isNaN(minLat)) {
      minLat = maxLat = lat;
      minLon = maxLon = lon;
    } else {
      minLat = Math.min(minLat, lat);
      maxLat = Math.max(maxLat, lat);
      minLon = Math.min(minLon, lon);
      maxLon = Math.max(maxLon, lon);
    }
    if (reservoir.size() < cap) {
      reservoir.add(new Marker(line, clipId(eventId), date, lat, lon, decision));
      return;
    }
    long j = random.nextLong(seen);
    if (j < cap) reservoir.set((int) j, new Marker(line, clipId(eventId), date, lat, lon, decision));
  }

  private static String clipId(String id) {
    return id == null ? null : Html.clip(id, MAX_ID);
  }

  /** The sample in input order. */
  List<Marker> shown() {
    List<Marker> out = new ArrayList<>(reservoir);
    out.sort(Comparator.comparingLong(Marker::line));
    return out;
  }

  /** Located events seen, sampled or not. */
  long seen() { return seen; }

  /** {minLat, maxLat, minLon, maxLon} of every located event, or null when none. */
  double[] bounds() {
    return Double.isNaN(minLat) ? null : new double[] {minLat, maxLat, minLon, maxLon};
  }
}
