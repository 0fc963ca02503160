package org.caveat.flink;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.core.fs.Path;
import java.util.Map;
import org.apache.flink.streaming.api.datastream.BroadcastStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.filesystem.OutputFileConfig;
import org.apache.flink.streaming.api.functions.sink.filesystem.rollingpolicies.OnCheckpointRollingPolicy;

/**
 * The compliance job: event files in ({@code FileSource}, bounded or watching directories) and
 * Kafka topics ({@link KafkaEvents}), replay's mapping, a decision per event with the core library as of the event's time, and
 * {@code caveat replay}'s output lines out ({@code FileSink}, exactly once: part files are
 * committed only when a checkpoint completes, and a restart resumes each file after the last item
 * the checkpoint counted), and to a Kafka topic ({@link KafkaDecisions}, transactional). Optionally
 * published versions arrive as a broadcast stream ({@link PolicyDecideFunction}) and daily
 * summaries are counted in event-time windows ({@link Summaries}).
 *
 * <p>Order: with parallelism 1 every file's lines are written in input order. With more, reading
 * a file stays sequential but its events are decided on all slots, so lines of one file are spread
 * over several part files in no defined order; sorting a file's folder by {@code "line"} gives
 * exactly {@code caveat replay}'s output.
 */
public final class ComplianceJob {
  private ComplianceJob() {}

  /** Adds the whole job to {@code env}: checkpointing, source, decisions, sink. */
  public static void build(StreamExecutionEnvironment env, JobOptions options) {
    env.enableCheckpointing(options.checkpoints().toMillis());
    DataStream<DecisionLine> lines = decide(events(env, options), options);
    JobOptions.SummaryOptions summaries = options.summaries();
    if (summaries != null) lines = lines.union(Summaries.of(lines, summaries.delay(), summaries.lateness()));
    write(lines, options);
  }

  /** The mapped events of every input file and Kafka topic. */
  public static DataStream<EventRow> events(StreamExecutionEnvironment env, JobOptions options) {
    DataStream<EventRow> files = options.events().isEmpty() ? null : files(env, options);
    KafkaOptions kafka = options.kafka();
    if (kafka == null || kafka.topics().isEmpty()) return files;
    DataStream<EventRow> records = env.fromSource(KafkaEvents.source(kafka, options.mapping()),
        WatermarkStrategy.noWatermarks(), "kafka events");
    return files == null ? records : files.union(records);
  }

  private static DataStream<EventRow> files(StreamExecutionEnvironment env, JobOptions options) {
    Path[] paths = options.events().stream().map(Path::new).toArray(Path[]::new);
    FileSource.FileSourceBuilder<EventRow> source =
        FileSource.forBulkFileFormat(new EventFileFormat(options.format(), options.mapping()), paths);
    if (options.watch() != null) source.monitorContinuously(options.watch());
    return env.fromSource(source.build(), WatermarkStrategy.noWatermarks(), "events");
  }

  /** Each event decided (or kept as unattributed or bad), on every slot. */
  public static DataStream<DecisionLine> decide(DataStream<EventRow> events, JobOptions options) {
    // One slot: decide in the reading task (chained, input order kept). More: spread the events.
    StreamExecutionEnvironment env = events.getExecutionEnvironment();
    DataStream<EventRow> spread = env.getParallelism() > 1 ? events.rebalance() : events;
    Map<String, String> seed = PolicySeed.read(options.policies());
    boolean tally = options.summaries() != null;
    if (!options.policyStream()) {
      return spread.map(new DecideFunction(options.packs(), seed).withTallies(tally)).name("decide");
    }
    FileSource<PolicyFile> published = FileSource.forBulkFileFormat(new PolicyFileFormat(), new Path(options.policies()))
        .monitorContinuously(options.watch()).build();
    BroadcastStream<PolicyFile> versions = env.fromSource(published, WatermarkStrategy.noWatermarks(), "policies")
        .setParallelism(1).broadcast(PolicyDecideFunction.VERSIONS);
    return spread.connect(versions).process(new PolicyDecideFunction(options.packs(), seed, tally)).name("decide");
  }

  /** The output lines into {@link Buckets} and/or Kafka topics, committed at checkpoints. */
  public static void write(DataStream<DecisionLine> lines, JobOptions options) {
    if (options.kafka() != null && options.kafka().decisionsTopic() != null) {
      lines.filter(KafkaDecisions::isEventLine).name("event lines")
          .sinkTo(KafkaDecisions.sink(options.kafka())).name("kafka decisions");
    }
    if (!options.toFiles()) return;
    FileSink<DecisionLine> sink = FileSink
        .forRowFormat(new Path(options.out()), new DecisionEncoder())
        .withBucketAssigner(new Buckets())
        .withRollingPolicy(OnCheckpointRollingPolicy.build())
        .withOutputFileConfig(OutputFileConfig.builder().withPartPrefix("part").withPartSuffix(".ndjson").build())
        .build();
    lines.sinkTo(sink).name("decisions");
  }
}
