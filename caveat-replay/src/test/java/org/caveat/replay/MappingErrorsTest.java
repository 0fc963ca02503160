package org.caveat.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;
import org.caveat.policy.Diagnostic;
import org.caveat.policy.PolicyException;
import org.junit.jupiter.api.Test;

/** Problems in a mapping file are reported all at once, each with line, column and a hint. */
class MappingErrorsTest {
  static final String BASE = """
      fields:
        time: row.event_date
        user: '"UA"'
        target.lat: double(row.latitude)
        target.lon: double(row.longitude)
      """;

  private static List<String> problems(String yaml) {
    try {
      Mapping.compile(MappingLoader.read(new StringReader(yaml), "m.yaml"));
    } catch (PolicyException e) {
      return e.diagnostics().stream().map(Diagnostic::render).toList();
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("no problem found in\n" + yaml);
  }

  @Test
  void aGoodMinimalMappingCompiles() throws Exception {
    Mapping m = Mapping.compile(MappingLoader.read(new StringReader(BASE), "m.yaml"));
    String[] row = new String[AcledColumns.NAMES.size()];
    java.util.Arrays.fill(row, "");
    row[AcledColumns.EVENT_DATE] = "2024-06-01";
    row[AcledColumns.LATITUDE] = "50.5";
    row[AcledColumns.LONGITUDE] = "36.5";
    // No weapon table, no weapon.origin: the row is unattributed, not guessed.
    assertThat(m.apply(row, null).unknown()).containsExactly("weapon.origin");
  }

  @Test
  void anUnknownColumnGetsDidYouMeanAtItsPosition() {
    assertThat(problems(BASE + "  target.category: 'row.notez.contains(\"x\") ? \"artillery\" : \"unknown\"'\n"))
        .containsExactly("m.yaml:6:21: error[cel.undeclared]: unknown column `row.notez`"
            + " (hint: did you mean `row.notes`? (columns are the ACLED header names))");
  }

  @Test
  void aSyntaxErrorOnTheSecondLineOfAFoldedExpressionIsPlacedThere() {
    List<String> p = problems(BASE + "  target.activity: >-\n    row.notes.contains(\"firing\")\n    ? \"attacking\" :: \"unknown\"\n");
    assertThat(p).hasSize(1);
    assertThat(p.get(0)).startsWith("m.yaml:8:").contains("error[cel.syntax]");
  }

  @Test
  void wrongTypesUnknownFieldsAndBadWeaponsAreAllReported() {
    List<String> p = problems(BASE + """
          target.categry: '"artillery"'
          weapon.range_km: row.notes.size() > 3
        weapons:
          - when: row.notes
            class: rocket_artilery
            origin: USA
        """);
    assertThat(p).anySatisfy(s -> assertThat(s).startsWith("m.yaml:6:3: error[mapping.unknown_field]")
        .contains("did you mean `target.category`?"));
    assertThat(p).anySatisfy(s -> assertThat(s).startsWith("m.yaml:7:20: error[cel.type]")
        .contains("`weapon.range_km` must be a number"));
    assertThat(p).anySatisfy(s -> assertThat(s).startsWith("m.yaml:9:11: error[cel.type]")
        .contains("`when` must be true or false"));
    assertThat(p).anySatisfy(s -> assertThat(s).contains("error[vocab.unknown]")
        .contains("did you mean `rocket_artillery`?"));
    assertThat(p).anySatisfy(s -> assertThat(s).contains("error[vocab.country]"));
  }

  @Test
  void missingRequiredFieldsAndYamlSyntaxAreReported() {
    assertThat(problems("fields:\n  time: row.event_date\n")).anySatisfy(s -> assertThat(s)
        .contains("error[mapping.missing_field]: field `user` has no expression"));
    assertThat(problems("fields:\n  time: row.event_date\n   user: x\n")).singleElement().satisfies(s -> assertThat(s)
        .startsWith("m.yaml:3:").contains("error[yaml.syntax]"));
  }

  @Test
  void aMissingFileIsOneDiagnostic() {
    assertThatThrownBy(() -> Mapping.load(java.nio.file.Path.of("no-such-mapping.yaml")))
        .isInstanceOf(PolicyException.class)
        .satisfies(e -> assertThat(((PolicyException) e).diagnostics().get(0).code()).isEqualTo("mapping.not_found"));
  }

  @Test
  void aFailingExpressionMakesABadRowNamingTheField() {
    String[] row = new String[AcledColumns.NAMES.size()];
    java.util.Arrays.fill(row, "");
    row[AcledColumns.EVENT_DATE] = "2024-06-01";
    row[AcledColumns.LATITUDE] = "north";
    row[AcledColumns.LONGITUDE] = "36.5";
    assertThatThrownBy(() -> Replays.MAPPING.apply(row, null)).isInstanceOf(BadRow.class)
        .hasMessageStartingWith("mapping field target.lat (default-mapping.yaml:");
  }
}
