package org.caveat.program;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelProtoAbstractSyntaxTree;
import dev.cel.expr.CheckedExpr;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.caveat.cache.Decoder;
import org.caveat.cache.Decoder.Corrupt;
import org.caveat.cache.Encoder;
import org.caveat.model.Attribute;

/**
 * Compiled conditions in the compiled-pack cache: each predicate and value node as a tag and its
 * fields, in the order the compiler left them (so a decoded {@code And} or {@code Or} sorts its
 * parts back into the same order), zones by name, and a condition cel-java interprets as its
 * checked AST in cel-java's own serial form ({@code CheckedExpr} protobuf), so decoding it needs
 * no parser or type checker.
 */
public final class ProgramCodec {
  private enum CondTag { CONST, AND, OR, NOT, TERNARY, ATTR_IN, COUNTRY_IN, REGION_IN, DISTANCE_CMP, WITHIN_ZONE,
    COMPARE, IN, IS_TRUE, CEL }

  private enum ValTag { NONE, CONST, ATTR, COUNTRY, REGION, WATERS, DISTANCE, WITHIN, ARITH, NEGATE, LIST_OF }

  private enum ValueTag { NULL, DOUBLE, BOOLEAN, STRING, LIST, ZONE }

  /** Builds an interpreted condition from its decoded checked AST and the attributes it reads. */
  @FunctionalInterface
  public interface Fallbacks {
    Cond fallback(CelAbstractSyntaxTree ast, List<Attribute> reads);
  }

  private final Decoder in;
  private final Function<String, ZoneRef> zones;
  private final Fallbacks fallbacks;

  private ProgramCodec(Decoder in, Function<String, ZoneRef> zones, Fallbacks fallbacks) {
    this.in = in;
    this.zones = zones;
    this.fallbacks = fallbacks;
  }

  public static void write(Encoder out, CompiledCondition c) {
    out.string(c.text);
    cond(out, c.whole);
    out.uint(c.conjuncts.size());
    for (Conjunct j : c.conjuncts) {
      out.string(j.text());
      cond(out, j.cond);
      val(out, j.left);
      out.uint(j.op == null ? 0 : j.op.ordinal() + 1);
      val(out, j.right);
      out.string(j.rightText);
    }
  }

  /**
   * @param zones     the version's zones by name (null for an unknown name)
   * @throws Corrupt when the bytes are not a condition written by {@link #write}
   */
  public static CompiledCondition read(Decoder in, Function<String, ZoneRef> zones, Fallbacks fallbacks) {
    return new ProgramCodec(in, zones, fallbacks).condition();
  }

  private CompiledCondition condition() {
    String text = in.string();
    Cond whole = cond();
    int n = in.count();
    List<Conjunct> conjuncts = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String t = in.string();
      Cond c = cond();
      Val left = val();
      int op = in.index(Predicates.Op.values().length + 1);
      conjuncts.add(new Conjunct(t, c, left, op == 0 ? null : Predicates.Op.values()[op - 1], val(), in.string()));
    }
    return new CompiledCondition(whole, conjuncts, text);
  }

  private static void cond(Encoder out, Cond c) {
    if (c instanceof Cond.Const k) {
      out.uint(CondTag.CONST.ordinal()).bool(k.value == Tri.TRUE);
    } else if (c instanceof Cond.And a) {
      conds(out.uint(CondTag.AND.ordinal()), a.parts);
    } else if (c instanceof Cond.Or o) {
      conds(out.uint(CondTag.OR.ordinal()), o.parts);
    } else if (c instanceof Cond.Not n) {
      cond(out.uint(CondTag.NOT.ordinal()), n.part);
    } else if (c instanceof Cond.Ternary t) {
      conds(out.uint(CondTag.TERNARY.ordinal()), new Cond[] {t.test, t.then, t.otherwise});
    } else if (c instanceof Predicates.AttrIn a) {
      values(out.uint(CondTag.ATTR_IN.ordinal()).uint(a.attribute.ordinal()), a.values);
    } else if (c instanceof Predicates.CountryIn k) {
      values(out.uint(CondTag.COUNTRY_IN.ordinal()), k.codes);
    } else if (c instanceof Predicates.RegionIn r) {
      values(out.uint(CondTag.REGION_IN.ordinal()), r.codes);
    } else if (c instanceof Predicates.DistanceCmp d) {
      out.uint(CondTag.DISTANCE_CMP.ordinal()).string(d.zone.name()).uint(d.op.ordinal()).float64(d.km);
    } else if (c instanceof Predicates.WithinZone w) {
      out.uint(CondTag.WITHIN_ZONE.ordinal()).string(w.zone.name());
    } else if (c instanceof Predicates.Compare k) {
      val(out.uint(CondTag.COMPARE.ordinal()), k.left);
      val(out.uint(k.op.ordinal()), k.right);
    } else if (c instanceof Predicates.In i) {
      val(out.uint(CondTag.IN.ordinal()), i.element);
      val(out, i.list);
    } else if (c instanceof Predicates.IsTrue t) {
      val(out.uint(CondTag.IS_TRUE.ordinal()), t.value);
    } else if (c instanceof CelFallback f) {
      out.uint(CondTag.CEL.ordinal()).uint(f.reads().size());
      f.reads().forEach(a -> out.uint(a.ordinal()));
      out.bytes(CelProtoAbstractSyntaxTree.fromCelAst(f.ast()).toCheckedExpr().toByteArray());
    } else {
      throw new IllegalArgumentException("no cache form for " + c.getClass().getName());
    }
  }

  private static void conds(Encoder out, Cond[] parts) {
    out.uint(parts.length);
    for (Cond p : parts) cond(out, p);
  }

  private Cond cond() {
    switch (CondTag.values()[in.index(CondTag.values().length)]) {
      case CONST: return new Cond.Const(in.bool());
      case AND: return new Cond.And(conds());
      case OR: return new Cond.Or(conds());
      case NOT: return new Cond.Not(cond());
      case TERNARY: {
        List<Cond> t = conds();
        if (t.size() != 3) throw new Corrupt("a ternary of " + t.size() + " parts");
        return new Cond.Ternary(t.get(0), t.get(1), t.get(2));
      }
      case ATTR_IN: return new Predicates.AttrIn(Attribute.values()[in.index(Attribute.values().length)], values());
      case COUNTRY_IN: return new Predicates.CountryIn(strings());
      case REGION_IN: return new Predicates.RegionIn(strings());
      case DISTANCE_CMP: return new Predicates.DistanceCmp(zone(), op(), in.float64());
      case WITHIN_ZONE: return new Predicates.WithinZone(zone());
      case COMPARE: {
        Val l = val();
        Predicates.Op op = op();
        return new Predicates.Compare(required(l), op, required(val()));
      }
      case IN: {
        Val e = val();
        return new Predicates.In(required(e), required(val()));
      }
      case IS_TRUE: return new Predicates.IsTrue(required(val()));
      case CEL: {
        int n = in.count();
        List<Attribute> reads = new ArrayList<>(n);
        for (int i = 0; i < n; i++) reads.add(Attribute.values()[in.index(Attribute.values().length)]);
        try {
          CheckedExpr checked = CheckedExpr.parseFrom(in.bytes());
          return fallbacks.fallback(CelProtoAbstractSyntaxTree.fromCheckedExpr(checked).getAst(), List.copyOf(reads));
        } catch (InvalidProtocolBufferException | RuntimeException e) {
          throw new Corrupt("unreadable CEL expression: " + e.getMessage());
        }
      }
      default: throw new AssertionError();
    }
  }

  private List<Cond> conds() {
    int n = in.count();
    List<Cond> parts = new ArrayList<>(n);
    for (int i = 0; i < n; i++) parts.add(cond());
    return parts;
  }

  private static void val(Encoder out, Val v) {
    if (v == null) {
      out.uint(ValTag.NONE.ordinal());
    } else if (v instanceof Val.Const c) {
      value(out.uint(ValTag.CONST.ordinal()), c.value);
    } else if (v instanceof Val.Attr a) {
      out.uint(ValTag.ATTR.ordinal()).uint(a.attribute.ordinal());
    } else if (v instanceof Val.Country) {
      out.uint(ValTag.COUNTRY.ordinal());
    } else if (v instanceof Val.Region) {
      out.uint(ValTag.REGION.ordinal());
    } else if (v instanceof Val.Waters) {
      out.uint(ValTag.WATERS.ordinal());
    } else if (v instanceof Val.Distance d) {
      out.uint(ValTag.DISTANCE.ordinal()).string(d.zone.name());
    } else if (v instanceof Val.Within w) {
      out.uint(ValTag.WITHIN.ordinal()).string(w.zone.name());
    } else if (v instanceof Val.Arith a) {
      val(out.uint(ValTag.ARITH.ordinal()).uint(a.op), a.left);
      val(out, a.right);
    } else if (v instanceof Val.Negate n) {
      val(out.uint(ValTag.NEGATE.ordinal()), n.operand);
    } else if (v instanceof Val.ListOf l) {
      out.uint(ValTag.LIST_OF.ordinal()).uint(l.items.size());
      l.items.forEach(i -> val(out, i));
    } else {
      throw new IllegalArgumentException("no cache form for " + v.getClass().getName());
    }
  }

  /** A value node, or null where none was written. */
  private Val val() {
    switch (ValTag.values()[in.index(ValTag.values().length)]) {
      case NONE: return null;
      case CONST: return new Val.Const(value());
      case ATTR: return new Val.Attr(Attribute.values()[in.index(Attribute.values().length)]);
      case COUNTRY: return new Val.Country();
      case REGION: return new Val.Region();
      case WATERS: return new Val.Waters();
      case DISTANCE: return new Val.Distance(zone());
      case WITHIN: return new Val.Within(zone());
      case ARITH: {
        int op = in.uint();
        if (op != '+' && op != '-' && op != '*' && op != '/') throw new Corrupt("arithmetic operator " + op);
        Val l = required(val());
        return new Val.Arith((char) op, l, required(val()));
      }
      case NEGATE: return new Val.Negate(required(val()));
      case LIST_OF: {
        int n = in.count();
        List<Val> items = new ArrayList<>(n);
        for (int i = 0; i < n; i++) items.add(required(val()));
        return new Val.ListOf(items);
      }
      default: throw new AssertionError();
    }
  }

  private static Val required(Val v) {
    if (v == null) throw new Corrupt("a value node is missing");
    return v;
  }

  private static void values(Encoder out, Set<?> values) {
    out.uint(values.size());
    values.forEach(v -> value(out, v));
  }

  private static void value(Encoder out, Object v) {
    if (v == null) {
      out.uint(ValueTag.NULL.ordinal());
    } else if (v instanceof Double d) {
      out.uint(ValueTag.DOUBLE.ordinal()).float64(d);
    } else if (v instanceof Boolean b) {
      out.uint(ValueTag.BOOLEAN.ordinal()).bool(b);
    } else if (v instanceof String s) {
      out.uint(ValueTag.STRING.ordinal()).string(s);
    } else if (v instanceof List<?> l) {
      out.uint(ValueTag.LIST.ordinal()).uint(l.size());
      l.forEach(i -> value(out, i));
    } else if (v instanceof ZoneRef z) {
      out.uint(ValueTag.ZONE.ordinal()).string(z.name());
    } else {
      throw new IllegalArgumentException("no cache form for a constant of " + v.getClass().getName());
    }
  }

  private Object value() {
    switch (ValueTag.values()[in.index(ValueTag.values().length)]) {
      case NULL: return null;
      case DOUBLE: return in.float64();
      case BOOLEAN: return in.bool();
      case STRING: return in.text();
      case LIST: {
        int n = in.count();
        List<Object> items = new ArrayList<>(n);
        for (int i = 0; i < n; i++) items.add(value());
        return List.copyOf(items);
      }
      case ZONE: return zone();
      default: throw new AssertionError();
    }
  }

  private Set<Object> values() {
    int n = in.count();
    Set<Object> out = new LinkedHashSet<>();
    for (int i = 0; i < n; i++) out.add(value());
    return out;
  }

  private Set<String> strings() {
    Set<String> out = new LinkedHashSet<>();
    for (Object v : values()) {
      if (!(v instanceof String s)) throw new Corrupt("a code that is not a string");
      out.add(s);
    }
    return out;
  }

  private ZoneRef zone() {
    String name = in.text();
    ZoneRef z = zones.apply(name);
    if (z == null) throw new Corrupt("unknown zone `" + name + "`");
    return z;
  }

  private Predicates.Op op() {
    return Predicates.Op.values()[in.index(Predicates.Op.values().length)];
  }
}
