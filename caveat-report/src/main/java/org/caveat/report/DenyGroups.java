package org.caveat.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.caveat.decide.Outcome;
import org.caveat.explain.Answer;
import org.caveat.policy.Source;

/**
 * Every DENY, grouped so memory stays bounded: DENYs with the same denying grant versions,
 * bases, determining rules and closest permit (rule and failing part) share one group, which
 * keeps the reasons and sources once, counts every member and lists the first {@code perGroup}
 * of them with their own explanation (a not-permitted explanation names the event's own
 * figures, so it can differ within a group).
 */
final class DenyGroups {
  /** A listed member: where it was, and its explanation when it differs from the group's. */
  record Member(long line, String eventId, LocalDate date, String explanation) {}

  /** DENYs sharing a key. */
  static final class Group {
    final String key;
    final List<Answer.GrantAnswer> denying;
    final String explanation;
    final Map<String, Source> sources = new TreeMap<>();
    final List<Member> members = new ArrayList<>();
    long count;

    Group(String key, List<Answer.GrantAnswer> denying, String explanation) {
      this.key = key;
      this.denying = denying;
      this.explanation = explanation;
    }
  }

  private final int perGroup;
  private final int maxGroups;
  private final Map<String, Group> groups = new TreeMap<>();
  private long total;
  private long ungrouped;

  DenyGroups(int perGroup, int maxGroups) {
    this.perGroup = perGroup;
    this.maxGroups = maxGroups;
  }

  void add(ReplayRow row) {
    Answer a = row.answer();
    if (a.decision() != Outcome.DENY) return;
    total++;
    List<Answer.GrantAnswer> denying = new ArrayList<>();
    for (Answer.GrantAnswer g : a.grants()) {
      if (g.decision() == Outcome.DENY) denying.add(g);
    }
    String key = key(denying);
    Group group = groups.get(key);
    if (group == null) {
      if (groups.size() >= maxGroups) {
        ungrouped++;
        return;
      }
      group = new Group(key, List.copyOf(denying), a.explanation());
      groups.put(key, group);
    }
    group.count++;
    if (a.sources() != null) a.sources().forEach(group.sources::putIfAbsent);
    if (group.members.size() < perGroup) {
      String own = a.explanation() == null || a.explanation().equals(group.explanation) ? null : a.explanation();
      group.members.add(new Member(row.line(), row.eventId() == null ? null : Html.clip(row.eventId(), MarkerSample.MAX_ID),
          row.date(), own));
    }
  }

  /** Sorted by grant version, then basis and rules, through the key's text. */
  private static String key(List<Answer.GrantAnswer> denying) {
    StringBuilder k = new StringBuilder();
    for (Answer.GrantAnswer g : denying) {
      k.append(Tally.versionKey(g)).append('\u0001').append(g.basis()).append('\u0001')
          .append(String.join(",", g.determining())).append('\u0001');
      if (g.closest() != null) k.append(g.closest().rule()).append('\u0001').append(g.closest().failed());
      k.append('\u0002');
    }
    return k.toString();
  }

  Collection<Group> groups() { return groups.values(); }
  long total() { return total; }
  /** DENYs beyond the group cap: counted, not described. */
  long ungrouped() { return ungrouped; }
  int perGroup() { return perGroup; }
}
