package org.caveat.diff;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.caveat.policy.Rule;
import org.caveat.program.CompiledRule;
import org.caveat.program.Conjunct;

/**
 * Rules added, removed and changed between two versions, matched by id. A changed rule is told
 * condition by condition: each condition is split into its top-level {@code &&} conjuncts (as
 * re-printed by cel-java, so layout and spacing do not count) and the conjuncts only one side has
 * are listed.
 *
 * @param added     rules only the second version has, in its file order
 * @param removed   rules only the first version has, in its file order
 * @param changed   rules with the same id whose effect, text, sources or condition differ
 * @param unchanged ids of rules identical in both
 */
public record RuleDiff(List<RuleView> added, List<RuleView> removed, List<Changed> changed, List<String> unchanged) {

  /**
   * Pairs of a removed and an added rule with the same effect and the same conjuncts: most likely
   * one rule renamed. Listed as a hint only; both stay in {@link #removed} and {@link #added}.
   */
  public List<List<String>> renamed() {
    List<List<String>> out = new ArrayList<>();
    for (RuleView r : removed) {
      for (RuleView a : added) {
        if (a.effect().equals(r.effect()) && a.conjuncts().equals(r.conjuncts())) {
          out.add(List.of(r.id(), a.id()));
          break;
        }
      }
    }
    return List.copyOf(out);
  }

  /** A rule as the diff shows it: its conjuncts rather than its raw condition text. */
  public record RuleView(String id, String effect, String text, List<String> sources, List<String> conjuncts) {
    static RuleView of(CompiledRule r) {
      Rule rule = r.rule();
      return new RuleView(rule.id(), rule.effect().label(), rule.text(), List.copyOf(rule.sources()), RuleDiff.conjuncts(r));
    }
  }

  /**
   * A rule present in both versions with differences; a field is null when that part is equal.
   *
   * @param effect     {from, to}, or null
   * @param text       {from, to}, or null
   * @param conjunctsRemoved parts of the condition only the first version has
   * @param conjunctsAdded   parts only the second version has
   * @param conjunctsKept    parts both have
   */
  public record Changed(String id, List<String> effect, List<String> text, List<String> sourcesRemoved,
      List<String> sourcesAdded, List<String> conjunctsRemoved, List<String> conjunctsAdded,
      List<String> conjunctsKept) {
    public boolean conditionChanged() {
      return !conjunctsRemoved.isEmpty() || !conjunctsAdded.isEmpty();
    }
  }

  public boolean isEmpty() {
    return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
  }

  static RuleDiff of(List<CompiledRule> from, List<CompiledRule> to) {
    Map<String, CompiledRule> before = byId(from), after = byId(to);
    List<RuleView> added = new ArrayList<>(), removed = new ArrayList<>();
    List<Changed> changed = new ArrayList<>();
    List<String> unchanged = new ArrayList<>();
    for (CompiledRule r : from) {
      if (!after.containsKey(r.rule().id())) removed.add(RuleView.of(r));
    }
    for (CompiledRule r : to) {
      CompiledRule old = before.get(r.rule().id());
      if (old == null) {
        added.add(RuleView.of(r));
        continue;
      }
      Changed c = compare(old, r);
      if (c == null) {
        unchanged.add(r.rule().id());
      } else {
        changed.add(c);
      }
    }
    return new RuleDiff(List.copyOf(added), List.copyOf(removed), List.copyOf(changed), List.copyOf(unchanged));
  }

  private static Changed compare(CompiledRule a, CompiledRule b) {
    Rule x = a.rule(), y = b.rule();
    List<String> effect = x.effect() == y.effect() ? null : List.of(x.effect().label(), y.effect().label());
    List<String> text = norm(x.text()).equals(norm(y.text())) ? null : List.of(x.text(), y.text());
    List<String> ca = conjuncts(a), cb = conjuncts(b);
    List<String> srcRemoved = minus(x.sources(), y.sources()), srcAdded = minus(y.sources(), x.sources());
    List<String> cRemoved = minus(ca, cb), cAdded = minus(cb, ca);
    List<String> kept = minus(ca, cRemoved);
    if (effect == null && text == null && srcRemoved.isEmpty() && srcAdded.isEmpty() && cRemoved.isEmpty()
        && cAdded.isEmpty()) {
      return null;
    }
    return new Changed(y.id(), effect, text, srcRemoved, srcAdded, cRemoved, cAdded, kept);
  }

  static List<String> conjuncts(CompiledRule r) {
    List<String> out = new ArrayList<>();
    for (Conjunct c : r.condition().conjuncts()) out.add(c.text());
    return List.copyOf(out);
  }

  /** Elements of {@code a} not in {@code b}, as multisets, in {@code a}'s order. */
  static List<String> minus(List<String> a, List<String> b) {
    List<String> rest = new ArrayList<>(b);
    List<String> out = new ArrayList<>();
    for (String s : a) {
      if (!rest.remove(s)) out.add(s);
    }
    return List.copyOf(out);
  }

  private static String norm(String s) {
    return s == null ? "" : s.strip().replaceAll("\\s+", " ");
  }

  private static Map<String, CompiledRule> byId(List<CompiledRule> rules) {
    Map<String, CompiledRule> m = new LinkedHashMap<>();
    for (CompiledRule r : rules) m.put(r.rule().id(), r);
    return m;
  }
}
