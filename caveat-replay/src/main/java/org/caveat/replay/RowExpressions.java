package org.caveat.replay;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.ast.CelReference;
import dev.cel.common.types.CelKind;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The common forms of mapping expressions as plain Java over a row's columns, so most rows never
 * enter the CEL interpreter, whose value conversion dominated a replay's cost on Java 17.
 *
 * <p>Compiled from the checked AST, dispatching on the overload CEL's checker chose, so each form
 * means what CEL means by it: column reads, string/int/double/bool literals, {@code ? :},
 * {@code ||}, {@code &&}, {@code !}, {@code ==}/{@code !=} between strings, bools or ints,
 * {@code <}/{@code <=}/{@code >}/{@code >=} between two ints or two doubles, {@code in} a list of
 * string literals, {@code contains}/{@code startsWith}/{@code endsWith}, {@code size},
 * {@code lowerAscii}/{@code upperAscii} and {@code double(string)}. An expression with any other
 * form is not compiled (null) and stays with CEL. Where CEL would fail or could differ from plain
 * Java (a number that does not parse, a NaN compared), evaluation throws {@link #UNDECIDED} and
 * the caller evaluates the row through CEL instead, which also reports any error exactly as before.
 */
final class RowExpressions {
  /** One compiled expression; pure and thread-safe. */
  interface Value {
    /** @throws Undecided when CEL must decide this row */
    Object eval(RowCells row);
  }

  /** Thrown when a row is left to CEL; preallocated, without a stack trace (it is control flow). */
  static final class Undecided extends RuntimeException {
    private Undecided() {
      super("left to CEL", null, false, false);
    }
  }

  static final Undecided UNDECIDED = new Undecided();

  private final CelAbstractSyntaxTree ast;

  private RowExpressions(CelAbstractSyntaxTree ast) {
    this.ast = ast;
  }

  /** The expression as Java, or null when it has a form left to CEL. */
  static Value compile(CelAbstractSyntaxTree ast) {
    return new RowExpressions(ast).value(ast.getExpr());
  }

  private Value value(CelExpr e) {
    return switch (e.getKind()) {
      case CONSTANT -> constant(e.constant());
      case IDENT -> column(e.ident().name());
      case CALL -> call(e);
      default -> null;
    };
  }

  private static Value constant(CelConstant c) {
    Object v = switch (c.getKind()) {
      case STRING_VALUE -> c.stringValue();
      case INT64_VALUE -> c.int64Value();
      case DOUBLE_VALUE -> c.doubleValue();
      case BOOLEAN_VALUE -> c.booleanValue();
      default -> null;
    };
    return v == null ? null : row -> v;
  }

  private static Value column(String name) {
    if (!name.startsWith("row.")) return null;
    Integer i = AcledColumns.INDEX.get(name.substring(4));
    if (i == null) return null;
    int index = i;
    return row -> row.get(index);
  }

  private Value call(CelExpr e) {
    CelExpr.CelCall call = e.call();
    List<CelExpr> operands = new java.util.ArrayList<>();
    call.target().ifPresent(operands::add);
    operands.addAll(call.args());
    String overload = ast.getReference(e.id()).map(RowExpressions::single).orElse(null);
    if (overload == null) return null;
    if (overload.equals("in_list")) return in(operands);
    Value keyword = keyword(overload, operands);
    if (keyword != null) return keyword;
    if (overload.equals("logical_or") || overload.equals("logical_and")) return chain(e, overload);
    Value[] o = new Value[operands.size()];
    for (int i = 0; i < o.length; i++) {
      o[i] = value(operands.get(i));
      if (o[i] == null) return null;
    }
    if (o.length == 1) return unary(overload, o[0]);
    if (o.length == 2) return binary(overload, o[0], o[1], operands);
    if (o.length == 3 && overload.equals("conditional")) {
      Value c = o[0];
      Value a = o[1];
      Value b = o[2];
      return row -> (Boolean) c.eval(row) ? a.eval(row) : b.eval(row);
    }
    return null;
  }

  /**
   * A string test of a column against a literal, {@code row.notes.contains("HIMARS")}, as one step
   * (the form most mappings are made of), or null for any other shape. {@code contains} first asks
   * the row's pair signature ({@link RowCells}), which rules most literals out without a scan.
   */
  private static Value keyword(String overload, List<CelExpr> operands) {
    if (operands.size() != 2 || operands.get(0).getKind() != CelExpr.ExprKind.Kind.IDENT) return null;
    CelExpr arg = operands.get(1);
    if (arg.getKind() != CelExpr.ExprKind.Kind.CONSTANT || arg.constant().getKind() != CelConstant.Kind.STRING_VALUE) {
      return null;
    }
    String name = operands.get(0).ident().name();
    Integer column = name.startsWith("row.") ? AcledColumns.INDEX.get(name.substring(4)) : null;
    if (column == null) return null;
    int c = column;
    String literal = arg.constant().stringValue();
    long[] pairs = RowCells.signature(literal);
    return switch (overload) {
      case "contains_string" -> row -> row.contains(c, literal, pairs);
      case "starts_with_string" -> row -> row.get(c).startsWith(literal);
      case "ends_with_string" -> row -> row.get(c).endsWith(literal);
      case "equals" -> row -> row.get(c).equals(literal);
      case "not_equals" -> row -> !row.get(c).equals(literal);
      default -> null;
    };
  }

  /** A run of {@code ||} (or of {@code &&}) as one loop over its operands, left to right as CEL writes them. */
  private Value chain(CelExpr e, String overload) {
    List<Value> terms = new java.util.ArrayList<>();
    if (!flatten(e, overload, terms)) return null;
    Value[] t = terms.toArray(Value[]::new);
    boolean or = overload.equals("logical_or");
    return row -> {
      for (Value v : t) if ((Boolean) v.eval(row) == or) return or;
      return !or;
    };
  }

  private boolean flatten(CelExpr e, String overload, List<Value> terms) {
    if (e.getKind() == CelExpr.ExprKind.Kind.CALL && overload.equals(ast.getReference(e.id()).map(RowExpressions::single).orElse(null))) {
      for (CelExpr a : e.call().args()) if (!flatten(a, overload, terms)) return false;
      return true;
    }
    Value v = value(e);
    if (v == null) return false;
    terms.add(v);
    return true;
  }

  private static String single(CelReference r) {
    return r.overloadIds().size() == 1 ? r.overloadIds().get(0) : null;
  }

  private static Value unary(String overload, Value a) {
    return switch (overload) {
      case "logical_not" -> row -> !(Boolean) a.eval(row);
      case "size_string", "string_size" -> row -> {
        String s = (String) a.eval(row);
        return (long) s.codePointCount(0, s.length());
      };
      case "string_lower_ascii" -> row -> ascii((String) a.eval(row), 'A', 'a');
      case "string_upper_ascii" -> row -> ascii((String) a.eval(row), 'a', 'A');
      case "string_to_double" -> row -> {
        try {
          return Double.parseDouble((String) a.eval(row));
        } catch (NumberFormatException notANumber) {
          throw UNDECIDED;
        }
      };
      default -> null;
    };
  }

  private Value binary(String overload, Value a, Value b, List<CelExpr> operands) {
    return switch (overload) {
      case "logical_or" -> row -> (Boolean) a.eval(row) || (Boolean) b.eval(row);
      case "logical_and" -> row -> (Boolean) a.eval(row) && (Boolean) b.eval(row);
      case "contains_string" -> row -> ((String) a.eval(row)).contains((String) b.eval(row));
      case "starts_with_string" -> row -> ((String) a.eval(row)).startsWith((String) b.eval(row));
      case "ends_with_string" -> row -> ((String) a.eval(row)).endsWith((String) b.eval(row));
      case "equals", "not_equals" -> {
        if (!sameKind(operands, CelKind.STRING, CelKind.BOOL, CelKind.INT)) yield null;
        boolean equal = overload.equals("equals");
        yield row -> a.eval(row).equals(b.eval(row)) == equal;
      }
      case "less_int64" -> row -> (Long) a.eval(row) < (Long) b.eval(row);
      case "less_equals_int64" -> row -> (Long) a.eval(row) <= (Long) b.eval(row);
      case "greater_int64" -> row -> (Long) a.eval(row) > (Long) b.eval(row);
      case "greater_equals_int64" -> row -> (Long) a.eval(row) >= (Long) b.eval(row);
      case "less_double" -> row -> number(a, row) < number(b, row);
      case "less_equals_double" -> row -> number(a, row) <= number(b, row);
      case "greater_double" -> row -> number(a, row) > number(b, row);
      case "greater_equals_double" -> row -> number(a, row) >= number(b, row);
      default -> null;
    };
  }

  /** A double operand of an ordering; NaN is left to CEL. */
  private static double number(Value v, RowCells row) {
    double d = (Double) v.eval(row);
    if (Double.isNaN(d)) throw UNDECIDED;
    return d;
  }

  /** Both operands have one of the kinds, the same one. */
  private boolean sameKind(List<CelExpr> operands, CelKind... kinds) {
    CelKind a = kind(operands.get(0));
    return a != null && a == kind(operands.get(1)) && List.of(kinds).contains(a);
  }

  private CelKind kind(CelExpr e) {
    return ast.getType(e.id()).map(t -> t.kind()).orElse(null);
  }

  /** {@code string in [literal, …]}: a set lookup. */
  private Value in(List<CelExpr> operands) {
    if (operands.size() != 2 || kind(operands.get(0)) != CelKind.STRING
        || operands.get(1).getKind() != CelExpr.ExprKind.Kind.LIST) {
      return null;
    }
    Value a = value(operands.get(0));
    if (a == null) return null;
    Set<String> members = new HashSet<>();
    for (CelExpr m : operands.get(1).list().elements()) {
      if (m.getKind() != CelExpr.ExprKind.Kind.CONSTANT
          || m.constant().getKind() != CelConstant.Kind.STRING_VALUE) {
        return null;
      }
      members.add(m.constant().stringValue());
    }
    return row -> members.contains((String) a.eval(row));
  }

  /** The text with ASCII letters from {@code from}'s case to {@code to}'s; other characters as they are. */
  private static String ascii(String s, char from, char to) {
    char[] c = s.toCharArray();
    for (int i = 0; i < c.length; i++) if (c[i] >= from && c[i] <= from + 25) c[i] = (char) (c[i] - from + to);
    return new String(c);
  }
}
