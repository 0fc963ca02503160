package org.caveat.check;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.types.SimpleType;
import java.util.List;
import java.util.Set;
import org.caveat.policy.Diagnostic;
import org.caveat.policy.SourceMap;
import org.caveat.policy.Span;

/**
 * Checks one condition: cel-java parses and type-checks it, its issues become positioned
 * diagnostics with hints ({@link CelIssues}), vocabulary and geography literals are checked
 * ({@link VocabularyCheck}), and a version's scope must confine it to its grantor
 * ({@link GrantorScope}). What passes is a checked AST for {@code org.caveat.compile} to lower.
 */
public final class ConditionCheck {
  private final CelEnvironment env;
  private final List<Diagnostic> diagnostics;
  private final VocabularyCheck vocabulary;

  /** @param diagnostics where every problem found is added */
  public ConditionCheck(CelEnvironment env, Set<String> regionCodes, List<Diagnostic> diagnostics) {
    this.env = env;
    this.diagnostics = diagnostics;
    this.vocabulary = new VocabularyCheck(regionCodes, diagnostics);
  }

  /**
   * The checked AST of a condition, or null after adding diagnostics.
   *
   * @param grantor for a version's scope, its grantor (and {@code grant} its grant); null for a rule
   */
  public CelAbstractSyntaxTree check(String text, SourceMap map, String grant, String grantor) {
    Span at = map.start();
    if (text == null || text.isBlank()) {
      diagnostics.add(new Diagnostic("cel.empty", at, "empty condition", "write a CEL expression, e.g. true"));
      return null;
    }
    CelValidationResult result = env.compiler.compile(text);
    if (result.hasError()) {
      boolean syntaxSaid = false;
      for (CelIssue issue : result.getErrors()) {
        Diagnostic d = CelIssues.toDiagnostic(issue, text, map, env.names);
        // The parser's later errors in one condition follow from its first (an unclosed string, then
        // the end; a stray `=`, then the rest): one syntax error per condition.
        if (d.code().equals("cel.syntax") && syntaxSaid) continue;
        syntaxSaid |= d.code().equals("cel.syntax");
        diagnostics.add(d);
      }
      return null;
    }
    CelAbstractSyntaxTree ast;
    try {
      ast = result.getAst();
    } catch (CelValidationException e) {
      diagnostics.add(new Diagnostic("cel.type", at, e.getMessage(), null));
      return null;
    }
    if (!ast.getResultType().equals(SimpleType.BOOL)) {
      diagnostics.add(new Diagnostic("cel.type", at, "a condition must be true or false, but this is of type "
          + ast.getResultType().name(), "compare the value, e.g. `... == \"x\"`"));
      return null;
    }
    int before = diagnostics.size();
    vocabulary.check(ast, map);
    if (grantor != null && diagnostics.size() == before) GrantorScope.check(ast, map, grant, grantor, diagnostics);
    return diagnostics.size() > before ? null : ast;
  }

  /** The top-level {@code &&} operands of {@code e}, left to right. */
  public static List<CelExpr> conjunctsOf(CelExpr e, List<CelExpr> out) {
    if (e.getKind() == CelExpr.ExprKind.Kind.CALL && e.call().function().equals("_&&_")) {
      for (CelExpr a : e.call().args()) conjunctsOf(a, out);
    } else {
      out.add(e);
    }
    return out;
  }
}
