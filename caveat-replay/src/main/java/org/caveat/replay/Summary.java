package org.caveat.replay;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.caveat.decide.Outcome;
import org.caveat.explain.Answer;

/**
 * The counts of a replay, accumulated event by event in input order (memory grows with the number
 * of distinct versions and attributes, never with rows): decisions overall and by grant version,
 * the attributes INDETERMINATE answers were missing, unattributed events by what was unknown, bad
 * rows. {@link #table()} renders the fixed-width table of {@code caveat replay --summary}.
 */
public final class Summary implements ReplayRunner.Listener {
  /** Column order of the tables. */
  static final List<Outcome> ORDER = List.of(Outcome.PERMIT, Outcome.DENY, Outcome.INDETERMINATE,
      Outcome.NOT_APPLICABLE);

  private final long[] overall = new long[Outcome.values().length];
  private final Map<String, long[]> byVersion = new TreeMap<>();
  /** The same counters by grant and version, found without building the key text for every event. */
  private final Map<GrantVersion, long[]> counters = new java.util.HashMap<>();
  private final Map<String, Long> missing = new TreeMap<>();
  private final Map<String, Long> unattributed = new TreeMap<>();
  private long events;
  private long decided;
  private long unattributedRows;
  private long bad;

  private static final String NO_VERSION = "(no version in force on the date)";

  private record GrantVersion(String grant, String version) {}

  @Override
  public void accept(ReplayEvent e) {
    events++;
    if (e.isBad()) {
      bad++;
      return;
    }
    if (e.answer() == null) {
      if (e.request() == null) {
        unattributedRows++;
        for (String u : e.unattributed()) unattributed.merge(u, 1L, Long::sum);
      }
      return;
    }
    decided++;
    Answer a = e.answer();
    overall[a.decision().ordinal()]++;
    for (Answer.GrantAnswer g : a.grants()) {
      counters.computeIfAbsent(new GrantVersion(g.grant(), g.version()), k -> byVersion.computeIfAbsent(
          k.grant() + "@" + (k.version() == null ? "(none in force)" : k.version()),
          t -> new long[Outcome.values().length]))[g.decision().ordinal()]++;
    }
    if (a.decision() == Outcome.INDETERMINATE) {
      // A handful of names at most: a list is cheaper than a sorted set, and missing is sorted anyway.
      List<String> attrs = new java.util.ArrayList<>(4);
      for (Answer.GrantAnswer g : a.grants()) {
        if (g.decision() != Outcome.INDETERMINATE) continue;
        for (String m : g.missing()) if (!attrs.contains(m)) attrs.add(m);
        if (g.version() == null && !attrs.contains(NO_VERSION)) attrs.add(NO_VERSION);
      }
      for (String m : attrs) missing.merge(m, 1L, Long::sum);
    }
  }

  public long events() { return events; }
  public long decided() { return decided; }
  public long unattributed() { return unattributedRows; }
  public long bad() { return bad; }
  public long count(Outcome o) { return overall[o.ordinal()]; }

  /**
   * The counts as one JSON object: {@code events}, {@code decided}, {@code unattributed},
   * {@code bad}, {@code decisions} (overall, by outcome), {@code by_version} (grant@version → by
   * outcome), {@code missing} and {@code unknown} (attribute → rows); keys sorted, deterministic.
   */
  public void writeJson(JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeNumberField("events", events);
    g.writeNumberField("decided", decided);
    g.writeNumberField("unattributed", unattributedRows);
    g.writeNumberField("bad", bad);
    g.writeFieldName("decisions");
    outcomes(g, overall);
    g.writeObjectFieldStart("by_version");
    for (Map.Entry<String, long[]> e : byVersion.entrySet()) {
      g.writeFieldName(e.getKey());
      outcomes(g, e.getValue());
    }
    g.writeEndObject();
    counts(g, "missing", missing);
    counts(g, "unknown", unattributed);
    g.writeEndObject();
  }

  private static void outcomes(JsonGenerator g, long[] counts) throws IOException {
    g.writeStartObject();
    for (Outcome o : ORDER) g.writeNumberField(o.name(), counts[o.ordinal()]);
    g.writeEndObject();
  }

  private static void counts(JsonGenerator g, String name, Map<String, Long> counts)
      throws IOException {
    g.writeObjectFieldStart(name);
    for (Map.Entry<String, Long> e : counts.entrySet()) g.writeNumberField(e.getKey(), e.getValue());
    g.writeEndObject();
  }

  /** The summary table: fixed-width columns, one section per count kind; deterministic. */
  public String table() {
    StringBuilder b = new StringBuilder();
    b.append(String.format(java.util.Locale.ROOT, "%,d events: %,d decided, %,d unattributed, %,d bad rows%n%n", events, decided,
        unattributedRows, bad));
    int width = "decided events (combined)".length();
    for (String k : byVersion.keySet()) width = Math.max(width, k.length());
    b.append(String.format(java.util.Locale.ROOT, "%-" + width + "s", "grant@version"));
    for (Outcome o : ORDER) b.append("  ").append(o.name());
    b.append('\n');
    for (Map.Entry<String, long[]> e : byVersion.entrySet()) row(b, width, e.getKey(), e.getValue());
    row(b, width, "decided events (combined)", overall);
    section(b, "INDETERMINATE: missing attribute", missing, "rows");
    section(b, "unattributed: unknown attribute", unattributed, "rows");
    b.append(String.format(java.util.Locale.ROOT, "%nbad rows (skipped, reported on stderr): %,d%n", bad));
    return b.toString();
  }

  private static void row(StringBuilder b, int width, String label, long[] counts) {
    b.append(String.format(java.util.Locale.ROOT, "%-" + width + "s", label));
    for (Outcome o : ORDER) b.append(String.format(java.util.Locale.ROOT, "  %" + o.name().length() + "d", counts[o.ordinal()]));
    b.append('\n');
  }

  private static void section(StringBuilder b, String title, Map<String, Long> counts, String unit) {
    b.append('\n');
    int width = title.length();
    for (String k : counts.keySet()) width = Math.max(width, k.length() + 2);
    b.append(String.format(java.util.Locale.ROOT, "%-" + width + "s  %8s%n", title, unit));
    if (counts.isEmpty()) b.append("  (none)\n");
    for (Map.Entry<String, Long> e : counts.entrySet()) {
      b.append(String.format(java.util.Locale.ROOT, "  %-" + (width - 2) + "s  %8d%n", e.getKey(), e.getValue()));
    }
  }
}
