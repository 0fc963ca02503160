package org.caveat.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.caveat.Caveat;
import org.caveat.packtest.PackTestReport;
import org.caveat.packtest.PackTestRunner;
import org.caveat.policy.Diagnostic;
import org.caveat.policy.PolicyException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A grant's {@code tests/} folder: never read as versions nor hashed, read into cases, and every
 * problem of a test file reported at its line and column with a hint, like a pack problem.
 */
class PackTestFilesTest {
  static final String GOOD = """
      cases:
        - name: counter-fire near Kharkiv
          date: 2024-06-01
          place: {lat: 50.59, lon: 36.58}
          weapon: {class: rocket_artillery}
          target: {category: artillery, activity: attacking, used_in_invasion: true}
          expect: {decision: PERMIT, version: 2024-05-30, basis: permitted, determining: [near-kharkiv],
                   facts: {country: RU, region: RU-BEL}}
      """;

  /** A test file, the first diagnostic it must produce, and how many in all. */
  record Bad(String name, String yaml, String code, int line, int column, String fragment, int count) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<Bad> bad() {
    return List.of(
        new Bad("unknown case field", GOOD.replace("    place:", "    plaec:"), "pack.unknown_field", 4, 5,
            "did you mean `place`?", 1),
        new Bad("unknown expect field", GOOD.replace("basis: permitted", "bassis: permitted"), "pack.unknown_field",
            7, 53, "did you mean `basis`?", 1),
        new Bad("decision outside the vocabulary", GOOD.replace("decision: PERMIT", "decision: PERMITTED"),
            "test.vocabulary", 7, 24, "did you mean `PERMIT`?", 1),
        new Bad("basis outside the vocabulary", GOOD.replace("basis: permitted", "basis: permited"),
            "test.vocabulary", 7, 60, "did you mean `permitted`?", 1),
        new Bad("latitude out of range, at the value", GOOD.replace("lat: 50.59", "lat: 95"), "request.range", 4, 18,
            null, 1),
        new Bad("category typo, at the value", GOOD.replace("category: artillery", "category: artilery"),
            "request.vocabulary", 6, 24, "did you mean `artillery`?", 1),
        new Bad("no expect", GOOD.replace("    expect:", "    # expect:").replace("           facts", "#"),
            "pack.missing_field", 2, 5, "expect:", 1),
        new Bad("full request and short form together", GOOD.replace("    date: 2024-06-01",
            "    request: {time: 2024-06-01T00:00:00Z}"), "test.request", 3, 14, "move the short-form", 1),
        new Bad("yaml syntax", GOOD.replace("{decision: PERMIT,", "{decision: PERMIT,,"), "yaml.syntax", 7, 0, null, 1),
        new Bad("two problems in one file are both reported",
            GOOD.replace("    place:", "    plaec:").replace("decision: PERMIT", "decision: ALLOW"),
            "pack.unknown_field", 4, 5, null, 2));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bad")
  void reportsTheProblemWhereItIs(Bad c, @TempDir Path tmp) throws IOException {
    Path grant = pack(tmp, c.yaml());
    PolicyException e = catchThrowableOfType(PolicyException.class,
        () -> PackTestFiles.load(grant, PackLoader.load(grant)));
    assertThat(e).as("a diagnostic for %s", c.name()).isNotNull();
    assertThat(e.diagnostics()).hasSize(c.count());
    Diagnostic d = e.diagnostics().get(0);
    assertThat(d.code()).isEqualTo(c.code());
    assertThat(d.at().file()).endsWith("us-ua/tests/cases.yaml");
    assertThat(d.at().line()).isEqualTo(c.line());
    if (c.column() > 0) assertThat(d.at().column()).isEqualTo(c.column());
    if (c.fragment() != null) assertThat(d.message() + " (hint: " + d.hint() + ")").contains(c.fragment());
  }

  @Test
  void aGoodFileReadsAndPasses(@TempDir Path tmp) throws IOException {
    Path grant = pack(tmp, GOOD);
    List<PackTestCase> cases = PackTestFiles.load(grant, PackLoader.load(grant));
    assertThat(cases).singleElement().satisfies(c -> {
      assertThat(c.request().at("/weapon/origin").asText()).as("origin defaults to the grantor").isEqualTo("US");
      assertThat(c.request().at("/user").asText()).as("user defaults to the grantee").isEqualTo("UA");
      assertThat(c.request().at("/time").asText()).isEqualTo("2024-06-01T00:00:00Z");
    });
    PackTestReport r = new PackTestRunner(a -> Caveat.builder().packs(grant).geography(BadPacks.GEO).build()).run(cases);
    assertThat(r.results()).singleElement().satisfies(x -> assertThat(x.mismatches()).isEmpty());
    assertThat(r.undecided()).isEmpty();
  }

  @Test
  void aWrongExpectationIsReportedFieldByField(@TempDir Path tmp) throws IOException {
    Path grant = pack(tmp, GOOD.replace("decision: PERMIT", "decision: DENY").replace("region: RU-BEL", "region: RU-KRS")
        .replace("category: artillery", "category: civilian_object"));
    List<PackTestCase> cases = PackTestFiles.load(grant, PackLoader.load(grant));
    PackTestReport r = new PackTestRunner(a -> Caveat.builder().packs(grant).geography(BadPacks.GEO).build()).run(cases);
    assertThat(r.failed()).isEqualTo(1);
    assertThat(r.results().get(0).mismatches()).extracting(PackTestReport.Mismatch::field)
        .containsExactly("basis", "determining", "facts.region");
    assertThat(r.results().get(0).mismatches().get(0).actual()).isEqualTo("not_permitted");
    assertThat(r.undecided()).containsExactly("us-ua@2024-05-30#near-kharkiv");
  }

  @Test
  void anUnknownAssumptionIsAProblemOfTheCase(@TempDir Path tmp) throws IOException {
    Path grant = pack(tmp, GOOD.replace("    date:", "    assume: {kharkiv_band_dept_km: 20}\n    date:"));
    List<PackTestCase> cases = PackTestFiles.load(grant, PackLoader.load(grant));
    PackTestReport r = new PackTestRunner(a -> {
      Caveat.Builder b = Caveat.builder().packs(grant).geography(BadPacks.GEO);
      a.forEach(b::assume);
      return b.build();
    }).run(cases);
    assertThat(r.problems()).singleElement().satisfies(d -> {
      assertThat(d.code()).isEqualTo("assumption.unknown");
      assertThat(d.at().line()).isEqualTo(2);
      assertThat(d.hint()).contains("kharkiv_band_depth_km");
    });
    assertThat(r.failed()).isEqualTo(1);
  }

  /** The example in docs/PACKS.md is a test file that reads and passes against the us-ua pack. */
  @Test
  void theDocumentedExamplePasses(@TempDir Path tmp) throws IOException {
    String doc = Files.readString(Path.of("..", "docs", "PACKS.md"));
    int tests = doc.indexOf("## Tests");
    int start = doc.indexOf("```yaml\n", tests) + 8;
    String yaml = doc.substring(start, doc.indexOf("```", start));
    Path grant = tmp.resolve("us-ua");
    copy(Path.of("..", "packs", "us-ua"), grant);
    Files.createDirectories(grant.resolve("tests"));
    Files.writeString(grant.resolve("tests/example.yaml"), yaml);
    List<PackTestCase> cases = PackTestFiles.load(grant, PackLoader.load(grant));
    assertThat(cases).hasSize(2);
    PackTestReport r = new PackTestRunner(a -> {
      Caveat.Builder b = Caveat.builder().packs(grant).geography(BadPacks.GEO);
      a.forEach(b::assume);
      return b.build();
    }).run(cases);
    assertThat(r.problems()).isEmpty();
    assertThat(r.results()).allSatisfy(x -> assertThat(x.mismatches()).as(x.testCase().name()).isEmpty());
  }

  /** Tests are not versions: the loader skips the folder and content hashes stay the same. */
  @Test
  void testsFolderIsNeitherAVersionNorPartOfTheHash(@TempDir Path tmp) throws IOException {
    Path without = tmp.resolve("without");
    Files.createDirectories(without);
    copy(BadPacks.dir("_baseline").resolve("us-ua"), without.resolve("us-ua"));
    Path with = pack(tmp.resolve("with"), GOOD);
    assertThat(PackLoader.load(with)).singleElement().satisfies(g -> assertThat(g.versions()).hasSize(1));
    assertThat(PackLoader.load(with).get(0).versions().get(0).contentHash())
        .isEqualTo(PackLoader.load(without.resolve("us-ua")).get(0).versions().get(0).contentHash());
    assertThat(PackTestFiles.load(without.resolve("us-ua"), PackLoader.load(without.resolve("us-ua")))).isEmpty();
  }

  /** A temporary copy of the baseline pack with {@code yaml} as {@code us-ua/tests/cases.yaml}. */
  static Path pack(Path tmp, String yaml) throws IOException {
    Path grant = tmp.resolve("us-ua");
    copy(BadPacks.dir("_baseline").resolve("us-ua"), grant);
    Files.createDirectories(grant.resolve("tests"));
    Files.writeString(grant.resolve("tests/cases.yaml"), yaml, StandardCharsets.UTF_8);
    return grant;
  }

  private static void copy(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> s = Files.list(from)) {
      for (Path f : s.filter(Files::isRegularFile).toList()) Files.copy(f, to.resolve(f.getFileName()));
    }
  }

}
