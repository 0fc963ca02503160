package org.caveat.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code src/test/resources/bad/} and the test tables in step: every case folder is
 * asserted by some table (or is a known bug with a disabled test), and every case is a copy of
 * the baseline with little changed.
 */
class BadCatalogueTest {
  static Set<String> covered() {
    Set<String> names = new TreeSet<>();
    Stream.of(PackDiagnosticsTest.CASES, CelDiagnosticsTest.CASES, ZoneDiagnosticsTest.CASES, GrantLayoutTest.CASES)
        .flatMap(List::stream).forEach(c -> names.add(c.name()));
    names.addAll(CelDiagnosticsTest.OWN_TESTS);
    names.addAll(ZoneDiagnosticsTest.OWN_TESTS);
    names.addAll(AllProblemsInOneRunTest.OWN_TESTS);
    names.add("several-problems");
    return names;
  }

  static Set<String> folders() throws IOException {
    try (Stream<Path> s = Files.list(BadPacks.dir("_baseline").getParent())) {
      Set<String> out = new TreeSet<>();
      s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).filter(n -> !n.startsWith("_")).forEach(out::add);
      return out;
    }
  }

  @Test
  void everyCaseFolderIsAssertedAndEveryAssertedCaseExists() throws IOException {
    assertThat(folders()).isEqualTo(covered());
  }

  @Test
  void everyCaseIsTheBaselineWithOneThingBroken() throws IOException {
    List<String> baseline = Files.readAllLines(BadPacks.dir("_baseline").resolve("us-ua/2024-05-30.yaml"));
    for (String name : folders()) {
      Path file = BadPacks.dir(name).resolve("us-ua/2024-05-30.yaml");
      List<String> lines = Files.readAllLines(file);
      if (lines.size() <= 3) continue; // empty-file, comments-only, not-a-mapping
      assertThat(lines.get(0)).as("%s starts by saying what is broken", name).startsWith("# Bad case `" + name + "`:");
      long changed = lines.stream().skip(1).filter(l -> !baseline.contains(l)).count();
      assertThat(changed).as("lines of %s not in the baseline", name).isBetween(0L, 9L);
    }
  }
}
