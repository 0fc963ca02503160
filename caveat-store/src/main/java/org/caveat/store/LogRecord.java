package org.caveat.store;

/** A committed log entry with its position and its RFC 6962 leaf hash (lower-case hex). */
public record LogRecord(long index, LogEntry entry, String leafHashHex) {}
