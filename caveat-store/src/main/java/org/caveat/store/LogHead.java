package org.caveat.store;

import java.time.Instant;

/**
 * The log's committed size and Merkle tree hash (lower-case hex; for the empty log, SHA-256 of
 * nothing), and when this head was read (from the store's clock), like a tree head's timestamp.
 */
public record LogHead(long size, String rootHex, Instant time) {}
