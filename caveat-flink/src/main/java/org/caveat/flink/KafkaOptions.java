package org.caveat.flink;

import java.io.Serializable;
import java.util.List;
import org.caveat.replay.AcledColumns;
import org.caveat.replay.EventFormat;

/**
 * The Kafka side of a run: topics of event records in, and topics the decision lines go to.
 *
 * @param bootstrap      the brokers ({@code host:port,…})
 * @param topics         topics of events, one event per record (an NDJSON request or an ACLED CSV record); may be empty
 * @param format         {@link EventFormat#NDJSON} or {@link EventFormat#ACLED}
 * @param acledHeader    the CSV header the ACLED records follow (records carry no header of their own)
 * @param group          the consumer group (offsets are committed to it at checkpoints, for monitoring)
 * @param bounded        read each partition up to its end offset at start, then finish (re-deciding a topic's history)
 * @param decisionsTopic the topic of decision lines, or null for none
 * @param badRowsTopic   the topic of bad rows' {@code event.bad} records (used when decisionsTopic is set)
 */
public record KafkaOptions(String bootstrap, List<String> topics, EventFormat format, String acledHeader,
    String group, boolean bounded, String decisionsTopic, String badRowsTopic) implements Serializable {
  /** The header of the modern 31-column ACLED export, in codebook order. */
  public static final String ACLED_HEADER = String.join(",", AcledColumns.NAMES);

  public KafkaOptions {
    topics = List.copyOf(topics);
    if (format == EventFormat.GEOJSON) throw new IllegalArgumentException("Kafka events are NDJSON or ACLED records");
  }

  /** NDJSON events from {@code topics} to the end offsets at start, decisions to {@code decisionsTopic}. */
  public static KafkaOptions of(String bootstrap, List<String> topics, String decisionsTopic) {
    return new KafkaOptions(bootstrap, topics, EventFormat.NDJSON, ACLED_HEADER, "caveat-flink", true, decisionsTopic,
        decisionsTopic == null ? null : decisionsTopic + "-bad-rows");
  }
}
