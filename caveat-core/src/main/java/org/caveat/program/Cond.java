package org.caveat.program;

import java.util.List;

/**
 * A compiled boolean condition evaluated with Kleene logic into a {@link Tri} result. Each node
 * reports a rough {@link #cost} so conjunctions and disjunctions test cheap parts first; the
 * order does not change results, because Kleene AND and OR are commutative.
 */
public abstract class Cond {
  abstract long eval(EvalContext c);

  /** Relative cost: 1 for attribute tests, more for geography. */
  int cost() {
    return 1;
  }

  public static final class Const extends Cond {
    final long value;

    public Const(boolean value) {
      this.value = Tri.of(value);
    }

    @Override
    long eval(EvalContext c) {
      return value;
    }
  }

  public static final class And extends Cond {
    final Cond[] parts;

    public And(List<Cond> parts) {
      this.parts = parts.stream().sorted(java.util.Comparator.comparingInt(Cond::cost)).toArray(Cond[]::new);
    }

    @Override
    long eval(EvalContext c) {
      long unknown = 0;
      boolean anyUnknown = false;
      for (Cond p : parts) {
        long r = p.eval(c);
        if (r == Tri.FALSE) return Tri.FALSE;
        if (Tri.isUnknown(r)) {
          anyUnknown = true;
          unknown |= Tri.missing(r);
        }
      }
      return anyUnknown ? Tri.unknown(unknown) : Tri.TRUE;
    }

    @Override
    int cost() {
      int s = 0;
      for (Cond p : parts) s += p.cost();
      return s;
    }
  }

  public static final class Or extends Cond {
    final Cond[] parts;

    public Or(List<Cond> parts) {
      this.parts = parts.stream().sorted(java.util.Comparator.comparingInt(Cond::cost)).toArray(Cond[]::new);
    }

    @Override
    long eval(EvalContext c) {
      long unknown = 0;
      boolean anyUnknown = false;
      for (Cond p : parts) {
        long r = p.eval(c);
        if (r == Tri.TRUE) return Tri.TRUE;
        if (Tri.isUnknown(r)) {
          anyUnknown = true;
          unknown |= Tri.missing(r);
        }
      }
      return anyUnknown ? Tri.unknown(unknown) : Tri.FALSE;
    }

    @Override
    int cost() {
      int s = 0;
      for (Cond p : parts) s += p.cost();
      return s;
    }
  }

  public static final class Not extends Cond {
    final Cond part;

    public Not(Cond part) {
      this.part = part;
    }

    @Override
    long eval(EvalContext c) {
      return Tri.not(part.eval(c));
    }

    @Override
    int cost() {
      return part.cost();
    }
  }

  /** {@code c ? a : b}: unknown c is resolved only when both branches agree. */
  public static final class Ternary extends Cond {
    final Cond test, then, otherwise;

    public Ternary(Cond test, Cond then, Cond otherwise) {
      this.test = test;
      this.then = then;
      this.otherwise = otherwise;
    }

    @Override
    long eval(EvalContext c) {
      long t = test.eval(c);
      if (t == Tri.TRUE) return then.eval(c);
      if (t == Tri.FALSE) return otherwise.eval(c);
      long a = then.eval(c), b = otherwise.eval(c);
      if (a == b && !Tri.isUnknown(a)) return a;
      return Tri.unknown(Tri.missing(t) | Tri.missing(a) | Tri.missing(b));
    }

    @Override
    int cost() {
      return test.cost() + then.cost() + otherwise.cost();
    }
  }
}
