package org.caveat.flink;

import java.nio.charset.StandardCharsets;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The decision lines as Kafka records, exactly once: {@code KafkaSink} writes them in a Kafka
 * transaction that commits when the checkpoint completes (readers use
 * {@code isolation.level=read_committed}). A decided or unattributed event's line goes to the
 * decisions topic, a bad row's {@code event.bad} record to the bad-rows topic; the value is the
 * line without its newline, the key the input it came from ({@code <file>:<line>}, for a Kafka
 * input {@code <topic>-<partition>:<offset>}).
 */
public final class KafkaDecisions implements KafkaRecordSerializationSchema<DecisionLine> {
  private static final long serialVersionUID = 1L;
  /** Kafka brokers refuse transactions longer than their transaction.max.timeout.ms (15 minutes by default). */
  private static final String TRANSACTION_TIMEOUT_MS = "600000";

  private final String decisionsTopic;
  private final String badRowsTopic;

  KafkaDecisions(String decisionsTopic, String badRowsTopic) {
    this.decisionsTopic = decisionsTopic;
    this.badRowsTopic = badRowsTopic;
  }

  public static KafkaSink<DecisionLine> sink(KafkaOptions kafka) {
    return KafkaSink.<DecisionLine>builder()
        .setBootstrapServers(kafka.bootstrap())
        .setRecordSerializer(new KafkaDecisions(kafka.decisionsTopic(), kafka.badRowsTopic()))
        .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
        .setTransactionalIdPrefix("caveat-" + kafka.decisionsTopic())
        .setProperty("transaction.timeout.ms", TRANSACTION_TIMEOUT_MS)
        .build();
  }

  /** Decision and bad-row lines go to Kafka; the policy record and summaries only to files. */
  static boolean isEventLine(DecisionLine line) {
    return line.bucket.startsWith(Buckets.DECISIONS + "/") || line.bucket.startsWith(Buckets.BAD_ROWS + "/");
  }

  @Override
  public ProducerRecord<byte[], byte[]> serialize(DecisionLine line, KafkaSinkContext context, Long timestamp) {
    String topic = line.bucket.startsWith(Buckets.BAD_ROWS + "/") ? badRowsTopic : decisionsTopic;
    String text = line.text.endsWith("\n") ? line.text.substring(0, line.text.length() - 1) : line.text;
    String key = line.bucket.substring(line.bucket.indexOf('/') + 1) + ":" + line.line;
    return new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), text.getBytes(StandardCharsets.UTF_8));
  }
}
