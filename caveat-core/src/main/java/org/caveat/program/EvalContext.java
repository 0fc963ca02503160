package org.caveat.program;

import org.caveat.geo.ReferenceGeography;
import org.caveat.geo.Zone;
import org.caveat.model.Request;

/**
 * Per-request scratch space: the request and memoised geographic facts (country, region,
 * distances per zone slot), so a fact used by several rules is computed once. Not thread-safe:
 * reuse one per thread with {@link #reset}.
 */
public final class EvalContext {
  private final ReferenceGeography geography;
  private Request request;
  private double lat, lon;
  private String country, region;
  private boolean countryDone, regionDone;
  private double[] distances = new double[8];
  private long[] stamps = new long[8];
  private long generation;

  public EvalContext(ReferenceGeography geography) {
    this.geography = geography;
  }

  public EvalContext reset(Request r) {
    request = r;
    lat = r.targetLocation().lat();
    lon = r.targetLocation().lon();
    countryDone = regionDone = false;
    generation++;
    return this;
  }

  /**
   * Swaps in a request at the same target location, keeping the memoised geographic facts: the
   * cases of a case analysis differ only in non-geographic attributes.
   */
  public EvalContext retarget(Request r) {
    if (r.targetLocation().lat() != lat || r.targetLocation().lon() != lon) {
      throw new IllegalArgumentException("retarget needs the same target location");
    }
    request = r;
    return this;
  }

  public Request request() { return request; }
  public double lat() { return lat; }
  public double lon() { return lon; }
  public ReferenceGeography geography() { return geography; }

  /** Country code of the target, or null outside the shipped countries. */
  public String country() {
    if (!countryDone) {
      // The country is the region's (regions tile their countries): one lookup serves both facts.
      String r = region();
      country = r == null ? null : geography.countryOfRegion(r);
      countryDone = true;
    }
    return country;
  }

  /** Region code of the target, or null outside the shipped regions. */
  public String region() {
    if (!regionDone) {
      region = geography.region(lat, lon);
      regionDone = true;
    }
    return region;
  }

  /** Whether the distance for this zone slot has been computed for the current request. */
  boolean hasDistance(int slot) {
    return slot < stamps.length && stamps[slot] == generation;
  }

  /** Exact geodesic distance in km from the target to the zone, memoised per slot. */
  public double distanceKm(int slot, Zone zone) {
    if (slot >= stamps.length) {
      int n = Math.max(slot + 1, stamps.length * 2);
      distances = java.util.Arrays.copyOf(distances, n);
      stamps = java.util.Arrays.copyOf(stamps, n);
    }
    if (stamps[slot] != generation) {
      distances[slot] = zone.distanceKm(lat, lon);
      stamps[slot] = generation;
    }
    return distances[slot];
  }
}
