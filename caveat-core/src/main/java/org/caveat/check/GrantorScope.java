package org.caveat.check;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import java.util.List;
import org.caveat.model.Attribute;
import org.caveat.policy.Diagnostic;
import org.caveat.policy.SourceMap;

/**
 * A version decides only weapons of its own grantor: a {@code us-ua} version whose scope reads
 * {@code weapon.origin == "DE"} would change decisions about German weapons on the authority of
 * whoever may publish US versions. Checked on the scope's AST, so every way in (packs,
 * {@code caveat validate}, change requests) refuses it the same way:
 *
 * <ul>
 *   <li>{@code scope.foreign_origin}: the scope compares {@code weapon.origin} by {@code ==} or
 *       {@code in} with a country other than the grantor (at that literal);
 *   <li>{@code scope.grantor}: otherwise, no top-level {@code &&} part of the scope is
 *       {@code weapon.origin == "<grantor>"} (or {@code weapon.origin in ["<grantor>"]}), so the
 *       scope does not confine the version to the grantor's weapons (at the scope's start).
 * </ul>
 *
 * A scope may narrow further ({@code weapon.origin == "US" && weapon.class == "rocket_artillery"});
 * the default scope, when none is written, is {@code weapon.origin == "<grantor>"}. The decider
 * enforces the same rule at run time whatever a scope says.
 */
final class GrantorScope {
  private GrantorScope() {}

  static void check(CelAbstractSyntaxTree ast, SourceMap at, String grant, String grantor, List<Diagnostic> out) {
    int before = out.size();
    foreign(ast, ast.getExpr(), at, grant, grantor, out);
    if (out.size() > before) return;
    for (CelExpr part : ConditionCheck.conjunctsOf(ast.getExpr(), new java.util.ArrayList<>())) {
      if (pinsOrigin(part, grantor)) return;
    }
    out.add(new Diagnostic("scope.grantor", at.start(), "the scope of a `" + grant + "` version does not confine it"
        + " to weapons of its grantor " + grantor + "; a version may only decide weapons of its own grantor",
        "make `weapon.origin == \"" + grantor + "\"` one of the scope's && parts, or leave `scope` out"
            + " (that is the default)"));
  }

  /** Every {@code weapon.origin == "XX"} or {@code weapon.origin in [.., "XX", ..]} with XX not the grantor. */
  private static void foreign(CelAbstractSyntaxTree ast, CelExpr e, SourceMap at, String grant, String grantor,
      List<Diagnostic> out) {
    if (e.getKind() == CelExpr.ExprKind.Kind.CALL) {
      String fn = e.call().function();
      List<CelExpr> args = e.call().args();
      if (fn.equals("_==_") && args.size() == 2) {
        if (isOrigin(args.get(0))) foreignLiteral(ast, args.get(1), at, grant, grantor, out);
        if (isOrigin(args.get(1))) foreignLiteral(ast, args.get(0), at, grant, grantor, out);
      } else if (fn.equals("@in") && args.size() == 2 && isOrigin(args.get(0))
          && args.get(1).getKind() == CelExpr.ExprKind.Kind.LIST) {
        for (CelExpr item : args.get(1).list().elements()) foreignLiteral(ast, item, at, grant, grantor, out);
      }
      e.call().target().ifPresent(t -> foreign(ast, t, at, grant, grantor, out));
      args.forEach(a -> foreign(ast, a, at, grant, grantor, out));
    } else if (e.getKind() == CelExpr.ExprKind.Kind.LIST) {
      e.list().elements().forEach(a -> foreign(ast, a, at, grant, grantor, out));
    }
  }

  private static void foreignLiteral(CelAbstractSyntaxTree ast, CelExpr literal, SourceMap at, String grant,
      String grantor, List<Diagnostic> out) {
    String value = string(literal);
    if (value == null || value.equals(grantor)) return;
    out.add(new Diagnostic("scope.foreign_origin", VocabularyCheck.spanOf(ast, literal, at), "the scope of a `" + grant
        + "` version names weapons of origin " + value + ", but a version may only decide weapons of its own grantor "
        + grantor, "write `weapon.origin == \"" + grantor + "\"` (the default when `scope` is left out); rules for "
        + value + "'s weapons belong in a grant whose grantor is " + value));
  }

  private static boolean pinsOrigin(CelExpr e, String grantor) {
    if (e.getKind() != CelExpr.ExprKind.Kind.CALL || e.call().args().size() != 2) return false;
    String fn = e.call().function();
    CelExpr a = e.call().args().get(0), b = e.call().args().get(1);
    if (fn.equals("_==_")) {
      return isOrigin(a) && grantor.equals(string(b)) || isOrigin(b) && grantor.equals(string(a));
    }
    return fn.equals("@in") && isOrigin(a) && b.getKind() == CelExpr.ExprKind.Kind.LIST
        && b.list().elements().size() == 1 && grantor.equals(string(b.list().elements().get(0)));
  }

  private static boolean isOrigin(CelExpr e) {
    return e.getKind() == CelExpr.ExprKind.Kind.IDENT && Attribute.byCelName(e.ident().name()) == Attribute.WEAPON_ORIGIN;
  }

  private static String string(CelExpr e) {
    return e.getKind() == CelExpr.ExprKind.Kind.CONSTANT && e.constant().getKind() == CelConstant.Kind.STRING_VALUE
        ? e.constant().stringValue() : null;
  }
}
