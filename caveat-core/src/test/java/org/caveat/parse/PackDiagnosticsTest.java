package org.caveat.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caveat.parse.BadPacks.Case.of;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.caveat.policy.Diagnostic;
import org.caveat.policy.PolicyException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Structural problems of a version file, found by {@link PackLoader#load} before any compiling. */
class PackDiagnosticsTest {
  static final List<BadPacks.Case> CASES = List.of(
      of("yaml-syntax", "yaml.syntax", 11, 4, "check indentation", "expected <block end>"),
      of("yaml-tab", "yaml.syntax", 10, 1, "check indentation", "TAB"),
      of("empty-file", "pack.empty", 0, 0, null, "the file is empty"),
      of("comments-only", "pack.empty", 0, 0, null, "the file is empty"),
      of("not-a-mapping", "pack.type", 2, 1, null, "expected a mapping").count(7),
      of("unknown-field", "pack.unknown_field", 7, 1, "did you mean `title`?", "unknown field `titel` in a version file"),
      of("unknown-rule-field", "pack.unknown_field", 30, 5, "did you mean `sources`?", "`sorces` in a rule").count(2),
      of("missing-field", "pack.missing_field", 2, 1, null, "missing required field `grantee`"),
      of("rules-missing", "pack.unknown_field", 26, 1, "did you mean `rules`?", "`rule`").count(2),
      of("assumption-no-value", "pack.missing_field", 18, 5, null, "missing required field `value`"),
      of("duplicate-key", "yaml.duplicate_key", 8, 1, "each key may appear once", "duplicate key `title`"),
      of("bad-in-force", "pack.bad_value", 6, 11, null, "got `2024-13-01`"),
      of("bad-grantor", "pack.bad_value", 3, 10, null, "ISO 3166-1 alpha-2"),
      of("unknown-reliability", "vocab.unknown", 15, 18, "did you mean `reported`?", "unknown reliability `reportd`"),
      of("unknown-confidence", "vocab.unknown", 20, 17, "did you mean `low`?", "unknown confidence `lo`"),
      of("rule-no-source", "rule.no_source", 27, 9, "add `sources: [id]`", "rule `near-kharkiv` cites no source"),
      of("rule-unknown-source", "source.unknown", 30, 14, "did you mean `politico-limits`?", "unknown source `politico-limit`"),
      of("source-no-url", "source.no_url", 10, 5, "add `url: https://…`, or `no_url_reason:`",
          "source `politico-limits` has no `url`"),
      of("duplicate-rule-id", "rule.duplicate_id", 36, 9, "unique within a version", "duplicate rule id `near-kharkiv`"),
      of("unknown-effect", "vocab.unknown", 28, 13, "known: forbid, permit", "unknown effect `allow`"),
      of("zone-two-kinds", "zone.kind", 24, 5, "found border, region", "must have exactly one of"),
      of("zone-km-not-buffer", "pack.unknown_field", 25, 9, null, "`km` only applies to buffer zones"),
      of("zone-border-one-side", "zone.border", 24, 13, null, "`border` takes two sides"),
      of("geojson-missing", "zone.file", 27, 14, null, "`sector.geojson` not found beside the version file"),
      of("geojson-not-json", "geojson.syntax", 27, 14, null, "`sector.geojson` is not valid JSON"));

  static List<BadPacks.Case> cases() {
    return CASES;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reportsTheProblemWhereItIs(BadPacks.Case c) {
    BadPacks.check(c, BadPacks.loadErrors(c.name()));
  }

  @Test
  void secondProblemOfAFileIsReportedInTheSameRun() {
    List<Diagnostic> d = BadPacks.loadErrors("unknown-rule-field");
    assertThat(d.get(1).code()).isEqualTo("rule.no_source");
    assertThat(d.get(1).at().line()).isEqualTo(27);
  }

  @Test
  void aListInsteadOfAMappingReportsEveryMissingField() {
    assertThat(BadPacks.loadErrors("not-a-mapping")).extracting(Diagnostic::message).contains(
        "missing required field `grant`", "missing required field `in_force`", "missing required field `rules`");
  }

  @Test
  void theBaselineEveryCaseIsCopiedFromLoadsCleanly() {
    assertThat(PackLoader.load(BadPacks.dir("_baseline"))).singleElement()
        .satisfies(g -> assertThat(g.versions()).hasSize(1));
  }

  @Test
  void missingPackFolder(@TempDir Path tmp) {
    PolicyException e = org.assertj.core.api.Assertions.catchThrowableOfType(PolicyException.class,
        () -> PackLoader.load(tmp.resolve("nowhere")));
    assertThat(e.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.code()).isEqualTo("pack.not_found");
      assertThat(d.hint()).contains("folder of grant folders");
    });
  }

  @Test
  void emptyPackFolder(@TempDir Path tmp) throws Exception {
    Files.createDirectories(tmp.resolve("packs"));
    PolicyException e = org.assertj.core.api.Assertions.catchThrowableOfType(PolicyException.class,
        () -> PackLoader.load(tmp.resolve("packs")));
    assertThat(e.diagnostics()).extracting(Diagnostic::code).containsExactly("pack.empty");
  }
}
