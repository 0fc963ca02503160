package org.caveat.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.caveat.parse.BadPacks.Case.of;

import java.util.List;
import org.caveat.policy.Diagnostic;
import org.caveat.policy.PolicyException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Problems in CEL conditions, found when a structurally sound pack is compiled: positions are
 * inside the condition, mapped to the pack file (line of the condition's text, column of the
 * offending token).
 */
class CelDiagnosticsTest {
  static final List<BadPacks.Case> CASES = List.of(
      of("cel-syntax", "cel.syntax", 33, 64, "conditions are CEL expressions", "unexpected '<='"),
      of("cel-type", "cel.type", 34, 26, "numbers are compared with numbers", "'(double, string)'"),
      of("cel-not-boolean", "cel.type", 34, 7, "check the types", "'(bool, double)'"),
      of("cel-empty", "cel.empty", 31, 12, "write a CEL expression", "empty condition"),
      of("cel-unknown-name", "cel.undeclared", 33, 39, "did you mean `zones.kharkiv_border`?",
          "unknown zone `zones.kharkov_border`"),
      of("cel-unknown-attribute", "cel.undeclared", 34, 10, "did you mean `target.category`?",
          "unknown name `target.categry`"),
      of("cel-unknown-vocabulary", "vocab.unknown", 34, 29, "did you mean `artillery`?",
          "target.category has no value `artilery`"),
      of("cel-vocabulary-in-list", "vocab.unknown", 34, 43, "did you mean `preparing_attack`?",
          "target.activity has no value `preparing_atack`"),
      of("cel-unknown-region", "region.unknown", 34, 37, "did you mean `UA-09`?", "no shipped region `UA-99`"),
      of("cel-bad-country", "vocab.country", 32, 35, "two capital letters", "`Russia` is not an ISO 3166-1 alpha-2"),
      of("scope-bad-country", "vocab.country", 5, 25, "two capital letters", "`usa` is not an ISO 3166-1 alpha-2"),
      of("scope-foreign-origin", "scope.foreign_origin", 5, 25, "write `weapon.origin == \"US\"`",
          "names weapons of origin DE, but a version may only decide weapons of its own grantor US"),
      of("scope-wider-than-grantor", "scope.foreign_origin", 5, 32, "a grant whose grantor is DE",
          "names weapons of origin DE"),
      of("scope-not-grantor", "scope.grantor", 5, 8, "make `weapon.origin == \"US\"` one of the scope's && parts",
          "does not confine it to weapons of its grantor US"));

  static List<BadPacks.Case> cases() {
    return CASES;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reportsTheProblemInsideTheCondition(BadPacks.Case c) {
    BadPacks.check(c, BadPacks.buildErrors(c.name()));
  }

  /** Cases with a test method of their own below (they were bugs once). */
  static final List<String> OWN_TESTS = List.of("cel-folded-position", "cel-blank-first-line-position",
      "cel-plain-multiline-position", "cel-unknown-function", "cel-macro");

  @Test
  void foldedConditionErrorIsMappedToItsLine() {
    BadPacks.check(of("cel-folded-position", "cel.syntax", 33, 64, "conditions are CEL", "unexpected '<='"),
        BadPacks.buildErrors("cel-folded-position"));
  }

  @Test
  void leadingBlankLineDoesNotShiftTheLine() {
    BadPacks.check(of("cel-blank-first-line-position", "cel.syntax", 34, 64, "conditions are CEL", "unexpected"),
        BadPacks.buildErrors("cel-blank-first-line-position"));
  }

  @Test
  void plainMultiLineConditionErrorIsMappedToItsLine() {
    BadPacks.check(of("cel-plain-multiline-position", "cel.syntax", 32, 64, "conditions are CEL", "unexpected"),
        BadPacks.buildErrors("cel-plain-multiline-position"));
  }

  @Test
  void unknownFunctionIsNamedWithDidYouMean() {
    BadPacks.check(of("cel-unknown-function", "cel.undeclared", 34, 10, "did you mean `distance_km`?",
        "unknown name `distance`"), BadPacks.buildErrors("cel-unknown-function"));
  }

  @Test
  void macrosCompileOrAreDiagnosedButNeverCrashTheBuild() {
    Throwable t = catchThrowable(() -> BadPacks.engine("cel-macro"));
    assertThat(t).as("build either succeeds or reports diagnostics").satisfiesAnyOf(
        x -> assertThat(x).isNull(), x -> assertThat(x).isInstanceOf(PolicyException.class));
  }

  @Test
  void unknownFunctionIsAtLeastDiagnosedOnItsLine() {
    // What the code does today for `distance(...)`: a cel.undeclared diagnostic (position on the call).
    List<Diagnostic> d = BadPacks.buildErrors("cel-unknown-function");
    assertThat(d).extracting(Diagnostic::code).containsExactly("cel.undeclared");
    assertThat(d.get(0).at().line()).isEqualTo(34);
  }

  @Test
  void everyProblemOfAVersionIsReportedInOneRunEvenWhenAZoneFailed() {
    List<Diagnostic> d = BadPacks.buildErrors("several-problems");
    assertThat(d).extracting(Diagnostic::code).containsExactly("region.unknown", "vocab.unknown");
    assertThat(d.get(1).hint()).isEqualTo("did you mean `artillery`?");
    assertThat(d.get(1).at().line()).isEqualTo(34);
    assertThat(d.get(1).at().column()).isEqualTo(29);
  }
}
