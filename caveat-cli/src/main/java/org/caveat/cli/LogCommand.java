package org.caveat.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.caveat.server.log.RedecideCheck;
import org.caveat.server.log.Redecider;
import org.caveat.server.policy.EngineFactory;
import org.caveat.server.policy.LiveEngine;
import org.caveat.store.LogHead;
import org.caveat.store.Store;
import org.caveat.store.VerifyReport;
import org.caveat.store.head.LogPublicKey;
import org.caveat.store.head.LogSigningKey;
import org.caveat.store.head.SignedTreeHead;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code caveat log verify | show | proof | restore-versions}: checks the decision log (alone, or
 * against a signed head saved earlier), prints an entry with its answer rebuilt, checks proofs
 * offline, and rewrites published versions from the log.
 */
@Command(name = "log",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    header = "Checks the tamper-evident decision log of a Caveat service.",
    subcommands = {LogCommand.Verify.class, LogShowCommand.class, LogProofCommand.class, LogRestoreCommand.class},
    footer = {
        "",
        "Examples:",
        "  caveat log verify",
        "  caveat log verify --data /srv/caveat --head head-2026-03-01.json",
        "  caveat log show 42 --data /srv/caveat",
        "  caveat log verify --db jdbc:postgresql://db:5432/caveat --db-user caveat \\",
        "                    --db-password-env PGPASSWORD",
        "  caveat log proof consistency.json --old-head old.json --head new.json --key log.pub",
        "  caveat log restore-versions --data /srv/caveat"})
final class LogCommand implements Runnable {
  @CommandLine.Spec
  private CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required (verify, show,"
        + " proof, restore-versions)");
  }

  /** {@code caveat log verify}. */
  @Command(name = "verify",
      mixinStandardHelpOptions = true,
      versionProvider = VersionProvider.class,
      header = "Recomputes every leaf hash and root of the decision log (RFC 6962).",
      description = {
          "",
          "Reads every entry in index order, recomputes its leaf hash from the stored",
          "content and every tree root from the leaves, and checks the indexes run from 0",
          "without a gap; then checks every published version against the copy the log",
          "holds. An edited, deleted or reordered row is named by its index.",
          "",
          "Alone it cannot see a log cut short, or rewritten with every hash recomputed:",
          "whoever can write the rows can do that consistently. With --head (a signed head",
          "saved earlier from GET /v1/log/head) it also checks the head's signature, that",
          "the log still holds that many entries, and that the root over them is the",
          "head's.", ""},
      footer = {
          "",
          "Examples:",
          "  caveat log verify --data caveat-data",
          "  caveat log verify --data caveat-data --head saved-head.json",
          "  caveat log verify --db jdbc:postgresql://localhost:5432/caveat --head h.json --key log.pub",
          "",
          "Exit codes: 0 the log verifies; 1 it does not (what broke is named), or the",
          "store, head or key cannot be read; 64 wrong usage."})
  static final class Verify implements Callable<Integer> {
    @Mixin
    private ServeCommand.StoreOptions store;

    @Option(names = "--head", paramLabel = "FILE",
        description = "A signed tree head saved earlier (the body of GET /v1/log/head).")
    private Path head;

    @Option(names = "--key", paramLabel = "FILE",
        description = "The log's public key (PEM, or the body of GET /v1/log/key); default: the .pub beside"
            + " the signing key (DATA/log-signing.pub, or ./caveat-log-signing.pub with --db).")
    private Path key;

    @Option(names = "--redecide",
        description = "Also decide every compact entry again against the versions it pinned (on all cores) and"
            + " name each whose logged verdict or determining rules differ.")
    private boolean redecide;

    @Option(names = "--packs", paramLabel = "DIR",
        description = "With --redecide: the packs the service ran with (default: the built-in packs).")
    private Path packs;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      SignedTreeHead saved = head == null ? null
          : checkedHead(head, key != null ? key : LogSigningKey.publicFileOf(store.defaultSigningKey()));
      try (Store s = store.openExisting()) {
        // The hash check reads on one thread; deciding again runs beside it, not after it, so the
        // second core is not idle while the hashes are checked. Reports keep their order.
        FutureTask<Redecided> again = redecide ? new FutureTask<>(() -> decideAgain(s, packs)) : null;
        if (again != null) {
          Thread t = new Thread(again, "caveat-redecide-reader");
          t.setDaemon(true);
          t.start();
        }
        VerifyReport r;
        try {
          r = saved == null ? s.log().verify() : s.log().verify(saved.size(), saved.rootHex());
        } catch (RuntimeException e) {
          // The store closes on the way out: let the re-decision finish with it first.
          if (again != null) awaitQuietly(again);
          throw e;
        }
        if (!r.ok()) {
          err.println("log BAD: " + r.problem() + " (first bad entry: "
              + (r.firstBad().isPresent() ? r.firstBad().getAsLong() : "?") + "; " + r.checked()
              + " entries checked before it)");
          if (again != null) report(join(again), out, err);
          return CaveatCli.FAILED;
        }
        if (again != null && !report(join(again), out, err)) {
          return CaveatCli.FAILED;
        }
        List<String> versions = s.published().check();
        if (!versions.isEmpty()) {
          versions.forEach(p -> err.println("published versions BAD: " + p));
          err.println("(the server will not start; `caveat log restore-versions` rewrites them from the log)");
          return CaveatCli.FAILED;
        }
        LogHead now = s.log().head();
        out.println("log ok: " + r.checked() + (r.checked() == 1 ? " entry" : " entries") + ", root " + now.rootHex()
            + " (" + s.describe() + ")");
        if (saved != null) {
          out.println("consistent with the head saved at " + saved.time() + ": "
              + (saved.size() == 1 ? "its entry is there" : "its " + saved.size() + " entries are all there") + ", unchanged");
        }
        return CaveatCli.OK;
      }
    }
  }

  /** What {@code --redecide} found, or why the policy could not be loaded (then {@code result} is null). */
  record Redecided(RedecideCheck.Result result, String policyProblem) {}

  /**
   * Decides every compact entry again (on all cores). Runs even when the hash check fails: an
   * entry edited in the database fails its leaf hash (verify names the first) and, if its verdict
   * was edited, is listed here as well.
   */
  static Redecided decideAgain(Store s, Path packs) {
    LiveEngine live;
    try {
      live = new LiveEngine(EngineFactory.packs(packs), s.published());
    } catch (RuntimeException e) {
      return new Redecided(null, e.getMessage());
    }
    return new Redecided(RedecideCheck.run(s.log(), new Redecider(live, s.versionTexts()),
        Runtime.getRuntime().availableProcessors()), null);
  }

  /** Prints what {@link #decideAgain} found and returns whether every entry agreed. */
  static boolean report(Redecided found, PrintWriter out, PrintWriter err) {
    if (found.policyProblem() != null) {
      err.println("redecide BAD: the policy cannot be loaded: " + found.policyProblem());
      return false;
    }
    RedecideCheck.Result r = found.result();
    r.differences().forEach(d -> err.println("redecide BAD: " + d));
    String summary = r.decided() + " compact " + (r.decided() == 1 ? "entry" : "entries") + " decided again, "
        + r.differences().size() + " differ; " + r.passedOver() + " passed over (published versions, and decisions"
        + " logged before the compact format with their answer)";
    (r.differences().isEmpty() ? out : err).println("redecide " + (r.differences().isEmpty() ? "ok: " : "BAD: ")
        + summary);
    return r.differences().isEmpty();
  }

  /** Waits for the task, whatever its outcome (the caller is already failing for another reason). */
  private static void awaitQuietly(FutureTask<Redecided> task) {
    try {
      task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      // reported by the failure the caller rethrows
    }
  }

  /** The task's result; its failure rethrown as it was thrown (a store error reaches the CLI's handler). */
  private static Redecided join(FutureTask<Redecided> task) {
    try {
      return task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException("interrupted while deciding the log's entries again", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) throw re;
      if (e.getCause() instanceof Error er) throw er;
      throw new IllegalStateException(e.getCause());
    }
  }

  /** Reads a saved head and checks its signature with the key in {@code keyFile}, or fails naming what is wrong. */
  static SignedTreeHead checkedHead(Path headFile, Path keyFile) {
    SignedTreeHead h;
    try {
      h = SignedTreeHead.parse(Files.readString(headFile, StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      throw new CliException(headFile + " is not a signed tree head: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new CliException("cannot read " + headFile + ": " + e, e);
    }
    LogPublicKey pub;
    try {
      pub = LogPublicKey.read(keyFile);
    } catch (NoSuchFileException e) {
      throw new CliException("no public key at " + keyFile + "; give --key FILE (the PEM or the body of"
          + " GET /v1/log/key)", e);
    } catch (IOException | IllegalArgumentException e) {
      throw new CliException("cannot read the public key " + keyFile + ": " + e.getMessage(), e);
    }
    String problem = pub.problem(h);
    if (problem != null) {
      throw new CliException(headFile + ": " + problem, null);
    }
    return h;
  }
}
