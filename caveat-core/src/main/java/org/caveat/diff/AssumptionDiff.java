package org.caveat.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.caveat.policy.Assumption;
import org.caveat.program.CompiledVersion;

/**
 * Assumptions added, removed and changed between two versions, by name (sorted), with the values
 * in effect (per-call overrides included) and their units.
 */
public record AssumptionDiff(List<Entry> added, List<Entry> removed, List<Entry> changed) {

  /** One assumption: {@code from} is null when added, {@code to} null when removed. */
  public record Entry(String name, Object from, Object to, String unit) {}

  public boolean isEmpty() {
    return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
  }

  static AssumptionDiff of(CompiledVersion a, CompiledVersion b) {
    Map<String, Assumption> before = byName(a), after = byName(b);
    List<Entry> added = new ArrayList<>(), removed = new ArrayList<>(), changed = new ArrayList<>();
    for (Assumption x : before.values()) {
      if (!after.containsKey(x.name())) removed.add(new Entry(x.name(), value(a, x), null, x.unit()));
    }
    for (Assumption y : after.values()) {
      Assumption x = before.get(y.name());
      if (x == null) {
        added.add(new Entry(y.name(), null, value(b, y), y.unit()));
      } else if (!Objects.equals(value(a, x), value(b, y)) || !Objects.equals(x.unit(), y.unit())) {
        changed.add(new Entry(y.name(), value(a, x), value(b, y), y.unit() != null ? y.unit() : x.unit()));
      }
    }
    return new AssumptionDiff(List.copyOf(added), List.copyOf(removed), List.copyOf(changed));
  }

  private static Object value(CompiledVersion v, Assumption a) {
    Object inEffect = v.assumptions().get(a.name());
    return inEffect != null ? inEffect : a.value();
  }

  private static Map<String, Assumption> byName(CompiledVersion v) {
    Map<String, Assumption> m = new TreeMap<>();
    for (Assumption a : v.policy().assumptions()) m.put(a.name(), a);
    return m;
  }
}
