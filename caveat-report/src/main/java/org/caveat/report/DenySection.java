package org.caveat.report;

import static org.caveat.report.Html.count;
import static org.caveat.report.Html.esc;

import java.io.IOException;
import java.io.Writer;
import org.caveat.explain.Answer;
import org.caveat.policy.Source;

/**
 * Every DENY: one block per group of DENYs with the same reasons (see {@link DenyGroups}), saying
 * whether each grant forbade the use or did not permit it, the determining rules, the closest
 * permit, the sources quoted in full, and the events of the group.
 */
final class DenySection {
  private final DenyGroups denies;

  DenySection(DenyGroups denies) {
    this.denies = denies;
  }

  void write(Writer out) throws IOException {
    out.write("<section id=\"denies\">\n<h2>Every DENY</h2>\n<p>" + count(denies.total()) + " rows DENY, in "
        + count(denies.groups().size()) + " groups of identical reasons; each group lists up to "
        + count(denies.perGroup()) + " of its events (all of them are in the decisions output).</p>\n");
    if (denies.ungrouped() > 0) {
      out.write("<p class=\"warning\">" + count(denies.ungrouped()) + " further DENYs had reasons beyond the "
          + count(ReportBuilder.MAX_DENY_GROUPS) + " groups shown and are counted only.</p>\n");
    }
    int n = 0;
    for (DenyGroups.Group g : denies.groups()) group(out, g, ++n);
    out.write("</section>\n");
  }

  private void group(Writer out, DenyGroups.Group g, int n) throws IOException {
    out.write("<article class=\"deny-group\" id=\"deny-" + n + "\">\n<h3>" + count(g.count) + " DENY — ");
    StringBuilder heading = new StringBuilder();
    for (Answer.GrantAnswer a : g.denying) {
      if (heading.length() > 0) heading.append("; ");
      heading.append(Tally.versionKey(a)).append(": ").append(basis(a.basis()));
    }
    out.write(esc(heading.toString()) + "</h3>\n");
    boolean own = g.members.stream().anyMatch(m -> m.explanation() != null);
    // Not-permitted explanations quote the event's own figures: say whose they are.
    out.write("<p class=\"explanation\">" + (own ? "First event: " : "") + esc(g.explanation) + "</p>\n");
    for (Answer.GrantAnswer a : g.denying) grant(out, a, own);
    sources(out, g);
    members(out, g);
    out.write("</article>\n");
  }

  /** Forbidden and not permitted are told apart in words, not only by code. */
  static String basis(String basis) {
    if (basis == null) return "";
    return switch (basis) {
      case "forbidden" -> "forbidden (a forbid rule matched)";
      case "not_permitted" -> "not permitted (no permit rule matched)";
      default -> basis.replace('_', ' ');
    };
  }

  private static void grant(Writer out, Answer.GrantAnswer a, boolean firstEventFigures) throws IOException {
    out.write("<div class=\"grant\"><p><b>" + esc(Tally.versionKey(a)) + "</b> <code>" + esc(a.hash())
        + "</code> (" + esc(a.reliability()) + "): <span class=\"basis " + Html.token(String.valueOf(a.basis())) + "\">"
        + esc(basis(a.basis())) + "</span></p>\n");
    if (!a.reasons().isEmpty()) {
      out.write("<ul class=\"rules\">\n");
      for (Answer.Reason r : a.reasons()) {
        out.write("<li><code>" + esc(r.rule()) + "</code> (" + esc(r.effect()) + "): " + esc(r.text())
            + " <small>sources: " + esc(String.join(", ", r.sources())) + "</small></li>\n");
      }
      out.write("</ul>\n");
    }
    Answer.Closest c = a.closest();
    if (c != null) {
      out.write("<p class=\"closest\">Closest permit" + (firstEventFigures ? " (first event)" : "") + ": <code>"
          + esc(c.rule()) + "</code> — " + esc(c.text())
          + "; first failing part: <code>" + esc(c.failed()) + "</code></p>\n");
    }
    out.write("</div>\n");
  }

  private static void sources(Writer out, DenyGroups.Group g) throws IOException {
    if (g.sources.isEmpty()) return;
    out.write("<div class=\"sources\">\n");
    for (Source s : g.sources.values()) {
      if (s == null) continue;
      out.write("<figure class=\"source\" data-source-id=\"" + esc(s.id()) + "\"><blockquote>" + esc(s.quote())
          + "</blockquote>\n<figcaption><code>" + esc(s.id()) + "</code> — " + esc(s.outlet()) + ", "
          + esc(s.date()) + "; " + esc(s.attribution()) + "; reliability: "
          + esc(s.reliability() == null ? null : s.reliability().label()));
      if (s.url() != null) out.write("; <span class=\"url\">" + esc(s.url()) + "</span>");
      out.write("</figcaption></figure>\n");
    }
    out.write("</div>\n");
  }

  private static void members(Writer out, DenyGroups.Group g) throws IOException {
    out.write("<details class=\"members\"><summary>" + count(g.members.size()) + " of " + count(g.count)
        + " events listed</summary>\n<table><thead><tr><th>line</th><th>event</th><th>date</th>"
        + "<th>explanation</th></tr></thead>\n<tbody>\n");
    for (DenyGroups.Member m : g.members) {
      out.write("<tr><td>" + m.line() + "</td><td>" + esc(m.eventId()) + "</td><td>"
          + (m.date() == null ? "" : m.date().toString()) + "</td><td>"
          + (m.explanation() == null ? "as above" : esc(m.explanation())) + "</td></tr>\n");
    }
    out.write("</tbody></table></details>\n");
  }
}
