package org.caveat.flink;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.caveat.policy.PolicyException;
import org.caveat.replay.EventFormat;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code java -jar caveat-flink.jar}: runs the {@link ComplianceJob} in this process on a local
 * MiniCluster ({@code --local}), or submits it to the cluster of {@code flink run}.
 */
@Command(name = "caveat-flink", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = 64,
    description = {"Decides every event of event files (ACLED CSV, NDJSON, GeoJSON) as `caveat replay` does,",
        "as an Apache Flink job; the decisions go to OUT/decisions/<file>/, bad rows to OUT/bad-rows/<file>/."},
    footer = {"", "Example:", "  java -jar caveat-flink/target/caveat-flink.jar --local --events examples/replay --out /tmp/out",
        "", "Exit codes: 0 every row decided or unattributed; 2 some rows were bad (written to bad-rows);",
        "1 a bad pack or mapping, or the job failed; 64 wrong usage."})
public final class ComplianceJobCommand implements Callable<Integer> {
  @Option(names = "--local", description = "Run on a MiniCluster in this process (no Flink installation needed).")
  boolean local;

  @Option(names = "--events", paramLabel = "FILE|DIR", split = ",",
      description = "Event files or directories (read with their sub-directories); repeatable.")
  List<String> events = List.of();

  @Option(names = "--out", paramLabel = "DIR", description = "The output directory.")
  String out;

  @Mixin
  KafkaArgs kafka = new KafkaArgs();

  @Option(names = "--parallelism", paramLabel = "N", description = "Parallel slots (default: 1, which keeps input order).")
  int parallelism = 1;

  @Option(names = "--format", paramLabel = "acled|ndjson|geojson", description = "Input format (default: detected per file).")
  EventFormat format;

  @Option(names = "--mapping", paramLabel = "FILE", description = "ACLED mapping file (default: the built-in one).")
  String mapping;

  @Option(names = "--packs", paramLabel = "DIR", description = "Packs folder (default: the built-in packs).")
  String packs;

  @Option(names = "--policies", paramLabel = "DIR",
      description = {"Published versions (DIR/grant/version.yaml) on top of the packs; with --watch, versions added",
          "later take effect without a restart (a broadcast stream)."})
  String policies;

  @Option(names = "--summaries", description = "Also write daily counts (day × grant × version × verdict) to OUT/summaries/.")
  boolean summaries;

  @Option(names = "--summary-delay", paramLabel = "DURATION",
      description = "How far events may arrive out of time order and still count in their day's first count (ISO-8601, default P1D).")
  Duration summaryDelay = Duration.ofDays(1);

  @Option(names = "--allowed-lateness", paramLabel = "DURATION",
      description = "How much later still updates a day's count; later events go to OUT/late/ (ISO-8601, default P7D).")
  Duration allowedLateness = Duration.ofDays(7);

  @Option(names = "--watch", paramLabel = "SECONDS",
      description = "Keep watching the directories for new files, every SECONDS (the job then runs until cancelled).")
  Integer watch;

  @Option(names = "--checkpoint-interval", paramLabel = "MS",
      description = "Checkpoint interval; output files are committed at each checkpoint (default: 2000).")
  long checkpointMillis = 2000;

  private final PrintWriter stdout;
  private final PrintWriter stderr;

  ComplianceJobCommand(PrintWriter stdout, PrintWriter stderr) {
    this.stdout = stdout;
    this.stderr = stderr;
  }

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    System.exit(commandLine(out, err).execute(args));
  }

  /** The command line of this command (formats in any case: {@code --format ACLED} or {@code acled}). */
  static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    return new CommandLine(new ComplianceJobCommand(out, err)).setCaseInsensitiveEnumValuesAllowed(true)
        .setOut(out).setErr(err);
  }

  @Override
  public Integer call() throws Exception {
    if (parallelism < 1 || checkpointMillis < 10 || (watch != null && watch < 1)) {
      stderr.println("caveat-flink: --parallelism and --watch must be 1 or more, --checkpoint-interval 10 or more");
      return 64;
    }
    String usage = usageProblem();
    if (usage != null) {
      stderr.println("caveat-flink: " + usage);
      return 64;
    }
    try {
      EventFileFormat.mapping(mapping);
      PolicyEngines.engine(packs, PolicySeed.read(policies));
    } catch (PolicyException | java.io.UncheckedIOException e) {
      stderr.println("caveat-flink: " + e.getMessage());
      return 1;
    }
    JobOptions options = new JobOptions(events, out, format, mapping, packs,
        watch == null ? null : Duration.ofSeconds(watch), Duration.ofMillis(checkpointMillis), kafka.options(), policies,
        summaries ? new JobOptions.SummaryOptions(summaryDelay, allowedLateness) : null);
    StreamExecutionEnvironment env = local
        ? StreamExecutionEnvironment.createLocalEnvironment(parallelism, new Configuration())
        : StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(parallelism);
    ComplianceJob.build(env, options);
    env.execute("caveat compliance");
    if (out == null) {
      stdout.println("decisions in Kafka topic " + kafka.decisions + ", bad rows in " + kafka.decisions + "-bad-rows");
      return 0;
    }
    if (out.contains("://")) {
      // A cluster filesystem (s3://, hdfs://): the counts are not read back from here.
      stdout.println("job finished; decisions in " + out + "/" + Buckets.DECISIONS + "/");
      return 0;
    }
    OutputCounts counts = OutputCounts.of(java.nio.file.Path.of(out));
    stdout.println(counts.line() + "; decisions in " + out + "/" + Buckets.DECISIONS
        + "/, bad rows in " + out + "/" + Buckets.BAD_ROWS + "/");
    return counts.bad() > 0 ? 2 : 0;
  }

  private String usageProblem() {
    if (events.isEmpty() && kafka.topics.isEmpty()) return "give --events FILE|DIR or --kafka-events TOPIC";
    if (out == null && kafka.decisions == null) return "give --out DIR or --kafka-decisions TOPIC";
    if (summaries && out == null) return "--summaries are written to --out DIR";
    if (summaryDelay.isNegative() || allowedLateness.isNegative()) return "--summary-delay and --allowed-lateness are 0 or more";
    return kafka.problem();
  }
}
