package org.caveat.flink;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.caveat.replay.EventFormat;
import org.caveat.replay.EventSource;
import org.caveat.replay.ReplayException;

/**
 * Kafka topics of events as a source of {@link EventRow}s. Each record's value is one event — an
 * NDJSON request, or an ACLED CSV record following the configured header — and is framed, parsed
 * and mapped by replay's own readers ({@link EventFormat#open}, the ACLED header put before the
 * record), so a record decides exactly as the same line in a file. The row's {@code file} is
 * {@code <topic>-<partition>} and its {@code line} the record's offset: every output line names
 * the record it came from. A record that holds no event or more than one is one bad row.
 */
public final class KafkaEvents implements KafkaRecordDeserializationSchema<EventRow> {
  private static final long serialVersionUID = 1L;

  private final EventFormat format;
  private final byte[] header;
  private final String mappingFile;

  KafkaEvents(EventFormat format, String acledHeader, String mappingFile) {
    this.format = format;
    this.header = (acledHeader + "\n").getBytes(StandardCharsets.UTF_8);
    this.mappingFile = mappingFile;
  }

  /** The source of {@code kafka.topics()}, from the earliest offsets (bounded: to the end offsets at start). */
  public static KafkaSource<EventRow> source(KafkaOptions kafka, String mappingFile) {
    KafkaSourceBuilder<EventRow> b = KafkaSource.<EventRow>builder()
        .setBootstrapServers(kafka.bootstrap())
        .setTopics(kafka.topics())
        .setGroupId(kafka.group())
        .setStartingOffsets(OffsetsInitializer.earliest())
        .setDeserializer(new KafkaEvents(kafka.format(), kafka.acledHeader(), mappingFile))
        // Only committed records of transactional producers (Caveat's own sink among them).
        .setProperty("isolation.level", "read_committed");
    if (kafka.bounded()) b.setBounded(OffsetsInitializer.latest());
    return b.build();
  }

  @Override
  public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<EventRow> out) throws IOException {
    String file = record.topic() + "-" + record.partition();
    long offset = record.offset();
    List<EventRow> rows = new ArrayList<>(1);
    byte[] value = record.value() == null ? new byte[0] : record.value();
    InputStream in = format == EventFormat.ACLED
        ? new SequenceInputStream(new ByteArrayInputStream(header), new ByteArrayInputStream(value))
        : new ByteArrayInputStream(value);
    try (EventSource source = format.open(in, format == EventFormat.ACLED ? EventFileFormat.mapping(mappingFile) : null)) {
      EventSource.Framed item;
      while ((item = source.next()) != null) rows.add(EventFileReader.row(file, source.decode(item, null)));
    } catch (ReplayException e) {
      rows.clear();
      rows.add(new EventRow(file, offset, null, null, null, "the record cannot be read as an event: " + e.getMessage()));
    }
    if (rows.size() != 1) {
      String id = rows.isEmpty() ? null : rows.get(0).id;
      out.collect(new EventRow(file, offset, id, null, null, rows.isEmpty()
          ? "the record holds no event" : "the record holds " + rows.size() + " events: a record is one event"));
      return;
    }
    EventRow row = rows.get(0);
    row.line = offset;
    out.collect(row);
  }

  @Override
  public TypeInformation<EventRow> getProducedType() {
    return TypeInformation.of(EventRow.class);
  }
}
