package org.caveat.diff;

import java.util.List;

/**
 * What changed from one version to another (of one grant, or of two grants on comparable dates):
 * rules, assumptions and zones. Flips over a set of requests are computed separately with
 * {@link FlipList}, since they need requests.
 */
public record VersionDiff(FlipList.Side from, FlipList.Side to, RuleDiff rules, AssumptionDiff assumptions,
    List<ZoneDiff> zones) {

  public static VersionDiff of(FlipList.Side from, FlipList.Side to) {
    return new VersionDiff(from, to, RuleDiff.of(from.compiled.rules(), to.compiled.rules()),
        AssumptionDiff.of(from.compiled, to.compiled), ZoneDiff.of(from.compiled, to.compiled));
  }

  /** Whether the two sides belong to the same grant (then scopes are compared as written). */
  public boolean sameGrant() {
    return from.grant().grant().id().equals(to.grant().grant().id());
  }
}
