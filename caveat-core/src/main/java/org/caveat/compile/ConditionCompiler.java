package org.caveat.compile;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.parser.CelUnparser;
import dev.cel.parser.CelUnparserFactory;
import dev.cel.runtime.CelRuntime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.caveat.check.CelEnvironment;
import org.caveat.check.ConditionCheck;
import org.caveat.model.Attribute;
import org.caveat.policy.Diagnostic;
import org.caveat.policy.SourceMap;
import org.caveat.program.CelFallback;
import org.caveat.program.CompiledCondition;
import org.caveat.program.Cond;
import org.caveat.program.Conjunct;
import org.caveat.program.Predicates;
import org.caveat.program.Val;
import org.caveat.program.ZoneRef;

/**
 * Turns CEL source into a {@link CompiledCondition}: {@link ConditionCheck} parses and checks it
 * (every problem a positioned diagnostic); this class lowers the checked AST into specialised
 * predicates, falling back to cel-java's interpreter for constructs it does not specialise.
 */
final class ConditionCompiler {
  private static final CelUnparser UNPARSER = CelUnparserFactory.newUnparser();

  private final ConditionCheck check;
  private final CelRuntime runtime;
  private final Map<String, ZoneRef> zones;
  private final Map<String, Object> assumptions;
  private final boolean checkOnly;

  /**
   * @param checkOnly report diagnostics without building programs (used when zones failed, so
   *                  that one run still reports every problem of the file)
   */
  ConditionCompiler(CelEnvironment env, CelRuntime runtime, Map<String, ZoneRef> zones,
      Map<String, Object> assumptions, Set<String> regionCodes, List<Diagnostic> diagnostics, boolean checkOnly) {
    this.checkOnly = checkOnly;
    this.check = new ConditionCheck(env, regionCodes, diagnostics);
    this.runtime = runtime;
    this.zones = zones;
    this.assumptions = assumptions;
  }

  /** Compiles, or returns null after adding diagnostics. */
  CompiledCondition compile(String text, SourceMap map) {
    return compile(text, map, null, null);
  }

  /** Compiles a version's scope, which must also confine the version to its grantor. */
  CompiledCondition compileScope(String text, SourceMap map, String grant, String grantor) {
    return compile(text, map, grant, grantor);
  }

  private CompiledCondition compile(String text, SourceMap map, String grant, String grantor) {
    CelAbstractSyntaxTree ast = check.check(text, map, grant, grantor);
    if (ast == null || checkOnly) return null;
    Cond whole = condOrFallback(ast, ast.getExpr());
    List<Conjunct> conjuncts = new ArrayList<>();
    for (CelExpr part : ConditionCheck.conjunctsOf(ast.getExpr(), new ArrayList<>())) {
      conjuncts.add(conjunct(ast, part));
    }
    return new CompiledCondition(whole, conjuncts, text);
  }

  private Conjunct conjunct(CelAbstractSyntaxTree ast, CelExpr e) {
    String text = unparse(ast, e);
    Cond cond = condOrFallback(ast, e);
    if (e.getKind() == CelExpr.ExprKind.Kind.CALL) {
      Predicates.Op op = Predicates.Op.ofFunction(e.call().function());
      if (op != null) {
        Val l = val(e.call().args().get(0)), r = val(e.call().args().get(1));
        if (l != null && r != null) {
          return new Conjunct(text, cond, l, op, r, unparse(ast, e.call().args().get(1)));
        }
      } else if (e.call().function().equals("@in")) {
        return new Conjunct(text, cond, val(e.call().args().get(0)), null, null, null);
      }
    }
    return new Conjunct(text, cond, null, null, null, null);
  }

  /** Source text of a sub-expression, re-printed by cel-java; the raw text where it cannot (macros). */
  private static String unparse(CelAbstractSyntaxTree ast, CelExpr e) {
    try {
      return UNPARSER.unparse(CelAbstractSyntaxTree.newParsedAst(e, ast.getSource()));
    } catch (RuntimeException macroOrUnsupported) {
      Integer offset = ast.getSource().getPositionsMap().get(e.id());
      String content = ast.getSource().getContent().toString();
      if (offset == null || offset >= content.length()) return content.strip();
      int end = content.indexOf("&&", offset);
      return content.substring(offset, end < 0 ? content.length() : end).strip();
    }
  }

  private Cond condOrFallback(CelAbstractSyntaxTree ast, CelExpr e) {
    Cond c = cond(e);
    if (c != null) return c;
    EnumSet<Attribute> reads = EnumSet.noneOf(Attribute.class);
    collectAttributes(e, reads);
    CelAbstractSyntaxTree sub = CelAbstractSyntaxTree.newCheckedAst(e, ast.getSource(), ast.getReferenceMap(), ast.getTypeMap());
    return new CelFallback(runtime, sub, List.copyOf(reads), fallbackConstants(zones, assumptions));
  }

  /** The names an interpreted condition may read besides attributes: zones, assumptions, constant lists. */
  static Map<String, Object> fallbackConstants(Map<String, ZoneRef> zones, Map<String, Object> assumptions) {
    Map<String, Object> constants = new java.util.HashMap<>();
    zones.forEach((n, z) -> constants.put("zones." + n, z));
    assumptions.forEach((n, v) -> constants.put("assume." + n, v));
    constants.putAll(CelEnvironment.CONSTANT_LISTS);
    return constants;
  }

  private static void collectAttributes(CelExpr e, Set<Attribute> out) {
    switch (e.getKind()) {
      case IDENT -> {
        Attribute a = Attribute.byCelName(e.ident().name());
        if (a != null) out.add(a);
      }
      case CALL -> {
        e.call().target().ifPresent(t -> collectAttributes(t, out));
        e.call().args().forEach(a -> collectAttributes(a, out));
      }
      case SELECT -> collectAttributes(e.select().operand(), out);
      case LIST -> e.list().elements().forEach(a -> collectAttributes(a, out));
      case COMPREHENSION -> {
        collectAttributes(e.comprehension().iterRange(), out);
        collectAttributes(e.comprehension().accuInit(), out);
        collectAttributes(e.comprehension().loopCondition(), out);
        collectAttributes(e.comprehension().loopStep(), out);
        collectAttributes(e.comprehension().result(), out);
      }
      default -> { }
    }
  }

  /** A specialised condition, or null when some part needs the interpreter. */
  private Cond cond(CelExpr e) {
    switch (e.getKind()) {
      case CONSTANT:
        return e.constant().getKind() == CelConstant.Kind.BOOLEAN_VALUE ? new Cond.Const(e.constant().booleanValue()) : null;
      case IDENT: {
        Attribute a = Attribute.byCelName(e.ident().name());
        if (a != null && a.type() == Attribute.Type.BOOL) return new Predicates.AttrIn(a, Set.of(Boolean.TRUE));
        Val v = val(e);
        return v instanceof Val.Const c && c.value() instanceof Boolean b ? new Cond.Const(b) : null;
      }
      case CALL:
        return call(e);
      default:
        return null;
    }
  }

  private Cond call(CelExpr e) {
    String fn = e.call().function();
    List<CelExpr> args = e.call().args();
    switch (fn) {
      case "_&&_", "_||_": {
        List<Cond> parts = new ArrayList<>();
        for (CelExpr a : args) {
          Cond c = cond(a);
          if (c == null) return null;
          parts.add(c);
        }
        return fn.equals("_&&_") ? new Cond.And(parts) : new Cond.Or(parts);
      }
      case "!_": {
        Cond c = cond(args.get(0));
        return c == null ? null : new Cond.Not(c);
      }
      case "_?_:_": {
        Cond t = cond(args.get(0)), a = cond(args.get(1)), b = cond(args.get(2));
        return t == null || a == null || b == null ? null : new Cond.Ternary(t, a, b);
      }
      case "within": {
        ZoneRef z = zoneArg(args);
        return z == null ? null : new Predicates.WithinZone(z);
      }
      case "@in":
        return in(args.get(0), args.get(1));
      default:
        Predicates.Op op = Predicates.Op.ofFunction(fn);
        return op == null ? null : compare(args.get(0), op, args.get(1));
    }
  }

  private Cond in(CelExpr element, CelExpr list) {
    Val l = val(list);
    Val x = val(element);
    if (l == null || x == null) return null;
    if (l instanceof Val.Const c && c.value() instanceof List<?> items) {
      Set<Object> set = new LinkedHashSet<>(items);
      Cond fast = membership(x, set);
      if (fast != null) return fast;
    }
    return new Predicates.In(x, l);
  }

  private Cond compare(CelExpr left, Predicates.Op op, CelExpr right) {
    Val l = val(left), r = val(right);
    if (l == null || r == null) return null;
    if (l instanceof Val.Const && !(r instanceof Val.Const)) {
      Val t = l; l = r; r = t;
      op = op.flip();
    }
    if (r instanceof Val.Const c) {
      if (op == Predicates.Op.EQ || op == Predicates.Op.NE) {
        Cond m = membership(l, Set.of(c.value()));
        if (m != null) return op == Predicates.Op.EQ ? m : new Cond.Not(m);
      }
      if (l instanceof Val.Distance d && c.value() instanceof Number n) {
        return new Predicates.DistanceCmp(d.zone(), op, n.doubleValue());
      }
    }
    return new Predicates.Compare(l, op, r);
  }

  /** Set-membership fast paths for attributes, country and region; null otherwise. */
  private static Cond membership(Val x, Set<Object> values) {
    if (x instanceof Val.Attr a && a.attribute().type() != Attribute.Type.DOUBLE) {
      return new Predicates.AttrIn(a.attribute(), values);
    }
    if (x instanceof Val.Country || x instanceof Val.Region) {
      Set<String> codes = new LinkedHashSet<>();
      for (Object v : values) codes.add(String.valueOf(v));
      return x instanceof Val.Country ? new Predicates.CountryIn(codes) : new Predicates.RegionIn(codes);
    }
    return null;
  }

  private ZoneRef zoneArg(List<CelExpr> args) {
    if (args.size() != 2 || !isTargetLocation(args.get(0))) return null;
    Val z = val(args.get(1));
    return z instanceof Val.Const c && c.value() instanceof ZoneRef ref ? ref : null;
  }

  private static boolean isTargetLocation(CelExpr e) {
    return e.getKind() == CelExpr.ExprKind.Kind.IDENT && e.ident().name().equals(Attribute.TARGET_LOCATION.celName());
  }

  /** A value node, or null when the expression needs the interpreter. */
  private Val val(CelExpr e) {
    switch (e.getKind()) {
      case CONSTANT: {
        CelConstant c = e.constant();
        return switch (c.getKind()) {
          case BOOLEAN_VALUE -> new Val.Const(c.booleanValue());
          case INT64_VALUE -> new Val.Const((double) c.int64Value());
          case UINT64_VALUE -> new Val.Const(c.uint64Value().doubleValue());
          case DOUBLE_VALUE -> new Val.Const(c.doubleValue());
          case STRING_VALUE -> new Val.Const(c.stringValue());
          default -> null;
        };
      }
      case IDENT: {
        String name = e.ident().name();
        Attribute a = Attribute.byCelName(name);
        if (a != null) return new Val.Attr(a);
        if (name.startsWith("zones.")) return new Val.Const(zones.get(name.substring(6)));
        if (name.startsWith("assume.")) return new Val.Const(assumptions.get(name.substring(7)));
        List<String> list = CelEnvironment.CONSTANT_LISTS.get(name);
        return list == null ? null : new Val.Const(list);
      }
      case LIST: {
        List<Val> items = new ArrayList<>();
        List<Object> constants = new ArrayList<>();
        for (CelExpr item : e.list().elements()) {
          Val v = val(item);
          if (v == null) return null;
          items.add(v);
          if (v instanceof Val.Const c) constants.add(c.value());
        }
        return constants.size() == items.size() ? new Val.Const(List.copyOf(constants)) : new Val.ListOf(items);
      }
      case CALL:
        return callVal(e);
      default:
        return null;
    }
  }

  private Val callVal(CelExpr e) {
    String fn = e.call().function();
    List<CelExpr> args = e.call().args();
    switch (fn) {
      case "country", "region", "waters":
        if (!isTargetLocation(args.get(0))) return null;
        return fn.equals("country") ? new Val.Country() : fn.equals("region") ? new Val.Region() : new Val.Waters();
      case "distance_km": {
        ZoneRef z = zoneArg(args);
        return z == null ? null : new Val.Distance(z);
      }
      case "within": {
        ZoneRef z = zoneArg(args);
        return z == null ? null : new Val.Within(z);
      }
      case "-_": {
        Val v = val(args.get(0));
        return v == null ? null : new Val.Negate(v);
      }
      case "_+_", "_-_", "_*_", "_/_": {
        Val a = val(args.get(0)), b = val(args.get(1));
        if (a == null || b == null) return null;
        Val arith = new Val.Arith(fn.charAt(1), a, b);
        if (a instanceof Val.Const && b instanceof Val.Const) {
          Object folded = arith.constantValue();
          return folded instanceof Number ? new Val.Const(folded) : null;
        }
        return arith;
      }
      default:
        return null;
    }
  }
}
