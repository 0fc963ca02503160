package org.caveat.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code caveat pack export}: policy packs as the decision service holds them. */
@Command(name = "pack",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    header = "Works with the policy packs of a Caveat service.",
    subcommands = {PackExportCommand.class},
    footer = {
        "",
        "Examples:",
        "  caveat pack export --data /srv/caveat served-packs",
        "  caveat check --packs served-packs requests.ndjson"})
final class PackCommand implements Runnable {
  @CommandLine.Spec
  private CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required (export)");
  }
}
