package org.caveat.program;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.caveat.model.Attribute;
import org.caveat.model.Vocabulary;

/**
 * The values case analysis tries for each closed-domain attribute of one compiled version: one
 * representative per equivalence class of values that no rule of the version can tell apart.
 *
 * <p><b>Algorithm (partition refinement by literal tests).</b> {@link LiteralTests} walks every
 * rule condition and collects, per attribute, the literal sets its value is tested against
 * ({@code a == "x"}, {@code a in [...]}, a boolean attribute read as a condition); an attribute
 * read any other way (inside arithmetic, compared to another attribute or with an order, a
 * CEL-fallback condition, a node the walk does not know) is <em>opaque</em>. Two values of the
 * domain are in the same class when they belong to exactly the same collected sets (the same
 * membership signature); an opaque attribute gets one class per value (the full split). Each class
 * is represented by its first value in the domain's sorted order, and the representatives keep that
 * order, so the search visits a subsequence of the full split's cases and stays reproducible.
 *
 * <p><b>Why it is sound.</b> Within the rules, an attribute is read only through membership in the
 * collected sets, so for two values v, w of one class and any setting of the other attributes,
 * every rule condition takes exactly the same three-valued result (same truth value, same missing
 * attributes) with v as with w; by induction over the nested splits, the whole subtree of cases
 * under v matches the one under w case for case. Hence the agreed outcome, the rules true in some
 * case and "forbidden in every case" are the same whether a class is explored through one value
 * or all of them; only the number of cases explored shrinks.
 */
public final class SplitDomains {
  /** Each closed domain, "unknown" left out, sorted: the full split, in the order cases are tried. */
  private static final Map<Attribute, List<Object>> DOMAINS = new EnumMap<>(Attribute.class);

  static {
    for (Attribute a : Attribute.values()) {
      if (a.type() == Attribute.Type.BOOL) {
        DOMAINS.put(a, List.of(Boolean.TRUE, Boolean.FALSE));
      } else if (a.vocabulary() != null) {
        DOMAINS.put(a, List.copyOf(new TreeSet<Object>(a.vocabulary().stream().filter(v -> !v.equals(Vocabulary.UNKNOWN)).toList())));
      }
    }
  }

  private final Map<Attribute, List<Object>> representatives = new EnumMap<>(Attribute.class);

  /** The classes of the version whose rule conditions are {@code conditions}. */
  SplitDomains(List<CompiledCondition> conditions) {
    LiteralTests tests = new LiteralTests();
    for (CompiledCondition c : conditions) tests.cond(c.whole);
    for (Map.Entry<Attribute, List<Object>> d : DOMAINS.entrySet()) {
      Attribute a = d.getKey();
      representatives.put(a, tests.opaque(a) ? d.getValue() : representatives(d.getValue(), tests.sets(a)));
    }
  }

  /** Whether case analysis can split this attribute (its domain is closed). */
  public static boolean splittable(Attribute a) {
    return DOMAINS.containsKey(a);
  }

  /** The full domain of a splittable attribute, sorted, "unknown" left out (the old full split). */
  public static List<Object> domain(Attribute a) {
    return DOMAINS.get(a);
  }

  /** One value per class of a splittable attribute, each the first of its class, in sorted order. */
  public List<Object> representatives(Attribute a) {
    return representatives.get(a);
  }

  /** The first value of each membership signature over {@code sets}, in {@code domain}'s order. */
  private static List<Object> representatives(List<Object> domain, List<Set<Object>> sets) {
    Map<BitSet, Object> firsts = new LinkedHashMap<>();
    for (Object v : domain) {
      BitSet signature = new BitSet(sets.size());
      for (int i = 0; i < sets.size(); i++) if (sets.get(i).contains(v)) signature.set(i);
      firsts.putIfAbsent(signature, v);
    }
    return List.copyOf(new ArrayList<>(firsts.values()));
  }
}
