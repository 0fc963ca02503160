package org.caveat.timeline;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.caveat.policy.Assumption;
import org.caveat.policy.Diagnostic;
import org.caveat.policy.Grant;
import org.caveat.policy.PolicyException;
import org.caveat.policy.PolicyVersion;
import org.caveat.policy.Reliability;
import org.caveat.policy.Setting;
import org.caveat.policy.Rule;
import org.caveat.policy.Source;
import org.caveat.policy.Suggest;

/**
 * Every admitted version of every grant (or of one grant), oldest first, with its in-force date,
 * reliability, title, what changed against the previous admitted version and its sources, and
 * which version is in force at an optional as-of time.
 *
 * @param asOf        the time the {@code inForceAtAsOf} marks refer to, or null
 * @param reliability the reliabilities admitted (versions of others are left out)
 */
public record Timeline(Instant asOf, Set<Reliability> reliability, List<GrantTimeline> grants) {
  public Timeline {
    reliability = Set.copyOf(reliability);
    grants = List.copyOf(grants);
  }

  /** One grant's versions. */
  public record GrantTimeline(String grant, String grantor, String grantee, List<Entry> versions) {}

  /**
   * One version.
   *
   * @param inForce       the in-force date, {@code yyyy-mm-dd} (UTC)
   * @param previous      the previous admitted version, or null for the first
   * @param inForceAtAsOf whether this is the admitted version in force at the as-of time
   */
  public record Entry(String version, String inForce, String reliability, String title, String previous,
      Changes changes, List<SourceRef> sources, boolean inForceAtAsOf) {}

  /** A source of a version: id, outlet, date and URL (may be null). */
  public record SourceRef(String id, String outlet, String date, String url) {}

  /**
   * What changed against the previous version: rule ids added, removed, and changed (same id, a
   * different effect or condition, whitespace aside), and assumptions added, removed or with a
   * different value. For a first version, every rule is "added".
   */
  public record Changes(List<String> added, List<String> removed, List<String> changed,
      List<String> assumptionsChanged, boolean first) {
    /** One line: "first version: 2 rules", "rules added: a, b; removed: c; assumptions changed: d". */
    public String summary() {
      if (first) return "first version: " + added.size() + " rule" + (added.size() == 1 ? "" : "s")
          + (added.isEmpty() ? "" : " (" + String.join(", ", added) + ")");
      List<String> parts = new ArrayList<>();
      if (!added.isEmpty()) parts.add("rules added: " + String.join(", ", added));
      if (!removed.isEmpty()) parts.add("removed: " + String.join(", ", removed));
      if (!changed.isEmpty()) parts.add("changed: " + String.join(", ", changed));
      if (!assumptionsChanged.isEmpty()) parts.add("assumptions changed: " + String.join(", ", assumptionsChanged));
      return parts.isEmpty() ? "no rule or assumption changed" : String.join("; ", parts);
    }
  }

  /**
   * Builds the timeline.
   *
   * @param only     a grant id, or null for every grant
   * @param admitted the reliabilities admitted; not empty
   * @param asOf     the time to mark the version in force at, or null
   * @throws PolicyException {@code grant.unknown} (with a did-you-mean hint) for an unknown grant,
   *                         {@code reliability.empty} for an empty set
   */
  public static Timeline of(Collection<Grant> grants, String only, Set<Reliability> admitted, Instant asOf) {
    if (admitted == null || admitted.isEmpty()) {
      throw new PolicyException(List.of(Setting.noReliabilityAdmitted()));
    }
    Set<Reliability> ok = EnumSet.copyOf(admitted);
    List<Grant> sorted = grants.stream().sorted((a, b) -> a.id().compareTo(b.id())).toList();
    if (only != null && sorted.stream().noneMatch(g -> g.id().equals(only))) {
      TreeSet<String> known = new TreeSet<>();
      sorted.forEach(g -> known.add(g.id()));
      Setting asked = new Setting(Setting.Kind.GRANT, only, null);
      throw new PolicyException(List.of(new Diagnostic("grant.unknown", asked.at(),
          "no grant `" + only + "` in the packs", Suggest.didYouMean(only, known), asked)));
    }
    List<GrantTimeline> out = new ArrayList<>();
    for (Grant g : sorted) {
      if (only != null && !g.id().equals(only)) continue;
      out.add(grant(g, ok, asOf));
    }
    return new Timeline(asOf, ok, out);
  }

  private static GrantTimeline grant(Grant g, Set<Reliability> admitted, Instant asOf) {
    List<PolicyVersion> kept = g.versions().stream().filter(v -> admitted.contains(v.reliability())).toList();
    PolicyVersion current = null;
    if (asOf != null) {
      for (PolicyVersion v : kept) if (!v.inForce().isAfter(asOf)) current = v;
    }
    List<Entry> entries = new ArrayList<>();
    PolicyVersion previous = null;
    for (PolicyVersion v : kept) {
      List<SourceRef> sources = new ArrayList<>();
      for (Source s : v.sources()) sources.add(new SourceRef(s.id(), s.outlet(), s.date(), s.url()));
      entries.add(new Entry(v.version(), day(v.inForce()), v.reliability().label(), v.title(),
          previous == null ? null : previous.version(), changes(previous, v), List.copyOf(sources), v == current));
      previous = v;
    }
    return new GrantTimeline(g.id(), g.grantor(), g.grantee(), List.copyOf(entries));
  }

  /** What changed from {@code before} (null: nothing before) to {@code after}. */
  public static Changes changes(PolicyVersion before, PolicyVersion after) {
    Map<String, Rule> old = rules(before);
    Map<String, Rule> now = rules(after);
    List<String> added = new ArrayList<>();
    List<String> changed = new ArrayList<>();
    for (Rule r : now.values()) {
      Rule o = old.get(r.id());
      if (o == null) {
        added.add(r.id());
      } else if (o.effect() != r.effect() || !normal(o.when()).equals(normal(r.when()))) {
        changed.add(r.id());
      }
    }
    List<String> removed = old.keySet().stream().filter(id -> !now.containsKey(id)).toList();
    List<String> assumptions = new ArrayList<>();
    if (before != null) {
      Map<String, Object> a = assumptions(before);
      Map<String, Object> b = assumptions(after);
      TreeSet<String> names = new TreeSet<>(a.keySet());
      names.addAll(b.keySet());
      for (String n : names) {
        if (!Objects.equals(a.get(n), b.get(n))) assumptions.add(n);
      }
    }
    return new Changes(List.copyOf(added), List.copyOf(removed), List.copyOf(changed), List.copyOf(assumptions),
        before == null);
  }

  private static Map<String, Rule> rules(PolicyVersion v) {
    Map<String, Rule> out = new LinkedHashMap<>();
    if (v != null) for (Rule r : v.rules()) out.put(r.id(), r);
    return out;
  }

  private static Map<String, Object> assumptions(PolicyVersion v) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Assumption a : v.assumptions()) out.put(a.name(), a.value());
    return out;
  }

  /** A condition with runs of whitespace collapsed, so re-wrapping a line is not a change. */
  private static String normal(String when) {
    return when == null ? "" : when.strip().replaceAll("\\s+", " ");
  }

  private static String day(Instant t) {
    return t.atOffset(ZoneOffset.UTC).toLocalDate().toString();
  }
}
