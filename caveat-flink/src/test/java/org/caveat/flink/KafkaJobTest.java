package org.caveat.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kafka in and out against a real broker in this process: the ACLED records of
 * {@code examples/replay/synthetic-300.csv}, one per Kafka record, and one broken record, go
 * through the job (two slots) into a decisions topic (transactional, read committed) and the
 * output folder. Every decision line is {@code caveat replay}'s for the same row, its
 * {@code "line"} the record's offset; the broken record is one bad row in the bad-rows topic.
 */
class KafkaJobTest {
  @RegisterExtension
  static final MiniClusterExtension CLUSTER = new MiniClusterExtension(
      new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

  static final Path EXAMPLE = Path.of("../examples/replay/synthetic-300.csv");

  @Test
  void kafkaRecordsAreDecidedAsReplayDecidesTheFile(@TempDir Path tmp) throws Exception {
    List<String> records = csvRecords(Files.readAllLines(EXAMPLE));
    assertThat(records.get(0)).isEqualTo(KafkaOptions.ACLED_HEADER);
    List<String> events = new ArrayList<>(records.subList(1, records.size()));
    events.add("UKR999999,not a date");
    try (KafkaBroker kafka = new KafkaBroker(tmp.resolve("kafka"))) {
      kafka.createTopics("events", "decisions", "decisions-bad-rows");
      kafka.produce("events", events);

      StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
      env.setParallelism(2);
      Path out = tmp.resolve("out");
      KafkaOptions k = KafkaOptions.of(kafka.bootstrap(), List.of("events"), "decisions");
      JobOptions options = JobOptions.of(List.of(), out.toString(), Duration.ofMillis(200))
          .withKafka(new KafkaOptions(k.bootstrap(), k.topics(), org.caveat.replay.EventFormat.ACLED,
              k.acledHeader(), k.group(), true, k.decisionsTopic(), k.badRowsTopic()));
      ComplianceJob.build(env, options);
      env.execute("kafka-test");

      // Replay's n-th line (one per event, in input order) is the record at offset n.
      List<String> replayed = Replayed.replay(EXAMPLE).lines();
      List<String> expected = java.util.stream.IntStream.range(0, replayed.size())
          .mapToObj(n -> atOffset(replayed.get(n), n)).toList();
      List<ConsumerRecord<String, String>> decided = kafka.readAll("decisions");
      List<String> got = decided.stream().map(r -> r.value() + "\n")
          .sorted(java.util.Comparator.comparingLong(Replayed::lineOf)).toList();
      assertThat(got).hasSize(300).isEqualTo(expected);
      assertThat(decided).allSatisfy(r -> assertThat(r.key()).isEqualTo("events-0:" + Replayed.lineOf(r.value())));
      assertThat(Replayed.byLine(out.resolve(Buckets.DECISIONS).resolve("events-0"))).isEqualTo(expected);

      List<ConsumerRecord<String, String>> bad = kafka.readAll("decisions-bad-rows");
      assertThat(bad).hasSize(1);
      assertThat(bad.get(0).key()).isEqualTo("events-0:300");
      assertThat(bad.get(0).value()).contains("\"code\":\"event.bad\"").contains("wrong column count").contains("\"line\":300");
    }
  }

  /** A replay line as the job writes it for the same event read from the record at {@code offset}. */
  static String atOffset(String replayLine, long offset) {
    long line = Replayed.lineOf(replayLine);
    return replayLine.replace("\"at\":\"line " + line + "\"", "\"at\":\"line " + offset + "\"")
        .replace("\"line\":" + line + "}\n", "\"line\":" + offset + "}\n");
  }

  /** The file's CSV records: lines joined while a quoted field is open (the test file's quotes are balanced). */
  static List<String> csvRecords(List<String> lines) {
    List<String> records = new ArrayList<>();
    StringBuilder open = null;
    for (String line : lines) {
      if (open == null) open = new StringBuilder(line);
      else open.append('\n').append(line);
      if (open.chars().filter(c -> c == '"').count() % 2 == 0) {
        records.add(open.toString());
        open = null;
      }
    }
    return records;
  }
}
