package org.caveat.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/**
 * Runs {@code caveat replay} / {@code caveat gen-events} in-process through picocli, configured as
 * {@link CaveatCli#run} configures it; registers the two commands when CaveatCli does not (yet).
 */
final class ReplayCli {
  private ReplayCli() {}

  static Cli.Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    CommandLine cli = new CommandLine(new CaveatCli(new ByteArrayInputStream(new byte[0]), out));
    if (!cli.getSubcommands().containsKey("replay")) cli.addSubcommand(new ReplayCommand());
    if (!cli.getSubcommands().containsKey("gen-events")) cli.addSubcommand(new GenEventsCommand());
    cli.setOut(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true));
    cli.setErr(new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true));
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setParameterExceptionHandler((e, a) -> {
      e.getCommandLine().getErr().println("caveat: " + e.getMessage());
      return CaveatCli.USAGE;
    });
    cli.setExecutionExceptionHandler((e, line, parsed) -> CaveatCli.failure(e, line.getErr()));
    int code = cli.execute(args);
    cli.getOut().flush();
    cli.getErr().flush();
    return new Cli.Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
