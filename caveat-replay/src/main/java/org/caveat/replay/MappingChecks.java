package org.caveat.replay;

import dev.cel.bundle.Cel;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.SimpleType;
import java.util.List;
import org.caveat.model.Attribute;
import org.caveat.policy.Diagnostic;
import org.caveat.policy.Suggest;

/**
 * The compile-time checks of a mapping: CEL syntax and names (an unknown column is found in the
 * text, placed at its own line and column and given a did-you-mean), the type each field accepts,
 * and the literal values of the weapon table against the request vocabularies (docs/SEMANTICS.md).
 */
final class MappingChecks {
  private MappingChecks() {}

  /** The checked AST of an expression as written, or null after adding its problems. */
  static CelAbstractSyntaxTree check(Cel cel, MappingSpec.Expr e, List<Diagnostic> problems) {
    CelValidationResult r = cel.compile(e.text());
    if (!r.hasError()) {
      try {
        return r.getAst();
      } catch (dev.cel.common.CelValidationException ex) {
        throw new IllegalStateException(ex);
      }
    }
    for (CelIssue issue : r.getErrors()) {
      String msg = issue.getMessage();
      var at = e.position(issue.getSourceLocation().getLine(), issue.getSourceLocation().getColumn());
      if (!msg.startsWith("undeclared reference")) {
        problems.add(new Diagnostic(msg.contains("found no matching overload") ? "cel.type" : "cel.syntax", at, msg,
            "mapping expressions are CEL over row.<column> strings, e.g. row.notes.contains(\"HIMARS\")"));
        continue;
      }
      // CEL names only the first segment ('row'); find the unknown column in the text to place and name it.
      java.util.regex.Matcher m = COLUMN.matcher(e.text());
      String column = msg;
      while (m.find()) {
        if (AcledColumns.INDEX.containsKey(m.group(1))) continue;
        String before = e.text().substring(0, m.start());
        int line = (int) before.chars().filter(ch -> ch == '\n').count() + 1;
        at = e.position(line, m.start() - before.lastIndexOf('\n') - 1);
        column = m.group();
        msg = "unknown column `" + column + "`";
        break;
      }
      problems.add(new Diagnostic("cel.undeclared", at, msg, Suggest.didYouMean(column,
          AcledColumns.NAMES.stream().map(c -> "row." + c).toList()) + " (columns are the ACLED header names)"));
    }
    return null;
  }

  private static final java.util.regex.Pattern COLUMN = java.util.regex.Pattern.compile("\\brow\\.([A-Za-z0-9_]+)");

  /** Whether a field's expression has a type the field accepts; if not, says so. */
  static boolean typeFits(String field, CelAbstractSyntaxTree ast, MappingSpec.Expr e, List<Diagnostic> problems) {
    var t = ast.getResultType();
    boolean fits = t == SimpleType.DYN || t == SimpleType.STRING || switch (field) {
      case "weapon.range_km", "target.lat", "target.lon" -> t == SimpleType.DOUBLE || t == SimpleType.INT;
      case "target.used_in_invasion" -> t == SimpleType.BOOL;
      default -> false;
    };
    if (!fits) {
      problems.add(new Diagnostic("cel.type", e.at(), "`" + field + "` must be " + expected(field)
          + ", the expression is " + t.name(), "e.g. " + example(field)));
    }
    return fits;
  }

  /** A weapon entry's {@code when} must be a boolean. */
  static void isCondition(CelAbstractSyntaxTree ast, MappingSpec.Expr when, List<Diagnostic> problems) {
    if (ast.getResultType() != SimpleType.BOOL) {
      problems.add(new Diagnostic("cel.type", when.at(), "`when` must be true or false, the expression is "
          + ast.getResultType().name(), "e.g. row.notes.contains(\"HIMARS\")"));
    }
  }

  private static String expected(String field) {
    return switch (field) {
      case "weapon.range_km", "target.lat", "target.lon" -> "a number (or a numeric string)";
      case "target.used_in_invasion" -> "true, false or \"unknown\"";
      default -> "a string";
    };
  }

  private static String example(String field) {
    return switch (field) {
      case "target.lat" -> "double(row.latitude)";
      case "target.lon" -> "double(row.longitude)";
      case "weapon.range_km" -> "row.notes.contains(\"ATACMS\") ? 300.0 : 84.0";
      case "target.used_in_invasion" -> "row.notes.contains(\"firing on\") ? \"true\" : \"unknown\"";
      default -> "row.actor1";
    };
  }

  static void weaponValues(MappingSpec.WeaponEntry w, List<Diagnostic> problems) {
    Object cls = w.values().get("class");
    if (cls != null && !Attribute.WEAPON_CLASS.vocabulary().contains(cls)) {
      problems.add(new Diagnostic("vocab.unknown", w.at(), "weapon.class `" + cls + "` is not in the vocabulary",
          Suggest.didYouMean(cls.toString(), Attribute.WEAPON_CLASS.vocabulary())));
    }
    Object origin = w.values().get("origin");
    if (origin != null && !origin.toString().matches("[A-Z]{2}")) {
      problems.add(new Diagnostic("vocab.country", w.at(), "weapon.origin `" + origin + "` is not an ISO 3166-1"
          + " alpha-2 code", "use two capital letters, e.g. US"));
    }
  }
}
