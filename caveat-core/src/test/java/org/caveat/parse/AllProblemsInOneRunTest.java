package org.caveat.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.caveat.parse.BadPacks.Case.of;

import java.util.List;
import org.caveat.policy.Diagnostic;
import org.caveat.policy.PolicyException;
import org.junit.jupiter.api.Test;

/**
 * One run reports every problem of a file: a structural problem (a field typo) no longer hides the
 * zone and CEL problems of the same file; and a CEL syntax error is reported at the token that is
 * wrong (an unclosed bracket, a trailing operator, a single `=`), not at the end of the condition.
 */
class AllProblemsInOneRunTest {
  static final List<String> OWN_TESTS = List.of("typo-and-compile-problems", "section-typo-no-cascade",
      "cel-unclosed-bracket", "cel-trailing-operator", "cel-single-equals");

  private static List<Diagnostic> all(String name) {
    PolicyException e = catchThrowableOfType(PolicyException.class, () -> BadPacks.engine(name));
    assertThat(e).as("building bad/%s must fail", name).isNotNull();
    return e.diagnostics();
  }

  @Test
  void aFieldTypoDoesNotHideZoneAndCelProblems() {
    List<Diagnostic> d = all("typo-and-compile-problems");
    assertThat(d).extracting(x -> x.code() + "@" + x.at().line() + ":" + x.at().column())
        .containsExactly("pack.unknown_field@7:1", "region.unknown@24:5", "vocab.unknown@34:29");
    assertThat(d).extracting(Diagnostic::hint)
        .containsExactly("did you mean `title`?", "did you mean `UA-09`?", "did you mean `artillery`?");
    // The loader alone still reports only what it can see.
    assertThat(BadPacks.loadErrors("typo-and-compile-problems")).extracting(Diagnostic::code)
        .containsExactly("pack.unknown_field");
  }

  /** The same for a version added on top of the packs, as the service's change requests are. */
  @Test
  void anAddedVersionWithATypoStillHasItsCompileProblemsReported() throws java.io.IOException {
    String text = java.nio.file.Files.readString(BadPacks.dir("typo-and-compile-problems").resolve("us-ua/2024-05-30.yaml"))
        .replace("version: \"2024-05-30\"", "version: \"2030-01-01\"").replace("in_force: 2024-05-30", "in_force: 2030-01-01");
    PolicyException e = catchThrowableOfType(PolicyException.class, () -> org.caveat.Caveat.builder()
        .geography(BadPacks.GEO).addVersion("us-ua/2030-01-01.yaml", text).build());
    assertThat(e.diagnostics()).extracting(x -> x.code() + "@" + x.at().file() + ":" + x.at().line())
        .containsExactly("pack.unknown_field@us-ua/2030-01-01.yaml:7", "region.unknown@us-ua/2030-01-01.yaml:24",
            "vocab.unknown@us-ua/2030-01-01.yaml:34");
  }

  @Test
  void aMisspeltSectionIsReportedOnceNotAgainAsEveryNameItDeclares() {
    List<Diagnostic> d = all("section-typo-no-cascade");
    assertThat(d).extracting(x -> x.code() + "@" + x.at().line() + ":" + x.at().column())
        .containsExactly("pack.unknown_field@23:1", "scope.foreign_origin@5:25");
    assertThat(d.get(0).hint()).isEqualTo("did you mean `zones`?");
  }

  @Test
  void anUnclosedBracketIsReportedAtTheBracket() {
    BadPacks.check(of("cel-unclosed-bracket", "cel.syntax", 34, 29, "add the matching `]`", "`[` is never closed"),
        BadPacks.buildErrors("cel-unclosed-bracket"));
  }

  @Test
  void aTrailingOperatorIsReportedAtTheOperator() {
    BadPacks.check(of("cel-trailing-operator", "cel.syntax", 34, 49, "conditions are CEL",
        "the condition ends after `&&`"), BadPacks.buildErrors("cel-trailing-operator"));
  }

  @Test
  void aSingleEqualsSignGetsADidYouMean() {
    BadPacks.check(of("cel-single-equals", "cel.syntax", 34, 26, "did you mean `==`?", "`=` is not a CEL operator"),
        BadPacks.buildErrors("cel-single-equals"));
  }
}
