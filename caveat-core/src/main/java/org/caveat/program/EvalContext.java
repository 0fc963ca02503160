package org.caveat.program;

import org.caveat.geo.GeoMemo;
import org.caveat.geo.Location;
import org.caveat.geo.ReferenceGeography;
import org.caveat.geo.Zone;
import org.caveat.model.Attribute;
import org.caveat.model.Request;

/**
 * Per-request scratch space: the request, the values of the case being tried during case analysis,
 * and memoised geographic facts (country, region, distances per zone slot), so a fact used by
 * several rules is computed once. Not thread-safe: reuse one per thread with {@link #reset}.
 */
public final class EvalContext {
  private final ReferenceGeography geography;
  private Request request;
  /** The attributes (bits) whose value is a case's, not the request's, and those values by ordinal. */
  private long cased;
  private final Object[] caseValues = new Object[Attribute.values().length];
  private double lat, lon;
  private Location location;
  private double[] distances = new double[8];
  private long[] stamps = new long[8];
  private long generation;
  private final GeoMemo geoMemo;

  public EvalContext(ReferenceGeography geography) {
    this.geography = geography;
    this.geoMemo = new GeoMemo(geography);
  }

  public EvalContext reset(Request r) {
    request = r;
    lat = r.targetLocation().lat();
    lon = r.targetLocation().lon();
    location = null;
    generation++;
    endCases();
    return this;
  }

  /**
   * Case analysis: conditions read {@code value} as attribute {@code a} until {@link #dropCase} or
   * {@link #endCases}. The request and the memoised geographic facts stay: the cases differ only in
   * non-geographic attributes, so one location and its exact distances serve every case, and no
   * request is built per case.
   *
   * @param value a value of the attribute's closed domain (never "unknown")
   */
  public void assumeCase(Attribute a, Object value) {
    caseValues[a.ordinal()] = value;
    cased |= a.bit();
  }

  /** Conditions read the request's own value of {@code a} again. */
  public void dropCase(Attribute a) {
    cased &= ~a.bit();
    caseValues[a.ordinal()] = null;
  }

  /** Conditions read the request's own values again: the context is back on the request. */
  public void endCases() {
    // The values stay in caseValues: value() reads a slot only while its bit is set, and they are
    // constants of closed domains (nothing to release), so clearing the array would be wasted work.
    cased = 0;
  }

  /**
   * The value conditions see for an attribute: the case's during case analysis, otherwise the
   * request's; null when missing (absent or "unknown").
   */
  public Object value(Attribute a) {
    return (cased & a.bit()) == 0 ? request.value(a) : caseValues[a.ordinal()];
  }

  public Request request() { return request; }
  public double lat() { return lat; }
  public double lon() { return lon; }
  public ReferenceGeography geography() { return geography; }
  /** Geographic work shared within a request (keyed by the point itself, so it needs no reset). */
  public GeoMemo geoMemo() { return geoMemo; }

  /**
   * Country, region, waters and land-border flag of the target, one lookup for all four facts
   * (land first: a point on a shipped region never consults the sea model).
   */
  public Location location() {
    if (location == null) {
      location = geography.locate(lat, lon);
    }
    return location;
  }

  /** Country code of the target (its territorial sea included), or null outside the shipped countries. */
  public String country() {
    return location().country();
  }

  /** Region code of the target (at sea: the coastal region nearest), or null outside the shipped regions. */
  public String region() {
    return location().region();
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
