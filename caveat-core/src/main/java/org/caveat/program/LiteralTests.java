package org.caveat.program;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.caveat.model.Attribute;

/**
 * What a set of conditions can tell about each attribute's value: the literal sets it is tested
 * against, or "opaque" when some condition reads it in a way this walk does not see through. A
 * recursive walk over the {@link Cond} and {@link Val} nodes; any node it does not know makes
 * every attribute opaque, so a new node kind can only cost cases, never soundness. Used by
 * {@link SplitDomains}.
 */
final class LiteralTests {
  private final Map<Attribute, List<Set<Object>>> sets = new EnumMap<>(Attribute.class);
  private long opaque;

  boolean opaque(Attribute a) {
    return (opaque & a.bit()) != 0;
  }

  /** The literal sets {@code a} is tested against (membership tests), in walk order. */
  List<Set<Object>> sets(Attribute a) {
    return sets.getOrDefault(a, List.of());
  }

  void cond(Cond c) {
    if (c instanceof Cond.And and) {
      for (Cond p : and.parts) cond(p);
    } else if (c instanceof Cond.Or or) {
      for (Cond p : or.parts) cond(p);
    } else if (c instanceof Cond.Not not) {
      cond(not.part);
    } else if (c instanceof Cond.Ternary t) {
      cond(t.test);
      cond(t.then);
      cond(t.otherwise);
    } else if (c instanceof Predicates.AttrIn in) {
      test(in.attribute, in.values);
    } else if (c instanceof Predicates.Compare cmp) {
      compare(cmp);
    } else if (c instanceof Predicates.In in) {
      membership(in);
    } else if (c instanceof Predicates.IsTrue t && t.value instanceof Val.Attr a) {
      test(a.attribute, Set.of(Boolean.TRUE));
    } else if (c instanceof Predicates.IsTrue t) {
      val(t.value);
    } else if (c instanceof CelFallback cel) {
      for (Attribute a : cel.reads()) opaque |= a.bit();
    } else if (!(c instanceof Cond.Const || c instanceof Predicates.CountryIn || c instanceof Predicates.RegionIn
        || c instanceof Predicates.DistanceCmp || c instanceof Predicates.WithinZone)) {
      opaque = -1L; // a node this walk does not know: assume it reads everything
    }
  }

  /** {@code attr == literal} and {@code attr != literal} are membership tests; any other comparison is opaque. */
  private void compare(Predicates.Compare c) {
    boolean equality = c.op == Predicates.Op.EQ || c.op == Predicates.Op.NE;
    if (equality && c.left instanceof Val.Attr a && c.right instanceof Val.Const k) {
      test(a.attribute, Collections.singleton(k.value));
    } else if (equality && c.right instanceof Val.Attr a && c.left instanceof Val.Const k) {
      test(a.attribute, Collections.singleton(k.value));
    } else {
      val(c.left);
      val(c.right);
    }
  }

  /** {@code attr in [literals]} is a membership test; any other {@code in} is opaque. */
  private void membership(Predicates.In in) {
    if (in.element instanceof Val.Attr a && in.list instanceof Val.Const k && k.value instanceof List<?> items) {
      test(a.attribute, new HashSet<>(items));
    } else {
      val(in.element);
      val(in.list);
    }
  }

  /** A value expression whose attributes are read in a way the walk does not see through. */
  private void val(Val v) {
    if (v instanceof Val.Attr a) {
      opaque |= a.attribute.bit();
    } else if (v instanceof Val.Arith ar) {
      val(ar.left);
      val(ar.right);
    } else if (v instanceof Val.Negate n) {
      val(n.operand);
    } else if (v instanceof Val.ListOf l) {
      for (Val item : l.items) val(item);
    } else if (!(v instanceof Val.Const || v instanceof Val.Country || v instanceof Val.Region
        || v instanceof Val.Waters || v instanceof Val.Distance || v instanceof Val.Within)) {
      opaque = -1L;
    }
  }

  private void test(Attribute a, Set<?> values) {
    sets.computeIfAbsent(a, k -> new ArrayList<>()).add(Collections.<Object>unmodifiableSet(values));
  }
}
