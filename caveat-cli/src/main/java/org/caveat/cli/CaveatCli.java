package org.caveat.cli;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.caveat.geo.ReferenceGeography;
import org.caveat.policy.Diagnostic;
import org.caveat.policy.PolicyException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of {@code caveat}. Owns the exit-code contract and the promise that no input, however
 * bad, ends in a Java stack trace: policy problems become rendered diagnostics, expected failures
 * one line, and anything else one line too (the trace only with {@code CAVEAT_DEBUG=1}).
 */
@Command(name = "caveat",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
        "Checks reported or proposed uses of supplied weapons against the end-use",
        "restrictions in force on that date, and explains why. A compliance and audit",
        "tool: it never selects, ranks or suggests targets."},
    footer = {
        "",
        "Examples:",
        "  caveat check examples/kharkiv.ndjson --format text",
        "  caveat check - < requests.ndjson > answers.ndjson",
        "  caveat validate packs",
        "  caveat test packs --coverage",
        "  caveat timeline us-ua --as-of 2024-06-01",
        "  caveat diff us-ua@2022-06-01 us-ua@2024-05-30",
        "  caveat doc packs --out docs/record  (the generated record of the packs)",
        "  caveat serve                      (the decision service, SQLite under ./caveat-data)",
        "  caveat token create --name alice --role analyst",
        "  caveat log verify",
        "  caveat pack export --data caveat-data served-packs",
        "  caveat gen-events --rows 1000 --seed 7 --out events.csv",
        "  caveat replay events.csv --summary --report report.html",
        "",
        "Exit codes: 0 ok; 1 policy-pack, assumption or unexpected error; 2 some",
        "request was malformed (the others were still answered); 64 wrong usage."})
public final class CaveatCli implements Runnable {
  static final int OK = 0;
  static final int FAILED = 1;
  static final int MALFORMED = 2;
  static final int USAGE = 64;

  /** Raw standard streams: answers are written as bytes, bypassing System.out's encoder and lock. */
  final InputStream stdin;
  final OutputStream stdout;

  @CommandLine.Spec
  private CommandLine.Model.CommandSpec spec;

  CaveatCli(InputStream stdin, OutputStream stdout) {
    this.stdin = stdin;
    this.stdout = stdout;
  }

  @Override
  public void run() {
    // `caveat` alone: say what there is rather than doing nothing silently.
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (check, validate, test, timeline, diff, doc, serve, token, log, pack, replay, gen-events or schema)");
  }

  /**
   * The commands by name, in the order help lists them (registered by {@link #commandLine}). The
   * names are written out rather than read from the annotations, which would load every command.
   */
  static final Map<String, Class<?>> COMMANDS = commands("check", CheckCommand.class, "validate",
      ValidateCommand.class, "test", TestCommand.class, "timeline", TimelineCommand.class, "diff", DiffCommand.class,
      "doc", DocCommand.class, "serve", ServeCommand.class, "token", TokenCommand.class, "log", LogCommand.class,
      "pack", PackCommand.class, "replay", ReplayCommand.class, "gen-events", GenEventsCommand.class,
      "schema", SchemaCommand.class);

  private static Map<String, Class<?>> commands(Object... nameThenClass) {
    Map<String, Class<?>> byName = new LinkedHashMap<>();
    for (int i = 0; i < nameThenClass.length; i += 2) byName.put((String) nameThenClass[i], (Class<?>) nameThenClass[i + 1]);
    return byName;
  }

  /**
   * The command line of {@code root} for {@code args}. When the first argument names a command,
   * only that command is registered: picocli builds the model of every registered command up
   * front (annotations read by reflection), which costs more start-up than a one-request
   * {@code check} decides; anything else (no command, {@code --help}, a misspelt name) gets all.
   */
  static CommandLine commandLine(CaveatCli root, String[] args) {
    CommandLine cli = new CommandLine(root);
    Class<?> named = args.length > 0 ? COMMANDS.get(args[0]) : null;
    if (named != null) {
      cli.addSubcommand(named);
    } else {
      COMMANDS.values().forEach(cli::addSubcommand);
    }
    return cli;
  }

  public static void main(String[] args) {
    preloadGeography();
    System.exit(run(args, new FileInputStream(FileDescriptor.in), new FileOutputStream(FileDescriptor.out),
        new FileOutputStream(FileDescriptor.err)));
  }

  /**
   * Starts reading the shipped geography (the largest single start-up cost) on a spare core while
   * picocli parses the command line; the engine build later joins it. Harmless when unused. Its
   * compact form is kept in the cache folder ({@link CacheDir}), which loads faster than
   * the GeoJSON.
   */
  private static void preloadGeography() {
    Thread t = new Thread(() -> {
      try {
        java.nio.file.Path dir = CacheDir.fromEnvironment();
        if (dir != null) ReferenceGeography.shipped(CacheDir.geography(dir));
        else ReferenceGeography.shipped();
      } catch (RuntimeException e) {
        // The engine build loads it again on the main thread and reports any problem there.
      }
    }, "caveat-preload");
    t.setDaemon(true);
    t.start();
  }

  /** Runs one invocation; separate from {@link #main} so tests can supply and capture the streams. */
  static int run(String[] args, InputStream in, OutputStream out, OutputStream err) {
    CommandLine cli = commandLine(new CaveatCli(in, out), args);
    cli.setOut(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true));
    cli.setErr(new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true));
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setParameterExceptionHandler(CaveatCli::usageError);
    cli.setExecutionExceptionHandler((e, line, parsed) -> failure(e, line.getErr()));
    int code;
    try {
      code = cli.execute(args);
    } catch (Error e) {
      // picocli hands only Exceptions to the handler; a StackOverflowError must not print a trace either.
      code = failure(e, cli.getErr());
    }
    cli.getOut().flush();
    cli.getErr().flush();
    return code;
  }

  private static int usageError(CommandLine.ParameterException e, String[] args) {
    PrintWriter err = e.getCommandLine().getErr();
    err.println("caveat: " + UsageMessages.explain(e));
    err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
    return USAGE;
  }

  /** Maps any exception escaping a command to one or more readable lines and an exit code. */
  static int failure(Throwable e, PrintWriter err) {
    if (e instanceof PolicyException p) {
      for (Diagnostic d : p.diagnostics()) err.println(CliDiagnostics.render(d));
    } else if (e instanceof CliException) {
      err.println("caveat: " + e.getMessage());
    } else {
      String what = String.valueOf(e).replaceAll("\\s*\\R\\s*", " ");
      err.println("caveat: unexpected error: " + what + " (set CAVEAT_DEBUG=1 for details)");
    }
    if ("1".equals(System.getenv("CAVEAT_DEBUG"))) e.printStackTrace(err);
    err.flush();
    return FAILED;
  }
}
