package org.caveat.program;

/**
 * One top-level {@code &&} operand of a condition. For comparisons it keeps both sides so an
 * explanation can say "212.3 km; the limit is 100 km".
 */
public final class Conjunct {
  private final String text;
  final Cond cond;
  final Val left, right;
  final Predicates.Op op;
  final String rightText;

  public Conjunct(String text, Cond cond, Val left, Predicates.Op op, Val right, String rightText) {
    this.text = text;
    this.cond = cond;
    this.left = left;
    this.op = op;
    this.right = right;
    this.rightText = rightText;
  }

  public String text() {
    return text;
  }

  public long eval(EvalContext c) {
    return cond.eval(c);
  }

  /** For a numeric comparison, the actual value, the operator and the limit; otherwise null. */
  public Measured measure(EvalContext c) {
    if (left == null || right == null) return null;
    Object a = left.eval(c), b = right.eval(c);
    if (a instanceof Number x && b instanceof Number y) {
      return new Measured(x.doubleValue(), op.symbol, y.doubleValue(), rightText);
    }
    return null;
  }

  /** For an equality or membership test, the actual value (a String or Boolean); else null. */
  public Object actual(EvalContext c) {
    if (left == null) return null;
    Object a = left.eval(c);
    return a instanceof Val.Missing ? null : a;
  }

  /** A measured comparison: {@code actual op limit}, with the limit's source text. */
  public record Measured(double actual, String op, double limit, String limitText) {}
}
