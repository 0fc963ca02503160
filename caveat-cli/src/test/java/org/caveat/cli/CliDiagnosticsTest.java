package org.caveat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.caveat.policy.Diagnostic;
import org.caveat.policy.Setting;
import org.caveat.policy.Span;
import org.junit.jupiter.api.Test;

class CliDiagnosticsTest {
  @Test
  void settingsAreNamedAsTheOptionsThatSetThem() {
    assertThat(CliDiagnostics.render(Setting.noReliabilityAdmitted())).isEqualTo("--reliability: error[reliability.empty]:"
        + " no reliability admitted: every version would be left out (hint: e.g. --reliability official,reported)");
    Diagnostic pack = new Diagnostic("zone.unknown", new Span("us-ua/2024-05-30.yaml", 3, 5), "no zone `x`", null);
    assertThat(CliDiagnostics.worded(pack)).isSameAs(pack);
  }

  @Test
  void aDiagnosticPointedAtAPackTestCaseKeepsItsPlace() {
    Setting s = new Setting(Setting.Kind.ASSUMPTION, "depth_km", "100.0");
    Diagnostic inCase = new Diagnostic("assumption.type", new Span("tests/t.yaml", 4, 3), "case `a`: bad", "e.g. 100.0", s);
    assertThat(CliDiagnostics.render(inCase))
        .isEqualTo("tests/t.yaml:4:3: error[assumption.type]: case `a`: bad (hint: e.g. --assume depth_km=100.0)");
  }
}
