package org.caveat.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.caveat.server.log.EntryJson;
import org.caveat.server.log.Redecider;
import org.caveat.server.policy.EngineFactory;
import org.caveat.server.policy.LiveEngine;
import org.caveat.store.LogRecord;
import org.caveat.store.Store;
import org.caveat.store.StoreException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code caveat log show INDEX}: one log entry as {@code GET /v1/log/entries/{index}} shows it
 * (the same bytes, written by {@link EntryJson}), its answer rebuilt by deciding the logged request
 * again against the versions it pinned. Needs no running server, only the store (and the packs
 * the service ran with, for versions the store has no text of).
 */
@Command(name = "show",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    header = "Prints one decision log entry with its answer rebuilt.",
    description = {
        "",
        "A decision is logged as what determines its answer: the request, the time, the",
        "content hashes of the policy versions that decided it, any what-if overrides,",
        "and the verdict with its determining rules. This command decides the request",
        "again against exactly those versions (found by hash in the store, else in the",
        "packs) and prints the entry with the full answer, byte for byte the JSON of",
        "GET /v1/log/entries/INDEX. Entries logged before the compact format carry their",
        "answer and are printed as stored.", ""},
    footer = {
        "",
        "Examples:",
        "  caveat log show 0 --data caveat-data",
        "  caveat log show 1234 --db jdbc:postgresql://db:5432/caveat --db-user caveat --packs packs",
        "",
        "Exit codes: 0 printed; 1 no such entry, the store cannot be opened, or the answer",
        "cannot be rebuilt or differs from the logged verdict (the entry is still printed,",
        "with rebuild_problem); 64 wrong usage."})
final class LogShowCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "INDEX", description = "The entry's index (the first entry is 0).")
  private long index;

  @Mixin
  private ServeCommand.StoreOptions store;

  @Option(names = "--packs", paramLabel = "DIR",
      description = "The packs the service ran with, for versions the store holds no text of (default: the built-in"
          + " packs).")
  private Path packs;

  @CommandLine.Spec
  private CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (Store s = store.openExisting()) {
      Optional<LogRecord> found = index < 0 ? Optional.empty() : s.log().entry(index);
      if (found.isEmpty()) {
        throw new CliException("no log entry " + index + "; the log holds " + s.log().head().size()
            + " (indexes start at 0)", null);
      }
      LiveEngine live;
      try {
        live = new LiveEngine(EngineFactory.packs(packs), s.published());
      } catch (RuntimeException e) {
        throw new CliException("the policy cannot be loaded: " + e.getMessage(), e);
      }
      String json = new String(EntryJson.write(found.get(), new Redecider(live, s.versionTexts())),
          StandardCharsets.UTF_8);
      out.print(json);
      out.flush();
      if (json.contains("\"rebuild_problem\" : ")) {
        err.println("entry " + index + ": its answer could not be rebuilt as logged (see rebuild_problem)");
        return CaveatCli.FAILED;
      }
      return CaveatCli.OK;
    } catch (StoreException e) {
      throw new CliException(e.getMessage(), e);
    }
  }
}
