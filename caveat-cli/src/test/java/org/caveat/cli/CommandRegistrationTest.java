package org.caveat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code caveat COMMAND …} registers only that command (start-up), anything else every command;
 * the names written out in {@link CaveatCli#COMMANDS} are the commands' own.
 */
class CommandRegistrationTest {
  @Test
  void theWrittenOutNamesAreTheCommandsOwn() {
    CaveatCli.COMMANDS.forEach((name, type) -> assertThat(type.getAnnotation(Command.class).name()).isEqualTo(name));
  }

  @Test
  void aNamedCommandAloneIsRegisteredAndOtherwiseAllAre() {
    CaveatCli root = new CaveatCli(new java.io.ByteArrayInputStream(new byte[0]), new java.io.ByteArrayOutputStream());
    Map<String, CommandLine> one = CaveatCli.commandLine(root, new String[] {"check", "x.json"}).getSubcommands();
    assertThat(one).containsOnlyKeys("check");
    for (String[] args : new String[][] {{}, {"--help"}, {"chek"}, {"--version"}}) {
      assertThat(CaveatCli.commandLine(root, args).getSubcommands().keySet())
          .containsExactlyElementsOf(CaveatCli.COMMANDS.keySet());
    }
  }

  @Test
  void helpStillListsEveryCommandAndAMisspeltOneStillGetsASuggestion() {
    Cli.Result help = Cli.run("--help");
    CaveatCli.COMMANDS.keySet().forEach(name -> assertThat(help.out()).contains("  " + name + " "));
    Cli.Result typo = Cli.run("chek", "x.json");
    assertThat(typo.code()).isEqualTo(CaveatCli.USAGE);
    assertThat(typo.err()).contains("check");
  }
}
