package org.caveat.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.caveat.store.Store;
import org.caveat.store.StoreException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code caveat log restore-versions}: rewrites the published versions from the copies the log holds. */
@Command(name = "restore-versions",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    header = "Rewrites the published versions from the decision log.",
    description = {
        "",
        "Every published version is also an entry of the decision log. When the rows",
        "differ from it (edited, added or removed behind the service's back) the server",
        "refuses to start; this command first verifies the whole log, then replaces the",
        "published versions with the ones the log holds, and lists what differed. Stop",
        "the server first; run `caveat log verify --head` with a saved head to be sure",
        "the log itself was not rewritten.", ""},
    footer = {
        "",
        "Examples:",
        "  caveat log restore-versions --data caveat-data",
        "",
        "Exit codes: 0 restored, or nothing to restore; 1 the log does not verify or the",
        "store cannot be opened; 64 wrong usage."})
final class LogRestoreCommand implements Callable<Integer> {
  @Mixin
  private ServeCommand.StoreOptions store;

  @CommandLine.Spec
  private CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (Store s = store.openExisting()) {
      List<String> fixed = s.published().restoreFromLog();
      if (fixed.isEmpty()) {
        out.println("published versions match the decision log; nothing was changed");
      } else {
        out.println("restored the published versions from the decision log (" + s.describe() + "); what differed:");
        fixed.forEach(p -> out.println("  - " + p));
      }
      return CaveatCli.OK;
    } catch (StoreException e) {
      throw new CliException(e.getMessage(), e);
    }
  }
}
