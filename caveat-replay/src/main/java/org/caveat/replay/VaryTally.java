package org.caveat.replay;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.caveat.decide.Outcome;
import org.caveat.timeline.Sensitivity;

/**
 * {@code replay --vary}: the streaming counterpart of {@link Sensitivity#run} (which holds every
 * request in memory). Counts the decision of every event under each value of the assumption and
 * lists the events whose decision changes — the first {@link #MAX_LISTED}, all counted — in the
 * same text layout as {@code caveat check --vary}.
 */
public final class VaryTally implements ReplayRunner.Listener {
  public static final int MAX_LISTED = 1_000;

  private final Sensitivity.Range range;
  private final long[][] counts;
  private final List<String> flips = new ArrayList<>();
  private long flipCount;
  private long decided;

  public VaryTally(Sensitivity.Range range) {
    this.range = range;
    this.counts = new long[range.values().size()][Outcome.values().length];
  }

  @Override
  public void accept(ReplayEvent e) {
    Outcome[] v = e.variants();
    if (v == null) return;
    decided++;
    boolean changes = false;
    for (int i = 0; i < v.length; i++) {
      counts[i][v[i].ordinal()]++;
      if (v[i] != v[0]) changes = true;
    }
    if (!changes) return;
    flipCount++;
    if (flips.size() < MAX_LISTED) {
      StringBuilder b = new StringBuilder("  ").append(e.id() == null ? "line " + e.line() : e.id() + " (line "
          + e.line() + ")").append(':');
      for (int i = 0; i < v.length; i++) b.append(' ').append(text(range.values().get(i))).append('=').append(v[i]);
      flips.add(b.toString());
    }
  }

  private static String text(BigDecimal v) {
    String s = v.stripTrailingZeros().toPlainString();
    return s.equals("-0") ? "0" : s;
  }

  public String text() {
    StringBuilder b = new StringBuilder();
    int width = Math.max(range.name().length(), 5);
    for (BigDecimal v : range.values()) width = Math.max(width, text(v).length());
    b.append(String.format(Locale.ROOT, "%-" + width + "s", range.name()));
    for (Outcome o : Summary.ORDER) b.append("  ").append(o.name());
    b.append('\n');
    for (int i = 0; i < counts.length; i++) {
      b.append(String.format(Locale.ROOT, "%-" + width + "s", text(range.values().get(i))));
      for (Outcome o : Summary.ORDER) {
        b.append(String.format(Locale.ROOT, "  %" + o.name().length() + "d", counts[i][o.ordinal()]));
      }
      b.append('\n');
    }
    b.append('\n').append(flipCount).append(" of ").append(decided).append(decided == 1 ? " event changes" : " events change")
        .append(" decision across ").append(range.name()).append(flipCount == 0 ? "." : ":").append('\n');
    for (String f : flips) b.append(f).append('\n');
    if (flipCount > flips.size()) b.append("  … and ").append(flipCount - flips.size()).append(" more\n");
    return b.toString();
  }
}
