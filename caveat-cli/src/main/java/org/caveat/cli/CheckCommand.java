package org.caveat.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.Callable;
import org.caveat.Caveat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code caveat check}: answers every request of a file or stdin, one output record per request. */
@Command(name = "check",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    header = "Answers requests: PERMIT, DENY, NOT_APPLICABLE or INDETERMINATE, and why.",
    description = {
        "",
        "Each answer names the grant versions used, the determining rules with their",
        "sources, the geographic facts, and an explanation.",
        "Input: one JSON object, a JSON array of objects, or NDJSON (one per line).",
        "Output: one NDJSON line per request, in input order. A malformed request gets",
        "{\"id\":…,\"error\":{\"code\":…,\"message\":…,\"at\":…}}; the others are still",
        "answered.", ""},
    footer = {
        "",
        "Examples:",
        "  caveat check examples/permit-counter-fire.json",
        "  caveat check examples/kharkiv.ndjson --format text",
        "  caveat check - < requests.ndjson > answers.ndjson",
        "  caveat check --assume kharkiv_band_depth_km=40 examples/kharkiv.ndjson",
        "  caveat check --packs my-packs/ requests.json",
        "  caveat check --quotes examples/permit-counter-fire.json",
        "  caveat check --reliability official,reported requests.ndjson",
        "  caveat check --as-of 2024-06-01 requests-without-time.ndjson",
        "  caveat check --vary kharkiv_band_depth_km=40..120:20 examples/kharkiv.ndjson",
        "",
        "Exit codes: 0 every request answered; 2 some request was malformed; 1 bad",
        "pack, bad --assume or unexpected error (diagnostics on stderr); 64 wrong",
        "usage."})
final class CheckCommand implements Callable<Integer> {
  /** Output formats; JSON is the contract, text is for people. */
  enum Format { json, text }

  @ParentCommand
  private CaveatCli cli;

  @Parameters(index = "0", paramLabel = "FILE|-", description = "Requests to check; '-' reads stdin.")
  private String input;

  @Mixin
  private EngineOptions engine;

  @Option(names = "--format", paramLabel = "json|text", defaultValue = "json",
      description = "json (default): one NDJSON line per request; text: a readable block per request.")
  private Format format;

  @Option(names = "--quotes",
      description = "JSON: add a \"sources\" object with the outlet, date, URL, quote and attribution of every source cited.")
  private boolean quotes;

  @Option(names = "--as-of", paramLabel = "TIME", converter = Options.AsOf.class,
      description = "The time for requests WITHOUT a \"time\" field (ISO 8601 instant, or a date = 00:00 UTC);"
          + " requests with a time keep theirs.")
  private java.time.Instant asOf;

  @Option(names = "--vary", paramLabel = "NAME=FROM..TO:STEP", converter = VaryReport.RangeConverter.class,
      description = "Sensitivity: decide every request once per value of an assumption (e.g."
          + " kharkiv_band_depth_km=40..120:20, at most 1,000 values) and print a table of decisions per value"
          + " and the requests that change decision, instead of the answers. Text by default; --format json"
          + " gives one JSON document. Overrides an --assume of the same name.")
  private org.caveat.timeline.Sensitivity.Range vary;

  @picocli.CommandLine.Spec
  private picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--threads", paramLabel = "N",
      description = "Worker threads deciding in parallel (default: the number of cores).")
  private int threads = Runtime.getRuntime().availableProcessors();

  @Override
  public Integer call() throws IOException, InterruptedException {
    // Open the input first: a typo in the file name should not wait for the packs to compile.
    try (InputStream in = Inputs.open(input, cli.stdin)) {
      if (vary != null) return vary(in);
      Caveat caveat = engine.engine();
      Renderer renderer = format == Format.text ? new TextRenderer() : new JsonRenderer(quotes);
      boolean pipe = input.equals("-");
      long malformed = new CheckPipeline(caveat, renderer, Math.max(1, threads), org.caveat.json.RequestDefaults.asOf(asOf))
          .run(in, pipe, cli.stdout);
      return malformed > 0 ? CaveatCli.MALFORMED : CaveatCli.OK;
    }
  }

  /** {@code --vary}: one engine per value (sharing the shipped geography), then the sensitivity table. */
  private int vary(InputStream in) throws IOException {
    boolean json = spec.commandLine().getParseResult().hasMatchedOption("--format") && format == Format.json;
    java.util.function.Function<String, Caveat> build = value -> engine.engine(vary.name(), value);
    // The first engine is built before reading: an unknown name or a bad value type fails at once.
    String first = vary.texts().get(0);
    Caveat firstEngine = build.apply(first);
    return VaryReport.run(in, org.caveat.json.RequestDefaults.asOf(asOf), vary,
        value -> value.equals(first) ? firstEngine : build.apply(value), json, cli.stdout);
  }
}
