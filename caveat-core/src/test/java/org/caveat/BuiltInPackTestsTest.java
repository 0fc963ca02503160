package org.caveat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.caveat.explain.Answer;
import org.caveat.json.RequestReader;
import org.caveat.packtest.PackTestReport;
import org.caveat.packtest.PackTestRunner;
import org.caveat.parse.PackLoader;
import org.caveat.parse.PackTestCase;
import org.caveat.parse.PackTestFiles;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The decision cases the built-in packs carry ({@code packs/GRANT/tests/*.yaml}, formerly the
 * decision corpus): every case passes, every rule of every version is decided by some case, and
 * together they reach every outcome and basis.
 */
class BuiltInPackTestsTest {
  static final Path PACKS = Path.of("..", "packs");
  private static final Map<Map<String, String>, Caveat> ENGINES = new ConcurrentHashMap<>();

  static List<PackTestCase> cases() {
    return PackTestFiles.load(PACKS, PackLoader.load(PACKS));
  }

  static Caveat engine(Map<String, String> assume) {
    return ENGINES.computeIfAbsent(assume, a -> {
      Caveat.Builder b = Caveat.builder().packs(PACKS);
      a.forEach(b::assume);
      return b.build();
    });
  }

  @TestFactory
  List<DynamicTest> everyCasePasses() {
    PackTestReport report = new PackTestRunner(BuiltInPackTestsTest::engine).run(cases());
    assertThat(report.problems()).isEmpty();
    return report.results().stream().map(r -> DynamicTest.dynamicTest(r.testCase().at() + " " + r.testCase().name(),
        () -> assertThat(r.mismatches()).isEmpty())).toList();
  }

  @Test
  void everyRuleOfEveryShippedVersionIsDecidedByACase() {
    PackTestReport report = new PackTestRunner(BuiltInPackTestsTest::engine).run(cases());
    assertThat(report.results()).hasSizeGreaterThan(100);
    assertThat(report.undecided()).isEmpty();
  }

  @Test
  void everyOutcomeAndBasisIsExercised() {
    Set<String> seen = new TreeSet<>();
    for (PackTestCase c : cases()) {
      Answer a = engine(c.assume()).answer(RequestReader.read(c.request()).request());
      seen.add(a.decision().name());
      a.grants().forEach(g -> seen.add(g.basis()));
    }
    assertThat(seen).contains("PERMIT", "DENY", "INDETERMINATE", "NOT_APPLICABLE", "permitted", "forbidden",
        "not_permitted", "missing_attributes", "no_version_in_force");
  }

  @Test
  void everyShippedVersionHasATestFile() {
    for (var g : PackLoader.load(PACKS)) {
      for (var v : g.versions()) {
        assertThat(PACKS.resolve(g.id()).resolve(PackTestFiles.FOLDER).resolve(v.version() + ".yaml"))
            .as("tests of %s@%s", g.id(), v.version()).isRegularFile();
      }
    }
  }
}
