package org.caveat.record;

import dev.cel.common.CelValidationException;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.parser.CelParser;
import dev.cel.parser.CelParserFactory;
import dev.cel.parser.CelStandardMacro;
import java.util.SortedSet;
import java.util.TreeSet;
import org.caveat.policy.PolicyVersion;
import org.caveat.policy.Rule;

/**
 * The weapon classes and systems a version singles out: the string values its scope and rule
 * conditions compare {@code weapon.class} or {@code weapon.system} with ({@code ==}, {@code !=},
 * {@code in [...]}). Read from the conditions' CEL syntax trees, so a probe is made for each weapon
 * the version itself names and for no other.
 */
record NamedWeapons(SortedSet<String> classes, SortedSet<String> systems) {
  private static final CelParser PARSER = CelParserFactory.standardCelParserBuilder()
      .setStandardMacros(CelStandardMacro.STANDARD_MACROS).build();

  static NamedWeapons of(PolicyVersion v) {
    NamedWeapons out = new NamedWeapons(new TreeSet<>(), new TreeSet<>());
    out.read(v.scope());
    for (Rule r : v.rules()) out.read(r.when());
    return out;
  }

  private void read(String condition) {
    if (condition == null || condition.isBlank()) return;
    try {
      walk(PARSER.parse(condition).getAst().getExpr());
    } catch (CelValidationException e) {
      // Unreachable for a loaded engine: every condition compiled; a condition that did not parse names nothing.
    }
  }

  private void walk(CelExpr e) {
    if (e.getKind() == CelExpr.ExprKind.Kind.CALL) {
      var call = e.call();
      var args = call.args();
      if ((call.function().equals("_==_") || call.function().equals("_!=_")) && args.size() == 2) {
        compared(args.get(0), args.get(1));
        compared(args.get(1), args.get(0));
      } else if (call.function().equals("@in") && args.size() == 2 && args.get(1).getKind() == CelExpr.ExprKind.Kind.LIST) {
        for (CelExpr item : args.get(1).list().elements()) compared(args.get(0), item);
      }
      call.target().ifPresent(this::walk);
      args.forEach(this::walk);
    } else if (e.getKind() == CelExpr.ExprKind.Kind.LIST) {
      e.list().elements().forEach(this::walk);
    }
  }

  private void compared(CelExpr subject, CelExpr literal) {
    if (literal.getKind() != CelExpr.ExprKind.Kind.CONSTANT
        || literal.constant().getKind() != CelConstant.Kind.STRING_VALUE) {
      return;
    }
    String name = qualified(subject);
    if ("weapon.class".equals(name)) classes.add(literal.constant().stringValue());
    if ("weapon.system".equals(name)) systems.add(literal.constant().stringValue());
  }

  /** {@code weapon.class} parsed (not type-checked) is a selection of field {@code class} from {@code weapon}. */
  private static String qualified(CelExpr e) {
    if (e.getKind() == CelExpr.ExprKind.Kind.IDENT) return e.ident().name();
    if (e.getKind() == CelExpr.ExprKind.Kind.SELECT) {
      String operand = qualified(e.select().operand());
      return operand == null ? null : operand + "." + e.select().field();
    }
    return null;
  }
}
