package org.caveat.explain;

import java.util.List;
import java.util.Map;
import org.caveat.decide.Outcome;
import org.caveat.policy.Source;

/**
 * The answer of docs/SEMANTICS.md: decision, per-grant detail, facts, a plain explanation, and (an
 * extension) the full text of every source cited.
 */
public record Answer(String id, Outcome decision, List<GrantAnswer> grants, Facts facts, String explanation,
    Map<String, Source> sources) {

  /**
   * One grant's part of the answer. {@code version}, {@code hash} and {@code closest} may be null.
   * {@code skipped} lists the versions left out by a reliability filter that would otherwise have
   * been in force at the request's time (written after {@code missing}; empty when none).
   */
  public record GrantAnswer(String grant, String version, String hash, String reliability, Outcome decision,
      String basis, List<String> determining, List<Reason> reasons, List<String> missing, Closest closest,
      List<Skipped> skipped) {
    public GrantAnswer {
      skipped = skipped == null ? List.of() : List.copyOf(skipped);
    }

    /** Nothing skipped. */
    public GrantAnswer(String grant, String version, String hash, String reliability, Outcome decision,
        String basis, List<String> determining, List<Reason> reasons, List<String> missing, Closest closest) {
      this(grant, version, hash, reliability, decision, basis, determining, reasons, missing, closest, List.of());
    }
  }

  /** A version left out by the reliability filter: its id and reliability label. */
  public record Skipped(String version, String reliability) {}

  /** A determining rule: id, effect, its sentence and the ids of its sources. */
  public record Reason(String rule, String effect, String text, List<String> sources) {}

  /** Geographic facts of the target; null country/region outside the shipped geography. */
  /**
   * Geographic facts of the target: country and region (the sea included), distance to the land
   * border, {@code waters} (a {@link org.caveat.geo.Waters} label) and whether the point lies
   * exactly on a land border.
   */
  public record Facts(String country, String region, double distanceToBorderKm, String waters, boolean onBorder) {}

  /**
   * The permit rule that came closest when nothing was permitted: its first failing part
   * ({@code failed}), and for numeric comparisons the actual value, the limit and the margin.
   */
  public record Closest(String rule, String failed, String text, Double actual, String op, Double limit,
      Double margin) {}
}
