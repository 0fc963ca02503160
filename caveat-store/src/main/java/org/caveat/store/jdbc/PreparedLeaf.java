package org.caveat.store.jdbc;

import java.security.MessageDigest;
import org.caveat.store.LogEntry;
import org.caveat.store.merkle.Rfc6962;

/**
 * An entry made ready for the writer on the caller's thread: its column texts and a SHA-256 already
 * fed the leaf prefix and the content, so the single writer thread only hashes the index suffix.
 */
record PreparedLeaf(String kind, LogEntry entry, String time, String hashesColumn, MessageDigest partial) {

  /** An entry of another kind than a decision (format 2 of the leaf), with its request and answer as UTF-8. */
  static PreparedLeaf of(String kind, LogEntry e, byte[] request, byte[] answer) {
    String time = e.time().toString();
    MessageDigest d = Rfc6962.leafDigest();
    LeafCodec.feedContent(d, kind, e.id(), time, request, answer, e.versionHashes());
    return new PreparedLeaf(kind, e, time, LeafCodec.hashesColumn(e.versionHashes()), d);
  }

  /** The leaf hash once the index is known; call once. */
  byte[] leafHash(long index) {
    partial.update(LeafCodec.indexSuffix(index));
    return partial.digest();
  }
}
