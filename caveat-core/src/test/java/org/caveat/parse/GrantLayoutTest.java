package org.caveat.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.caveat.parse.BadPacks.Case.of;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.caveat.Caveat;
import org.caveat.policy.Diagnostic;
import org.caveat.policy.PolicyException;
import org.caveat.policy.Setting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** How versions sit in grant folders, the built-in packs, and all-or-nothing loading. */
class GrantLayoutTest {
  static final List<BadPacks.Case> CASES = List.of(
      of("version-file-name", "grant.mismatch", 1, 1, "name the file after its version",
          "file says version `2024-05-31` but is named `2024-05-30.yaml`"),
      of("grant-folder-name", "grant.mismatch", 1, 1, "the folder name is the grant id",
          "file says grant `us-uk` but sits in folder `us-ua`"),
      of("duplicate-date", "grant.duplicate_date", 1, 1, null, "two versions enter into force at 2024-05-30T00:00:00Z")
          .in("2024-05-30b.yaml"));

  static List<BadPacks.Case> cases() {
    return CASES;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reportsTheLayoutProblem(BadPacks.Case c) {
    BadPacks.check(c, BadPacks.loadErrors(c.name()));
  }

  @Test
  void builtInPacksLoadAndCompileWithoutDiagnostics() {
    assertThat(PackLoader.builtIn()).extracting(g -> g.id()).contains("us-ua");
    Caveat engine = Caveat.builder().geography(BadPacks.GEO).build();
    assertThat(engine.grants()).isNotEmpty();
  }

  @Test
  void repositoryPacksFolderLoadsWithoutDiagnostics() {
    Path packs = Path.of("..", "packs");
    // Other grants and later us-ua versions are added over time; the first two us-ua versions stay.
    var grants = PackLoader.load(packs);
    assertThat(grants).filteredOn(g -> g.id().equals("us-ua")).singleElement()
        .satisfies(g -> assertThat(g.versions()).extracting(v -> v.version()).startsWith("2022-06-01", "2024-05-30"));
    assertThat(Caveat.builder().packs(packs).geography(BadPacks.GEO).build().grants()).hasSameSizeAs(grants);
  }

  /** A good grant beside a broken one: nothing is loaded, and only the broken file is blamed. */
  @Test
  void aBrokenGrantNeverYieldsAPartialEngine(@TempDir Path tmp) throws IOException {
    copyGrant(BadPacks.dir("_baseline").resolve("us-ua"), tmp.resolve("us-ua"), "us-ua");
    copyGrant(BadPacks.dir("cel-type").resolve("us-ua"), tmp.resolve("us-uk"), "us-uk");
    PolicyException e = catchThrowableOfType(PolicyException.class,
        () -> Caveat.builder().packs(tmp).geography(BadPacks.GEO).build());
    assertThat(e).isNotNull();
    assertThat(e.diagnostics()).extracting(Diagnostic::code).containsExactly("cel.type");
    assertThat(e.diagnostics().get(0).at().file()).contains("us-uk");
  }

  @Test
  void aStructurallyBrokenGrantFailsTheWholeLoad(@TempDir Path tmp) throws IOException {
    copyGrant(BadPacks.dir("_baseline").resolve("us-ua"), tmp.resolve("us-ua"), "us-ua");
    copyGrant(BadPacks.dir("duplicate-key").resolve("us-ua"), tmp.resolve("us-uk"), "us-uk");
    PolicyException e = catchThrowableOfType(PolicyException.class, () -> PackLoader.load(tmp));
    assertThat(e.diagnostics()).extracting(Diagnostic::code).containsExactly("yaml.duplicate_key");
  }

  /** One good and one broken version of the same grant: the grant is rejected whole. */
  @Test
  void aBrokenVersionRejectsItsWholeGrant(@TempDir Path tmp) throws IOException {
    Path grant = Files.createDirectories(tmp.resolve("us-ua"));
    Files.copy(BadPacks.dir("_baseline").resolve("us-ua/2024-05-30.yaml"), grant.resolve("2024-05-30.yaml"));
    Files.writeString(grant.resolve("2024-06-01.yaml"),
        Files.readString(BadPacks.dir("cel-unknown-vocabulary").resolve("us-ua/2024-05-30.yaml"))
            .replace("version: \"2024-05-30\"", "version: \"2024-06-01\"").replace("in_force: 2024-05-30", "in_force: 2024-06-01"));
    PolicyException e = catchThrowableOfType(PolicyException.class,
        () -> Caveat.builder().packs(tmp).geography(BadPacks.GEO).build());
    assertThat(e.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.code()).isEqualTo("vocab.unknown");
      assertThat(d.at().file()).endsWith("us-ua/2024-06-01.yaml");
    });
  }

  @Test
  void assumeUnknownNameSuggestsTheClosest() {
    PolicyException e = catchThrowableOfType(PolicyException.class,
        () -> Caveat.builder().geography(BadPacks.GEO).assume("kharkiv_band_depth", "40").build());
    assertThat(e.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.code()).isEqualTo("assumption.unknown");
      // Neutral words: each front end names the setting its own way (the CLI's --assume: CheckCommandTest).
      assertThat(d.at().file()).isEqualTo("assume.kharkiv_band_depth");
      assertThat(d.setting()).isEqualTo(new Setting(Setting.Kind.ASSUMPTION, "kharkiv_band_depth", null));
      assertThat(d.hint()).isEqualTo("did you mean `kharkiv_band_depth_km`?");
    });
  }

  /** For deciding a logged entry again by its pinned versions alone: an override none defines is dropped. */
  @Test
  void ignoringUndefinedAssumptionsDropsTheUnknownOverrideAndAppliesTheOthers() {
    Caveat lenient = Caveat.builder().geography(BadPacks.GEO).ignoreUndefinedAssumptions()
        .assume("no_version_defines_this", "1").assume("kharkiv_band_depth_km", "40").build();
    Caveat known = Caveat.builder().geography(BadPacks.GEO).assume("kharkiv_band_depth_km", "40").build();
    List<Object> values = lenient.grants().stream().flatMap(g -> g.versions().stream()).map(v -> (Object) v.assumptions()).toList();
    assertThat(values).isEqualTo(known.grants().stream().flatMap(g -> g.versions().stream()).map(v -> (Object) v.assumptions()).toList());
    assertThat(values.toString()).contains("kharkiv_band_depth_km=40.0");
    PolicyException e = catchThrowableOfType(PolicyException.class, () -> Caveat.builder().geography(BadPacks.GEO)
        .ignoreUndefinedAssumptions().assume("kharkiv_band_depth_km", "far").build());
    assertThat(e.diagnostics()).extracting(Diagnostic::code).containsOnly("assumption.type");
  }

  @Test
  void assumeWrongTypeSaysWhatTheAssumptionIs() {
    for (String bad : List.of("far", "NaN", "1e400")) {
      PolicyException e = catchThrowableOfType(PolicyException.class,
          () -> Caveat.builder().geography(BadPacks.GEO).assume("kharkiv_band_depth_km", bad).build());
      assertThat(e.diagnostics()).singleElement().satisfies(d -> {
        assertThat(d.code()).isEqualTo("assumption.type");
        assertThat(d.message()).contains("is a number (km), got `" + bad + "`");
        assertThat(d.hint()).isEqualTo("e.g. 100.0");
        assertThat(d.setting()).isEqualTo(new Setting(Setting.Kind.ASSUMPTION, "kharkiv_band_depth_km", "100.0"));
      });
    }
  }

  @Test
  void assumeNegativeBufferDepthIsRejectedAtTheZone() {
    PolicyException e = catchThrowableOfType(PolicyException.class,
        () -> Caveat.builder().geography(BadPacks.GEO).assume("kharkiv_band_depth_km", "-40").build());
    assertThat(e.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.code()).isEqualTo("zone.invalid");
      assertThat(d.message()).contains("zone `kharkiv_band`", "got -40.0");
    });
  }

  private static void copyGrant(Path from, Path to, String grant) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path f : files.toList()) {
        Files.writeString(to.resolve(f.getFileName().toString()),
            Files.readString(f).replace("grant: us-ua", "grant: " + grant));
      }
    }
  }
}
