package org.caveat.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.caveat.policy.Diagnostic;
import org.caveat.policy.Grant;
import org.caveat.policy.PolicyException;

/**
 * Whatever a test file holds, reading it either yields cases or reports problems as positioned
 * diagnostics inside the file: never an exception, never a silently dropped case.
 */
class PackTestFileProperties {
  private static Path root;
  private static List<Grant> grants;

  @BeforeContainer
  static void pack() throws IOException {
    root = Files.createTempDirectory("caveat-packtest");
    PackTestFilesTest.pack(root, PackTestFilesTest.GOOD);
    grants = PackLoader.load(root.resolve("us-ua"));
  }

  @AfterContainer
  static void clean() throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
    }
  }

  /** One edit at a position: delete a character, or insert one of YAML's structural characters. */
  record Edit(int at, String insert) {
    String apply(String text) {
      int i = Math.floorMod(at, text.length());
      return insert.isEmpty() ? text.substring(0, i) + text.substring(i + 1) : text.substring(0, i) + insert + text.substring(i);
    }
  }

  @Provide
  Arbitrary<List<Edit>> edits() {
    Arbitrary<String> inserts = Arbitraries.of("", "", ":", " ", "\n", "-", "[", "]", "{", "}", ",", "\"", "#", "\t", "x",
        "9", "null", "  - name: y\n");
    return Combinators.combine(Arbitraries.integers().between(0, 10_000), inserts).as(Edit::new).list().ofMinSize(1)
        .ofMaxSize(4);
  }

  @Property(tries = 300)
  void everyMutationIsReadOrDiagnosedInPlace(@ForAll("edits") List<Edit> edits) throws IOException {
    String text = PackTestFilesTest.GOOD;
    for (Edit e : edits) text = e.apply(text);
    Path file = root.resolve("us-ua/tests/cases.yaml");
    Files.writeString(file, text);
    long lines = text.lines().count() + 1;
    long declared = text.lines().filter(l -> l.trim().startsWith("- name:")).count();
    try {
      List<PackTestCase> cases = PackTestFiles.load(root.resolve("us-ua"), grants);
      assertThat(cases.size()).as("cases read from\n%s", text).isLessThanOrEqualTo(Math.max(1, (int) declared));
      cases.forEach(c -> assertThat(c.request()).isNotNull());
    } catch (PolicyException e) {
      assertThat(e.diagnostics()).isNotEmpty();
      for (Diagnostic d : e.diagnostics()) {
        assertThat(d.at().file()).endsWith("us-ua/tests/cases.yaml");
        assertThat(d.at().line()).as("%s in\n%s", d.render(), text).isBetween(0, (int) lines);
      }
    }
  }
}
