package org.caveat.report;

import java.util.ArrayList;
import java.util.List;

/** Rows the replay could not read: the first {@code cap} kept (line and reason), all counted. */
final class BadRows {
  record BadRow(long line, String reason) {}

  /** Longest reason kept: a reason may quote a whole malformed row. */
  static final int MAX_REASON = 500;
  private final int cap;
  private final List<BadRow> kept = new ArrayList<>();
  private long total;

  BadRows(int cap) {
    this.cap = cap;
  }

  void add(long line, String reason) {
    total++;
    if (kept.size() < cap) kept.add(new BadRow(line, Html.clip(reason, MAX_REASON)));
  }

  List<BadRow> kept() { return kept; }
  long total() { return total; }
}
