package org.caveat.cli;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import org.caveat.Caveat;
import org.caveat.replay.CountingInputStream;
import org.caveat.replay.DecisionRenderer;
import org.caveat.replay.EventFormat;
import org.caveat.replay.EventSource;
import org.caveat.replay.Mapping;
import org.caveat.replay.ReplayEvent;
import org.caveat.replay.ReplayException;
import org.caveat.replay.ReplayRunner;
import org.caveat.replay.Summary;
import org.caveat.replay.VaryTally;
import org.caveat.report.ReplayRow;
import org.caveat.report.ReportBuilder;
import org.caveat.timeline.Sensitivity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code caveat replay}: replays an event file against the restrictions in force on each event's date. */
@Command(name = "replay",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    header = "Replays reported events (ACLED CSV, NDJSON or GeoJSON) against the restrictions in force.",
    description = {
        "",
        "Each event is decided as `caveat check` would, on its own date, streaming on",
        "all cores in constant memory, output in input order. ACLED rows become",
        "requests through a mapping of CEL expressions (a default one ships; see",
        "docs/REPLAY.md). A bad row is reported on stderr with its line and skipped.",
        "Without --out, --summary, --report or --vary the decisions go to stdout.", ""},
    footer = {
        "",
        "Examples:",
        "  caveat replay examples/replay/synthetic-300.csv --summary",
        "  caveat replay events.csv --out decisions.ndjson --report report.html --summary",
        "  caveat replay events.csv --mapping my-mapping.yaml --as-of 2024-06-01",
        "  caveat replay events.csv --vary kharkiv_band_depth_km=40..120:40",
        "",
        "Exit codes: 0 every row replayed; 2 some rows were bad (skipped, reported on",
        "stderr); 1 bad pack, mapping or --assume, unreadable file; 64 wrong usage."})
final class ReplayCommand implements Callable<Integer> {
  /** Input formats (auto-detected when not given). */
  enum Format { acled, ndjson, geojson }

  @ParentCommand
  private CaveatCli cli;

  @picocli.CommandLine.Spec
  private picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE|-", description = "The events; '-' reads stdin.")
  private String input;

  @Option(names = "--format", paramLabel = "acled|ndjson|geojson",
      description = "Input format (default: detected from the content).")
  private Format format;

  @Option(names = "--out", paramLabel = "FILE",
      description = "Write the decisions (NDJSON: check's answer plus \"line\") to FILE; '-' is stdout.")
  private String out;

  @Option(names = "--report", paramLabel = "FILE", description = "Write the self-contained HTML report to FILE.")
  private Path report;

  @Option(names = "--summary", description = "Print a table of counts on stdout at the end.")
  private boolean summary;

  @Option(names = "--mapping", paramLabel = "FILE", description = "ACLED mapping file (default: the built-in one).")
  private Path mapping;

  @Option(names = "--quotes", description = "Decisions: add the full record of every source cited.")
  private boolean quotes;

  @Mixin
  private EngineOptions engine;

  @Option(names = "--as-of", paramLabel = "TIME", converter = Options.AsOf.class,
      description = "The time of events that have none (ISO 8601 instant or date).")
  private Instant asOf;

  @Option(names = "--vary", paramLabel = "NAME=FROM..TO:STEP", converter = VaryReport.RangeConverter.class,
      description = "Sensitivity, as in check --vary: decide every event once per value and print the table"
          + " and the events that change decision.")
  private Sensitivity.Range vary;

  // One worker per core but one: the reader (framing), the ordered writer and, early on, the
  // compiler threads need a core between them. On two cores one worker was as fast as two with
  // ~15 % less CPU, in every run of two sessions (BENCHMARKS.md, "Replay: one worker on two cores").
  // The output is byte-identical for any number of workers.
  @Option(names = "--threads", paramLabel = "N",
      description = "Worker threads (default: the number of cores less one, at least 1).")
  private int threads = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);

  /** The clock of the progress display and the report's date; tests may replace it. */
  Clock clock = Clock.systemUTC();

  @Override
  public Integer call() throws IOException, InterruptedException {
    if (threads < 1) throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--threads must be 1 or more");
    long size = input.equals("-") ? -1 : size(input);
    CountingInputStream counted = new CountingInputStream(Inputs.open(input, cli.stdin));
    BufferedInputStream in = new BufferedInputStream(counted, 1 << 16);
    try (in) {
      EventFormat f = format == null ? EventFormat.detect(in)
          : EventFormat.valueOf(format.name().toUpperCase(java.util.Locale.ROOT));
      if (mapping != null && f != EventFormat.ACLED) {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
            "--mapping applies to ACLED input; this input is " + f.label());
      }
      // The mapping compiles (CEL type checks) on its own thread while the engine builds; its
      // problems are still reported first, as when it was compiled before the engine.
      CompletableFuture<Mapping> compiling = f != EventFormat.ACLED ? CompletableFuture.completedFuture(null)
          : CompletableFuture.supplyAsync(() -> mapping == null ? Mapping.defaults() : Mapping.load(mapping), task -> {
            Thread t = new Thread(task, "caveat-mapping");
            t.setDaemon(true);
            t.start();
          });
      Caveat caveat;
      try {
        caveat = engine.engine();
      } catch (RuntimeException e) {
        joined(compiling);
        throw e;
      }
      Mapping m = joined(compiling);
      List<Caveat> variants = new ArrayList<>();
      if (vary != null) for (String v : vary.texts()) variants.add(engine.engine(vary.name(), v));
      boolean decisionsToStdout = "-".equals(out) || (out == null && !summary && report == null && vary == null);
      AtomicOutput decisionsFile = decisionsToStdout || out == null ? null : AtomicOutput.create(Path.of(out));
      OutputStream decisions = decisionsToStdout ? cli.stdout : decisionsFile == null ? null : decisionsFile.stream();
      Summary counts = new Summary();
      VaryTally varied = vary == null ? null : new VaryTally(vary);
      ReportBuilder html = report == null ? null : ReportBuilder.builder().engine(caveat).clock(clock)
          .inputName(input.equals("-") ? "stdin" : Path.of(input).getFileName().toString()).build();
      AtomicLong rows = new AtomicLong();
      ProgressBar bar = System.console() != null && !decisionsToStdout
          ? new ProgressBar(spec.commandLine().getErr(), clock, size, counted::count, rows::get).start() : null;
      ReplayRunner.Listener listener = e -> {
        rows.incrementAndGet();
        counts.accept(e);
        if (varied != null) varied.accept(e);
        if (e.isBad()) badRow(e, bar);
        if (html != null) {
          if (e.isBad()) html.acceptBadRow(e.line(), e.bad());
          else if (e.answer() != null) html.accept(ReplayRow.of(e.line(), e.request(), e.answer()));
        }
      };
      // Files appear only whole: a failed or killed run leaves any previous --out or --report as it was.
      try (AtomicOutput written = decisionsFile; EventSource source = f.open(in, m)) {
        new ReplayRunner(caveat, variants, decisions == null ? null : new DecisionRenderer(quotes), threads, asOf)
            .run(source, decisions, listener);
        if (written != null) written.commit();
      } catch (ReplayException e) {
        throw new CliException(e.getMessage(), e);
      } finally {
        if (bar != null) bar.close();
      }
      if (html != null) writeReport(html);
      StringBuilder text = new StringBuilder();
      if (summary) text.append(counts.table());
      if (varied != null) text.append(summary ? "\n" : "").append(varied.text());
      cli.stdout.write(text.toString().getBytes(StandardCharsets.UTF_8));
      cli.stdout.flush();
      return counts.bad() > 0 ? CaveatCli.MALFORMED : CaveatCli.OK;
    } catch (ReplayException e) {
      throw new CliException(e.getMessage(), e);
    }
  }

  /** The future's value, or what its computation threw (a bad mapping's {@code PolicyException}). */
  private static Mapping joined(CompletableFuture<Mapping> f) {
    try {
      return f.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) throw r;
      if (e.getCause() instanceof Error r) throw r;
      throw e;
    }
  }

  private void badRow(ReplayEvent e, ProgressBar bar) {
    String msg = "caveat: " + (input.equals("-") ? "stdin" : input) + ":" + e.line() + ": bad row"
        + (e.id() == null || e.id().isEmpty() ? "" : " " + e.id()) + ": " + e.bad() + " (skipped)";
    if (bar != null) {
      bar.println(msg);
    } else {
      spec.commandLine().getErr().println(msg);
    }
  }

  private static long size(String name) {
    try {
      return Files.size(Path.of(name));
    } catch (IOException e) {
      return -1;
    }
  }

  private void writeReport(ReportBuilder html) throws IOException {
    try (AtomicOutput file = AtomicOutput.create(report)) {
      java.io.Writer w = new java.io.OutputStreamWriter(file.stream(), StandardCharsets.UTF_8);
      html.writeHtml(w);
      file.commit();
    } catch (java.io.UncheckedIOException e) {
      throw new CliException("cannot write " + report + ": " + e.getCause().getMessage(), e);
    }
  }
}
