package org.caveat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code caveat test}: the built-in packs' own cases all pass and decide every rule (this is how CI
 * runs them), and a failing case, a bad test file and a pack without cases each fail the run.
 */
class TestCommandTest {
  static final String CASE = """
      cases:
        - name: counter-fire just over the Kharkiv border
          time: 2024-06-01T03:00:00Z
          place: {lat: 50.59, lon: 36.58}
          weapon: {class: rocket_artillery}
          target: {category: artillery, activity: attacking, used_in_invasion: true}
          expect: {decision: PERMIT, version: 2024-05-30, determining: [kharkiv-counter-fire]}
      """;

  @Test
  void theRepositoryPacksPassWithFullCoverage() {
    Cli.Result r = Cli.run("test", Cli.path("packs"), "--coverage", "--quiet");
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).doesNotContain("FAIL").contains("coverage: every rule is decided by at least one case")
        .containsPattern("(?m)^\\d{3,} passed, 0 failed$");
    assertThat(r.code()).isZero();
  }

  @Test
  void withoutAFolderTheBuiltInPacksAreTested() {
    Cli.Result r = Cli.run("test");
    assertThat(r.out()).contains("PASS  packs/us-ua/tests/2024-05-30.yaml:").containsPattern("(?m)^\\d+ passed, 0 failed$");
    assertThat(r.code()).isZero();
  }

  @Test
  void aFailingCaseShowsExpectedAndActualAndExitsOne(@TempDir Path tmp) throws IOException {
    Path grant = grantWith(tmp, CASE.replace("decision: PERMIT", "decision: DENY"));
    Cli.Result r = Cli.run("test", grant.toString(), "--coverage");
    assertThat(r.out()).contains("FAIL  " + grant + "/tests/cases.yaml:2:5  counter-fire just over the Kharkiv border")
        .contains("decision     - expected: DENY").contains("+ actual:   PERMIT")
        .contains("coverage: ").contains("us-ua@2022-06-01#")
        .endsWith("0 passed, 1 failed\n");
    assertThat(r.code()).isEqualTo(1);
  }

  @Test
  void aBadTestFileIsADiagnostic(@TempDir Path tmp) throws IOException {
    Path grant = grantWith(tmp, CASE.replace("    place:", "    plcae:"));
    Cli.Result r = Cli.run("test", grant.toString());
    assertThat(r.err()).contains(grant + "/tests/cases.yaml:4:5: error[pack.unknown_field]: unknown field `plcae`")
        .contains("did you mean `place`?");
    assertThat(r.code()).isEqualTo(1);
  }

  @Test
  void aPackWithoutCasesFails(@TempDir Path tmp) throws IOException {
    Path grant = grantWith(tmp, null);
    Cli.Result r = Cli.run("test", grant.toString());
    assertThat(r.out()).contains("0 passed, 0 failed (no cases found under tests/)");
    assertThat(r.code()).isEqualTo(1);
  }

  /** A copy of the built-in us-ua version files, with {@code yaml} (if any) as its only test file. */
  private static Path grantWith(Path tmp, String yaml) throws IOException {
    Path grant = Files.createDirectories(tmp.resolve("us-ua"));
    try (var s = Files.list(Path.of(Cli.path("packs/us-ua")))) {
      for (Path f : s.filter(Files::isRegularFile).toList()) Files.copy(f, grant.resolve(f.getFileName()));
    }
    if (yaml != null) {
      Files.createDirectories(grant.resolve("tests"));
      Files.writeString(grant.resolve("tests/cases.yaml"), yaml);
    }
    return grant;
  }
}
