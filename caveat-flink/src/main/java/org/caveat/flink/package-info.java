/**
 * Caveat's replay as an Apache Flink DataStream job ({@link org.caveat.flink.ComplianceJob}):
 * event files read by a {@code FileSource} with replay's own readers and mapping
 * ({@link org.caveat.flink.EventFileFormat}), each event decided with the core library as of its
 * time and rendered by replay's renderer ({@link org.caveat.flink.DecideFunction}), written
 * exactly once by a {@code FileSink} into one folder per input file ({@link org.caveat.flink.Buckets}).
 * {@link org.caveat.flink.ComplianceJobCommand} runs it locally or on a cluster. Reads reports of
 * uses after the fact; it never proposes one.
 */
package org.caveat.flink;
