package org.caveat.flink;

import java.util.List;
import org.caveat.replay.EventFormat;
import picocli.CommandLine.Option;

/** The Kafka options of {@link ComplianceJobCommand} (a picocli mixin). */
final class KafkaArgs {
  @Option(names = "--kafka", paramLabel = "HOST:PORT[,…]", description = "Kafka brokers for --kafka-events and --kafka-decisions.")
  String bootstrap;

  @Option(names = "--kafka-events", paramLabel = "TOPIC", split = ",",
      description = "Topics of events, one event per record; repeatable.")
  List<String> topics = List.of();

  @Option(names = "--kafka-format", paramLabel = "ndjson|acled",
      description = "What a record holds: an NDJSON request (default) or an ACLED CSV record.")
  EventFormat format = EventFormat.NDJSON;

  @Option(names = "--kafka-acled-header", paramLabel = "LINE",
      description = "The CSV header ACLED records follow (default: the 31 codebook columns in order).")
  String acledHeader = KafkaOptions.ACLED_HEADER;

  @Option(names = "--kafka-group", paramLabel = "ID", description = "Consumer group (default: caveat-flink).")
  String group = "caveat-flink";

  @Option(names = "--kafka-follow",
      description = "Keep reading new records (the job then runs until cancelled); default: read to the end offsets at start, then finish.")
  boolean follow;

  @Option(names = "--kafka-decisions", paramLabel = "TOPIC",
      description = "Topic of decision lines (exactly once, transactional); bad rows go to TOPIC-bad-rows.")
  String decisions;

  /** Usage errors, or null. */
  String problem() {
    if (format == EventFormat.GEOJSON) return "--kafka-format is ndjson or acled";
    if (bootstrap == null && (!topics.isEmpty() || decisions != null)) {
      return "--kafka-events and --kafka-decisions need --kafka HOST:PORT";
    }
    return null;
  }

  KafkaOptions options() {
    if (bootstrap == null) return null;
    return new KafkaOptions(bootstrap, topics, format, acledHeader, group, !follow, decisions,
        decisions == null ? null : decisions + "-bad-rows");
  }
}
