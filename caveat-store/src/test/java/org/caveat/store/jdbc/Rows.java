package org.caveat.store.jdbc;

import java.io.ByteArrayOutputStream;

/** A {@code log_batch} row's entries made from chunks as {@code GroupCommitWriter} makes them. */
final class Rows {
  private Rows() {}

  static byte[] of(CompactChunk... chunks) {
    ByteArrayOutputStream row = new ByteArrayOutputStream();
    LeafBuffer loose = new LeafBuffer(64);
    for (CompactChunk c : chunks) c.addTo(row, loose);
    CompactChunk.flush(row, loose);
    return row.toByteArray();
  }
}
