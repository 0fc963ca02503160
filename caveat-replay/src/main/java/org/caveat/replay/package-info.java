/**
 * Replay of reported events against the restrictions in force on each event's date: readers for
 * ACLED CSV ({@link org.caveat.replay.AcledSource}: records framed by quote parity, plain ones
 * split directly and the rest parsed by Jackson's CSV module, export variants normalised), NDJSON
 * and GeoJSON; the mapping from ACLED rows to requests ({@link org.caveat.replay.Mapping}: CEL
 * expressions compiled once, their common forms to plain Java, evaluated per row, never guessing
 * what a row does not say); the streaming, ordered, constant-memory
 * runner ({@link org.caveat.replay.ReplayRunner}); the decisions output, the summary and the
 * sensitivity tally; and synthetic ACLED-format events ({@link org.caveat.replay.EventGenerator}).
 * Depends on caveat-core only; the CLI and the HTML report build on it.
 */
package org.caveat.replay;
