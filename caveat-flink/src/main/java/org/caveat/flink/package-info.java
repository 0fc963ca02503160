/**
 * Caveat's replay as an Apache Flink DataStream job ({@link org.caveat.flink.ComplianceJob}):
 * event files read by a {@code FileSource} with replay's own readers and mapping
 * ({@link org.caveat.flink.EventFileFormat}), each event decided with the core library as of its
 * time and rendered by replay's renderer ({@link org.caveat.flink.DecideFunction}), written
 * exactly once by a {@code FileSink} into one folder per input file ({@link org.caveat.flink.Buckets}).
 * Kafka topics in and out ({@link org.caveat.flink.KafkaEvents}, {@link org.caveat.flink.KafkaDecisions}),
 * published versions as a broadcast stream ({@link org.caveat.flink.PolicyDecideFunction}) and daily
 * event-time summaries with a lateness policy ({@link org.caveat.flink.Summaries}) complete it.
 * {@link org.caveat.flink.ComplianceJobCommand} runs it locally or on a cluster. Reads reports of
 * uses after the fact; it never proposes one.
 */
package org.caveat.flink;
