package org.caveat.check;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelSourceLocation;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import java.util.List;
import java.util.Set;
import org.caveat.model.Attribute;
import org.caveat.policy.Diagnostic;
import org.caveat.policy.SourceMap;
import org.caveat.policy.Span;
import org.caveat.policy.Suggest;

/**
 * Checks string literals compared with closed vocabularies ({@code target.category == "artilery"})
 * and with shipped geography ({@code region(target.location) == "UA-99"}); a typo there would
 * otherwise make a rule silently never match.
 */
final class VocabularyCheck {
  private final Set<String> regionCodes;
  private final List<Diagnostic> diagnostics;

  VocabularyCheck(Set<String> regionCodes, List<Diagnostic> diagnostics) {
    this.regionCodes = regionCodes;
    this.diagnostics = diagnostics;
  }

  void check(CelAbstractSyntaxTree ast, SourceMap at) {
    walk(ast, ast.getExpr(), at);
  }

  private void walk(CelAbstractSyntaxTree ast, CelExpr e, SourceMap at) {
    if (e.getKind() == CelExpr.ExprKind.Kind.CALL) {
      String fn = e.call().function();
      List<CelExpr> args = e.call().args();
      if ((fn.equals("_==_") || fn.equals("_!=_")) && args.size() == 2) {
        literalAgainst(ast, args.get(0), args.get(1), at);
        literalAgainst(ast, args.get(1), args.get(0), at);
      } else if (fn.equals("@in") && args.get(1).getKind() == CelExpr.ExprKind.Kind.LIST) {
        for (CelExpr item : args.get(1).list().elements()) literalAgainst(ast, args.get(0), item, at);
      }
      e.call().target().ifPresent(t -> walk(ast, t, at));
      args.forEach(a -> walk(ast, a, at));
    } else if (e.getKind() == CelExpr.ExprKind.Kind.LIST) {
      e.list().elements().forEach(a -> walk(ast, a, at));
    }
  }

  private void literalAgainst(CelAbstractSyntaxTree ast, CelExpr subject, CelExpr literal, SourceMap at) {
    if (literal.getKind() != CelExpr.ExprKind.Kind.CONSTANT
        || literal.constant().getKind() != CelConstant.Kind.STRING_VALUE) {
      return;
    }
    String value = literal.constant().stringValue();
    if (subject.getKind() == CelExpr.ExprKind.Kind.IDENT) {
      Attribute a = Attribute.byCelName(subject.ident().name());
      if (a != null && a.vocabulary() != null && !a.vocabulary().contains(value)) {
        report(ast, literal, at, "vocab.unknown", a.celName() + " has no value `" + value + "`",
            Suggest.didYouMean(value, a.vocabulary()));
      }
      if (a == Attribute.USER || a == Attribute.WEAPON_ORIGIN) {
        countryCode(ast, literal, at, value);
      }
    } else if (subject.getKind() == CelExpr.ExprKind.Kind.CALL) {
      String fn = subject.call().function();
      if (fn.equals("country")) {
        countryCode(ast, literal, at, value);
      } else if (fn.equals("waters") && !org.caveat.geo.Waters.LABELS.contains(value)) {
        report(ast, literal, at, "vocab.unknown", "waters has no value `" + value + "`",
            Suggest.didYouMean(value, org.caveat.geo.Waters.LABELS));
      } else if (fn.equals("region") && !regionCodes.contains(value)) {
        report(ast, literal, at, "region.unknown", "no shipped region `" + value + "`",
            Suggest.didYouMean(value, regionCodes));
      }
    }
  }

  private void countryCode(CelAbstractSyntaxTree ast, CelExpr literal, SourceMap at, String value) {
    if (!value.matches("[A-Z]{2}")) {
      report(ast, literal, at, "vocab.country", "`" + value + "` is not an ISO 3166-1 alpha-2 country code",
          "use two capital letters, e.g. \"RU\"");
    }
  }

  private void report(CelAbstractSyntaxTree ast, CelExpr e, SourceMap at, String code, String message, String hint) {
    diagnostics.add(new Diagnostic(code, spanOf(ast, e, at), message, hint));
  }

  /** Where a sub-expression starts in the pack file (the condition's start when cel-java has no position). */
  static Span spanOf(CelAbstractSyntaxTree ast, CelExpr e, SourceMap at) {
    Integer offset = ast.getSource().getPositionsMap().get(e.id());
    CelSourceLocation loc = offset == null ? null : ast.getSource().getOffsetLocation(offset).orElse(null);
    return loc == null ? at.start() : at.at(loc.getLine(), loc.getColumn());
  }
}
