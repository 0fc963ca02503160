package org.caveat.flink;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import org.caveat.replay.EventFormat;

/**
 * What one run of the {@link ComplianceJob} reads, decides with and writes.
 *
 * @param events      event files or directories (a directory is read with its sub-directories)
 * @param out         the output directory (see {@link Buckets})
 * @param format      the input format, or null to detect it per file
 * @param mapping     the ACLED mapping file, or null for the built-in one
 * @param packs       the packs folder, or null for the built-in packs
 * @param watch       how often to look for new files in the directories, or null to read what is there and stop
 * @param checkpoints the checkpoint interval: output files are committed at each checkpoint
 * @param kafka       Kafka topics in and out, or null for files only
 * @param policies    a folder of published versions ({@code grant/version.yaml}) on top of the packs, or null;
 *                    with {@code watch}, versions added to it later arrive on the policy stream
 * @param summaries   daily summaries ({@link Summaries}), or null for none
 */
public record JobOptions(List<String> events, String out, EventFormat format, String mapping, String packs,
    Duration watch, Duration checkpoints, KafkaOptions kafka, String policies, SummaryOptions summaries)
    implements Serializable {
  /** The {@link Summaries}' watermark delay and allowed lateness. */
  public record SummaryOptions(Duration delay, Duration lateness) implements Serializable {}

  public JobOptions {
    events = List.copyOf(events);
  }

  /** Read the given files once, detect formats, built-in mapping and packs. */
  public static JobOptions of(List<String> events, String out, Duration checkpoints) {
    return new JobOptions(events, out, null, null, null, null, checkpoints, null, null, null);
  }

  /** These options with Kafka topics in and out. */
  public JobOptions withKafka(KafkaOptions k) {
    return new JobOptions(events, out, format, mapping, packs, watch, checkpoints, k, policies, summaries);
  }

  /** These options with a folder of published versions, watched with {@code every} (null: read once). */
  public JobOptions withPolicies(String dir, Duration every) {
    return new JobOptions(events, out, format, mapping, packs, every, checkpoints, kafka, dir, summaries);
  }

  /** These options with daily summaries. */
  public JobOptions withSummaries(Duration delay, Duration lateness) {
    return new JobOptions(events, out, format, mapping, packs, watch, checkpoints, kafka, policies,
        new SummaryOptions(delay, lateness));
  }

  /** Whether versions arrive while the job runs (a watched folder of published versions). */
  public boolean policyStream() {
    return policies != null && watch != null;
  }

  /** Whether decision lines go to files ({@code out}) at all. */
  public boolean toFiles() {
    return out != null;
  }
}
