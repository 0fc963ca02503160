package org.caveat.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.caveat.store.LogHead;
import org.caveat.store.Store;
import org.caveat.store.VerifyReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code caveat log verify}: recomputes the decision log's Merkle tree and names the first bad entry. */
@Command(name = "log",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    header = "Checks the tamper-evident decision log of a Caveat service.",
    subcommands = LogCommand.Verify.class,
    footer = {
        "",
        "Examples:",
        "  caveat log verify",
        "  caveat log verify --data /srv/caveat",
        "  caveat log verify --db jdbc:postgresql://db:5432/caveat --db-user caveat \\",
        "                    --db-password-env PGPASSWORD"})
final class LogCommand implements Runnable {
  @CommandLine.Spec
  private CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required (verify)");
  }

  /** {@code caveat log verify}. */
  @Command(name = "verify",
      mixinStandardHelpOptions = true,
      versionProvider = VersionProvider.class,
      header = "Recomputes every leaf hash and root of the decision log (RFC 6962).",
      description = {
          "",
          "Reads every entry in index order, recomputes its leaf hash from the stored",
          "request, answer, id, time and version hashes, and every tree root from the",
          "leaves, and checks the indexes run from 0 without a gap. An edited, deleted or",
          "reordered row is named by its index.", ""},
      footer = {
          "",
          "Examples:",
          "  caveat log verify --data caveat-data",
          "  caveat log verify --db jdbc:postgresql://localhost:5432/caveat",
          "",
          "Exit codes: 0 the log verifies; 1 it does not (the first bad entry is named),",
          "or the store cannot be opened; 64 wrong usage."})
  static final class Verify implements Callable<Integer> {
    @Mixin
    private ServeCommand.StoreOptions store;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (Store s = store.openExisting()) {
        VerifyReport r = s.log().verify();
        if (!r.ok()) {
          PrintWriter err = spec.commandLine().getErr();
          err.println("log BAD: " + r.problem() + " (first bad entry: "
              + (r.firstBad().isPresent() ? r.firstBad().getAsLong() : "?") + "; " + r.checked()
              + " entries checked before it)");
          return CaveatCli.FAILED;
        }
        LogHead head = s.log().head();
        out.println("log ok: " + r.checked() + (r.checked() == 1 ? " entry" : " entries") + ", root " + head.rootHex()
            + " (" + s.describe() + ")");
        return CaveatCli.OK;
      }
    }
  }
}
