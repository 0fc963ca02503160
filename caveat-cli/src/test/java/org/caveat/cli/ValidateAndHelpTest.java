package org.caveat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateAndHelpTest {
  @Test
  void validatesTheShippedPacks() {
    Cli.Result r = Cli.run("validate", Cli.path("packs"));
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("us-ua  US → UA").contains("2024-05-30").contains("in force 2022-06-01")
        .containsPattern("OK: \\d+ grants?, \\d+ versions?");
  }

  @Test
  void brokenPackGivesPositionedDiagnostics(@TempDir Path dir) throws Exception {
    Path grant = Files.createDirectories(dir.resolve("us-ua"));
    String good = Files.readString(Cli.ROOT.resolve("packs/us-ua/2024-05-30.yaml"));
    Files.writeString(grant.resolve("2024-05-30.yaml"), good.replace("target.category in protected_objects",
        "target.categroy in protected_objects"));
    Cli.Result r = Cli.run("validate", dir.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).containsPattern("2024-05-30\\.yaml:\\d+:\\d+: error\\[")
        .doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void missingPackFolderIsADiagnostic(@TempDir Path dir) {
    Cli.Result r = Cli.run("validate", dir.resolve("nope").toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("error[pack.not_found]");
  }

  @Test
  void everyCommandHasHelpWithExamples() {
    for (String[] args : new String[][] {{"--help"}, {"check", "--help"}, {"validate", "--help"}, {"timeline", "--help"}}) {
      Cli.Result r = Cli.run(args);
      assertThat(r.code()).isZero();
      assertThat(r.out()).contains("Usage: caveat").contains("Examples:");
    }
  }

  @Test
  void versionAndUsageErrors() {
    assertThat(Cli.run("--version").out()).startsWith("caveat ");
    Cli.Result none = Cli.run();
    assertThat(none.code()).isEqualTo(CaveatCli.USAGE);
    assertThat(none.err()).contains("a command is required");
    Cli.Result unknown = Cli.run("no-such-command");
    assertThat(unknown.code()).isEqualTo(CaveatCli.USAGE);
    Cli.Result badFormat = Cli.run("check", "--format", "xml", "-");
    assertThat(badFormat.code()).isEqualTo(CaveatCli.USAGE);
    assertThat(badFormat.err()).contains("--format");
  }
}
