package org.caveat.program;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.caveat.geo.PreparedThreshold;
import org.caveat.model.Attribute;

/** The leaf conditions the compiler produces. */
public final class Predicates {
  private Predicates() {}

  /** Comparison operators. */
  public enum Op {
    EQ("=="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">=");

    final String symbol;

    Op(String symbol) {
      this.symbol = symbol;
    }

    boolean test(double a, double b) {
      return switch (this) {
        case EQ -> a == b;
        case NE -> a != b;
        case LT -> a < b;
        case LE -> a <= b;
        case GT -> a > b;
        case GE -> a >= b;
      };
    }

    /** The operator with its operands swapped: {@code a < b} ⇔ {@code b > a}. */
    public Op flip() {
      return switch (this) {
        case LT -> GT;
        case LE -> GE;
        case GT -> LT;
        case GE -> LE;
        default -> this;
      };
    }

    public static Op ofFunction(String celFunction) {
      return switch (celFunction) {
        case "_==_" -> EQ;
        case "_!=_" -> NE;
        case "_<_" -> LT;
        case "_<=_" -> LE;
        case "_>_" -> GT;
        case "_>=_" -> GE;
        default -> null;
      };
    }
  }

  /** {@code attr == "x"} or {@code attr in [...]} on a string or bool attribute. */
  public static final class AttrIn extends Cond {
    final Attribute attribute;
    final Set<Object> values;
    private final long missing;

    public AttrIn(Attribute attribute, Set<Object> values) {
      this.attribute = attribute;
      this.values = values;
      this.missing = Tri.unknown(attribute.bit());
    }

    @Override
    long eval(EvalContext c) {
      Object v = c.value(attribute);
      return v == null ? missing : Tri.of(values.contains(v));
    }
  }

  /** {@code country(target.location) in [...]}; memoised per request. */
  public static final class CountryIn extends Cond {
    final Set<String> codes;

    public CountryIn(Set<String> codes) {
      this.codes = codes;
    }

    @Override
    long eval(EvalContext c) {
      String s = c.country();
      return Tri.of(codes.contains(s == null ? "" : s));
    }

    @Override
    int cost() {
      return 4;
    }
  }

  /** {@code region(target.location) in [...]}; memoised per request. */
  public static final class RegionIn extends Cond {
    final Set<String> codes;

    public RegionIn(Set<String> codes) {
      this.codes = codes;
    }

    @Override
    long eval(EvalContext c) {
      String s = c.region();
      return Tri.of(codes.contains(s == null ? "" : s));
    }

    @Override
    int cost() {
      return 5;
    }
  }

  /**
   * {@code distance_km(target.location, zone) OP T} with a constant T. After a few exact
   * evaluations (cheap for one-off runs) a prepared threshold test is built and classifies most
   * points without a geodesic computation; only points near the threshold need the exact one.
   */
  public static final class DistanceCmp extends Cond {
    /** Exact evaluations before the threshold test is worth building. */
    static final int WARM_UP = 64;
    final ZoneRef zone;
    final Op op;
    final double km;
    private final java.util.concurrent.atomic.AtomicInteger uses = new java.util.concurrent.atomic.AtomicInteger();
    private volatile PreparedThreshold test;

    public DistanceCmp(ZoneRef zone, Op op, double km) {
      this.zone = zone;
      this.op = op;
      this.km = km;
    }

    @Override
    long eval(EvalContext c) {
      PreparedThreshold t = test;
      if (t == null && km >= 0 && Double.isFinite(km) && uses.incrementAndGet() > WARM_UP) {
        t = test = zone.zone().threshold(km);
      }
      if (t != null && !c.hasDistance(zone.slot())) {
        int k = t.classify(c.lat(), c.lon(), c.geoMemo());
        if (k != PreparedThreshold.RING) {
          // CLOSER means d < T, FARTHER means d > T, strictly.
          double proxy = k == PreparedThreshold.CLOSER ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
          return Tri.of(op.test(proxy, km));
        }
      }
      return Tri.of(op.test(c.distanceKm(zone.slot(), zone.zone()), km));
    }

    @Override
    int cost() {
      return 6;
    }
  }

  /** {@code within(target.location, zone)}. */
  public static final class WithinZone extends Cond {
    final ZoneRef zone;

    public WithinZone(ZoneRef zone) {
      this.zone = zone;
    }

    @Override
    long eval(EvalContext c) {
      return Tri.of(zone.zone().contains(c.lat(), c.lon()));
    }

    @Override
    int cost() {
      return 6;
    }
  }

  /** General comparison of two values. */
  public static final class Compare extends Cond {
    final Val left, right;
    final Op op;

    public Compare(Val left, Op op, Val right) {
      this.left = left;
      this.op = op;
      this.right = right;
    }

    @Override
    long eval(EvalContext c) {
      Object a = left.eval(c), b = right.eval(c);
      long m = Val.maskOf(a) | Val.maskOf(b);
      if (m != 0) return Tri.unknown(m);
      if (a instanceof Number x && b instanceof Number y) {
        return Tri.of(op.test(x.doubleValue(), y.doubleValue()));
      }
      if (op == Op.EQ) return Tri.of(Objects.equals(a, b));
      if (op == Op.NE) return Tri.of(!Objects.equals(a, b));
      @SuppressWarnings({"unchecked", "rawtypes"})
      int cmp = ((Comparable) a).compareTo(b);
      return Tri.of(op.test(cmp, 0));
    }

    @Override
    int cost() {
      return 3;
    }
  }

  /** General {@code value in list}. */
  public static final class In extends Cond {
    final Val element, list;

    public In(Val element, Val list) {
      this.element = element;
      this.list = list;
    }

    @Override
    long eval(EvalContext c) {
      Object e = element.eval(c), l = list.eval(c);
      long m = Val.maskOf(e) | Val.maskOf(l);
      if (m != 0) return Tri.unknown(m);
      for (Object item : (List<?>) l) {
        if (item instanceof Number x && e instanceof Number y ? x.doubleValue() == y.doubleValue() : Objects.equals(item, e)) {
          return Tri.TRUE;
        }
      }
      return Tri.FALSE;
    }

    @Override
    int cost() {
      return 3;
    }
  }

  /** A boolean-valued {@link Val} used as a condition. */
  static final class IsTrue extends Cond {
    final Val value;

    IsTrue(Val value) {
      this.value = value;
    }

    @Override
    long eval(EvalContext c) {
      Object v = value.eval(c);
      long m = Val.maskOf(v);
      return m != 0 ? Tri.unknown(m) : Tri.of(Boolean.TRUE.equals(v));
    }
  }
}
