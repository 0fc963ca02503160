package org.caveat.report;

import static org.caveat.report.Html.count;
import static org.caveat.report.Html.esc;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.caveat.decide.Outcome;

/** The count tables of the report: one row per key, one column per decision, and a total. */
final class CountTables {
  /** Columns in reading order: the verdicts first, then the non-verdicts. */
  static final List<Outcome> COLUMNS = List.of(Outcome.PERMIT, Outcome.DENY, Outcome.INDETERMINATE,
      Outcome.NOT_APPLICABLE);

  private CountTables() {}

  /**
   * Writes a table with id {@code id}; {@code label} turns a key into the first cell's text
   * (escaped here). Rows keep the map's (sorted) order.
   */
  static void write(Writer out, String id, String caption, String keyHeader, Map<String, long[]> rows,
      Function<String, String> label) throws IOException {
    out.write("<table id=\"" + id + "\" class=\"counts\"><caption>" + esc(caption) + "</caption>\n<thead><tr><th>"
        + esc(keyHeader) + "</th>");
    for (Outcome o : COLUMNS) out.write("<th class=\"" + Html.token(o.name()) + "\">" + o.name() + "</th>");
    out.write("<th>total</th></tr></thead>\n<tbody>\n");
    long[] sums = new long[Outcome.values().length];
    for (Map.Entry<String, long[]> e : rows.entrySet()) {
      out.write("<tr><th scope=\"row\">" + esc(label.apply(e.getKey())) + "</th>");
      long total = 0;
      for (Outcome o : COLUMNS) {
        long n = e.getValue()[o.ordinal()];
        sums[o.ordinal()] += n;
        total += n;
        out.write("<td>" + count(n) + "</td>");
      }
      out.write("<td>" + count(total) + "</td></tr>\n");
    }
    if (rows.isEmpty()) out.write("<tr><td colspan=\"6\">no rows</td></tr>\n");
    out.write("</tbody>\n");
    if (rows.size() > 1) {
      out.write("<tfoot><tr><th scope=\"row\">all</th>");
      long total = 0;
      for (Outcome o : COLUMNS) {
        total += sums[o.ordinal()];
        out.write("<td>" + count(sums[o.ordinal()]) + "</td>");
      }
      out.write("<td>" + count(total) + "</td></tr></tfoot>\n");
    }
    out.write("</table>\n");
  }

  /** Key → count pairs, largest first then by key, at most {@code limit}; the rest summed in {@code rest[0]}. */
  static List<Map.Entry<String, Long>> top(Map<String, Long> counts, int limit, long[] rest) {
    List<Map.Entry<String, Long>> all = new ArrayList<>(counts.entrySet());
    all.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
    rest[0] = 0;
    for (int i = limit; i < all.size(); i++) rest[0] += all.get(i).getValue();
    return all.size() > limit ? all.subList(0, limit) : all;
  }
}
