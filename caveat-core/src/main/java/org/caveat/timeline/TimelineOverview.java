package org.caveat.timeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.caveat.policy.Reliability;

/**
 * The compact form of a {@link Timeline}: per grant, one line per listed version (in-force date,
 * version id, reliability, title, whether it is in force at the as-of time), without changes and
 * sources. What {@code caveat timeline} prints when no grant is named, and what the console's
 * timeline view shows for all grants; both read it from here so they list the same lines.
 *
 * @param asOf        the time {@code inForceAtAsOf} refers to, or null
 * @param reliability the reliabilities admitted
 */
public record TimelineOverview(Instant asOf, Set<Reliability> reliability, List<Grant> grants) {
  public TimelineOverview {
    reliability = Set.copyOf(reliability);
    grants = List.copyOf(grants);
  }

  /** One grant and its listed versions, oldest first (none when the filter left every one out). */
  public record Grant(String grant, String grantor, String grantee, List<Line> versions) {
    public Grant {
      versions = List.copyOf(versions);
    }
  }

  /** One version: {@code inForce} is its in-force date, {@code yyyy-mm-dd} (UTC). */
  public record Line(String inForce, String version, String reliability, String title, boolean inForceAtAsOf) {}

  /** The overview of a timeline: the same grants, versions, filter and as-of time, fewer fields. */
  public static TimelineOverview of(Timeline t) {
    List<Grant> grants = new ArrayList<>();
    for (Timeline.GrantTimeline g : t.grants()) {
      List<Line> lines = new ArrayList<>();
      for (Timeline.Entry e : g.versions()) {
        lines.add(new Line(e.inForce(), e.version(), e.reliability(), e.title(), e.inForceAtAsOf()));
      }
      grants.add(new Grant(g.grant(), g.grantor(), g.grantee(), lines));
    }
    return new TimelineOverview(t.asOf(), t.reliability(), grants);
  }

  /** The number of listed versions over all grants. */
  public int versionCount() {
    return grants.stream().mapToInt(g -> g.versions().size()).sum();
  }
}
