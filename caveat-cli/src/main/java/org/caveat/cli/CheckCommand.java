package org.caveat.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.caveat.Caveat;
import picocli.CommandLine.Command;
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

  @Option(names = "--assume", paramLabel = "NAME=VALUE",
      description = "Overrides a pack assumption for this run, e.g. kharkiv_band_depth_km=40. Repeatable.")
  private Map<String, String> assumptions = new LinkedHashMap<>();

  @Option(names = "--format", paramLabel = "json|text", defaultValue = "json",
      description = "json (default): one NDJSON line per request; text: a readable block per request.")
  private Format format;

  @Option(names = "--packs", paramLabel = "DIR",
      description = "A folder of policy packs (or one grant folder); default: the built-in packs.")
  private Path packs;

  @Option(names = "--quotes",
      description = "JSON: add a \"sources\" object with the outlet, date, URL, quote and attribution of every source cited.")
  private boolean quotes;

  @Option(names = "--threads", paramLabel = "N",
      description = "Worker threads deciding in parallel (default: the number of cores).")
  private int threads = Runtime.getRuntime().availableProcessors();

  @Override
  public Integer call() throws IOException, InterruptedException {
    // Open the input first: a typo in the file name should not wait for the packs to compile.
    try (Reader in = open(input, cli.stdin)) {
      Caveat caveat = engine(packs, assumptions);
      Renderer renderer = format == Format.text ? new TextRenderer() : new JsonRenderer(quotes);
      boolean pipe = input.equals("-");
      long malformed = new CheckPipeline(caveat, renderer, Math.max(1, threads)).run(in, pipe, cli.stdout);
      return malformed > 0 ? CaveatCli.MALFORMED : CaveatCli.OK;
    }
  }

  /** Builds the engine; a {@link org.caveat.policy.PolicyException} reaches the top-level handler. */
  private static Caveat engine(Path packs, Map<String, String> assumptions) {
    Caveat.Builder b = Caveat.builder();
    if (packs != null) b.packs(packs);
    assumptions.forEach(b::assume);
    return b.build();
  }

  private static Reader open(String name, InputStream stdin) {
    InputStream raw;
    if (name.equals("-")) {
      raw = stdin;
    } else {
      Path p = Path.of(name);
      try {
        if (Files.isDirectory(p)) throw new CliException("cannot read " + name + ": it is a folder", null);
        raw = Files.newInputStream(p);
      } catch (NoSuchFileException e) {
        throw new CliException("cannot read " + name + ": no such file", e);
      } catch (IOException e) {
        throw new CliException("cannot read " + name + ": " + e.getMessage(), e);
      }
    }
    // Invalid UTF-8 becomes U+FFFD instead of aborting the whole run; that request then fails alone.
    return new InputStreamReader(raw, StandardCharsets.UTF_8);
  }
}
