package org.caveat.program;

import java.util.List;
import org.caveat.model.Attribute;

/**
 * A value expression inside a condition: constants, request attributes, geographic functions of
 * the target and arithmetic. {@link #eval} returns the value (String, Double, Boolean, List,
 * ZoneRef, Instant, GeoPoint) or a {@link Missing} naming the attributes it lacks.
 */
public abstract class Val {
  abstract Object eval(EvalContext c);

  /** The value of an expression made only of constants (it reads no request): folded at compile time. */
  public final Object constantValue() {
    return eval(null);
  }

  /** A value that could not be computed because attributes are missing. */
  record Missing(long mask) {}

  static long maskOf(Object v) {
    return v instanceof Missing m ? m.mask() : 0;
  }

  public static final class Const extends Val {
    final Object value;

    public Const(Object value) {
      this.value = value;
    }

    public Object value() {
      return value;
    }

    @Override
    Object eval(EvalContext c) {
      return value;
    }
  }

  public static final class Attr extends Val {
    final Attribute attribute;
    private final Missing missing;

    public Attr(Attribute attribute) {
      this.attribute = attribute;
      this.missing = new Missing(attribute.bit());
    }

    public Attribute attribute() {
      return attribute;
    }

    @Override
    Object eval(EvalContext c) {
      Object v = c.value(attribute);
      return v == null ? missing : v;
    }
  }

  /** {@code country(target.location)}: "" outside the shipped countries (known, not missing). */
  public static final class Country extends Val {
    @Override
    Object eval(EvalContext c) {
      String s = c.country();
      return s == null ? "" : s;
    }
  }

  /** {@code region(target.location)}: "" outside the shipped regions. */
  public static final class Region extends Val {
    @Override
    Object eval(EvalContext c) {
      String s = c.region();
      return s == null ? "" : s;
    }
  }

  /** {@code waters(target.location)}: "land", "internal_or_territorial" or "high_seas". */
  public static final class Waters extends Val {
    @Override
    Object eval(EvalContext c) {
      return c.location().waters().label();
    }
  }

  /** {@code distance_km(target.location, zone)}. */
  public static final class Distance extends Val {
    final ZoneRef zone;

    public Distance(ZoneRef zone) {
      this.zone = zone;
    }

    public ZoneRef zone() {
      return zone;
    }

    @Override
    Object eval(EvalContext c) {
      return c.distanceKm(zone.slot(), zone.zone());
    }
  }

  /** {@code within(target.location, zone)} as a value. */
  public static final class Within extends Val {
    final ZoneRef zone;

    public Within(ZoneRef zone) {
      this.zone = zone;
    }

    @Override
    Object eval(EvalContext c) {
      return zone.zone().contains(c.lat(), c.lon());
    }
  }

  /** +, -, *, / on numbers; CEL has checked the operand types. */
  public static final class Arith extends Val {
    final char op;
    final Val left, right;

    public Arith(char op, Val left, Val right) {
      this.op = op;
      this.left = left;
      this.right = right;
    }

    @Override
    Object eval(EvalContext c) {
      Object a = left.eval(c), b = right.eval(c);
      long m = maskOf(a) | maskOf(b);
      if (m != 0) return new Missing(m);
      double x = ((Number) a).doubleValue(), y = ((Number) b).doubleValue();
      return switch (op) {
        case '+' -> x + y;
        case '-' -> x - y;
        case '*' -> x * y;
        case '/' -> x / y;
        default -> throw new AssertionError(op);
      };
    }
  }

  public static final class Negate extends Val {
    final Val operand;

    public Negate(Val operand) {
      this.operand = operand;
    }

    @Override
    Object eval(EvalContext c) {
      Object a = operand.eval(c);
      return a instanceof Number n ? -n.doubleValue() : a;
    }
  }

  public static final class ListOf extends Val {
    final List<Val> items;

    public ListOf(List<Val> items) {
      this.items = items;
    }

    @Override
    Object eval(EvalContext c) {
      Object[] out = new Object[items.size()];
      long m = 0;
      for (int i = 0; i < out.length; i++) {
        out[i] = items.get(i).eval(c);
        m |= maskOf(out[i]);
      }
      return m != 0 ? new Missing(m) : List.of(out);
    }
  }
}
