package org.caveat.report;

import static org.caveat.report.Html.count;
import static org.caveat.report.Html.esc;
import static org.caveat.report.Html.percent;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.caveat.VersionInfo;
import org.caveat.decide.Outcome;
import org.caveat.geo.ReferenceGeography;
import org.caveat.policy.PolicyVersion;

/**
 * Writes the report document: header, counts, map, INDETERMINATE reasons, DENYs, bad rows.
 * Styles and the small filter script are inlined from resources, so the file needs nothing else.
 */
final class HtmlReport {
  static final int TOP_REASONS = 20;
  private final ReportSettings settings;
  private final Tally tally;
  private final DenyGroups denies;
  private final MarkerSample markers;
  private final BadRows badRows;

  HtmlReport(ReportSettings settings, Tally tally, DenyGroups denies, MarkerSample markers, BadRows badRows) {
    this.settings = settings;
    this.tally = tally;
    this.denies = denies;
    this.markers = markers;
    this.badRows = badRows;
  }

  void write(Writer out) throws IOException {
    out.write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.write("<title>" + esc(settings.title()) + "</title>\n<style>\n" + resource("report.css") + "</style>\n");
    out.write("</head>\n<body>\n");
    header(out);
    summary(out);
    CountTables.write(out, "by-version", "Decisions by grant version", "grant version", tally.byVersion(), k -> k);
    new MapSection(settings, tally, markers).write(out);
    ReferenceGeography geo = settings.engine().geography();
    CountTables.write(out, "by-region", "Decisions by region", "region", tally.byRegion(), code -> {
      String name = geo.regionName(code);
      return name == null ? code : code + " " + name;
    });
    CountTables.write(out, "by-category", "Decisions by target category", "target category",
        tally.byCategory(), k -> k);
    indeterminate(out);
    new DenySection(denies).write(out);
    badRows(out);
    out.write("<footer>Caveat is a compliance and audit tool: this report states what the restrictions in force "
        + "said about reported events. Geography: Natural Earth (public domain), de jure borders.</footer>\n");
    out.write("<script>\n" + resource("report.js") + "</script>\n</body>\n</html>\n");
  }

  private void header(Writer out) throws IOException {
    String generated = DateTimeFormatter.ISO_INSTANT.format(settings.clock().instant().truncatedTo(ChronoUnit.SECONDS));
    out.write("<header>\n<h1>" + esc(settings.title()) + "</h1>\n<dl class=\"meta\">\n");
    out.write("<dt>input</dt><dd id=\"input-name\">" + esc(settings.inputName()) + "</dd>\n");
    out.write("<dt>generated</dt><dd id=\"generated\">" + generated + "</dd>\n");
    out.write("<dt>rows decided</dt><dd id=\"rows\">" + count(tally.rows()) + "</dd>\n");
    out.write("<dt>bad rows</dt><dd>" + count(badRows.total()) + "</dd>\n</dl>\n");
    out.write("<table id=\"versions\" class=\"versions\"><caption>Grant versions used</caption>\n"
        + "<thead><tr><th>grant version</th><th>content hash</th><th>in force from</th><th>reliability</th>"
        + "<th>title</th></tr></thead>\n<tbody>\n");
    for (Map.Entry<String, String> e : tally.versionHashes().entrySet()) {
      VersionInfo v = ZoneLayers.find(settings.engine(), e.getKey());
      PolicyVersion p = v == null ? null : v.policy();
      out.write("<tr><th scope=\"row\">" + esc(e.getKey()) + "</th><td><code>" + esc(e.getValue())
          + "</code></td><td>" + (p == null ? "" : DateTimeFormatter.ISO_INSTANT.format(p.inForce()))
          + "</td><td>" + (p == null ? "" : p.reliability().label()) + "</td><td>" + esc(p == null ? "" : p.title())
          + "</td></tr>\n");
    }
    if (tally.versionHashes().isEmpty()) out.write("<tr><td colspan=\"5\">none</td></tr>\n");
    out.write("</tbody></table>\n</header>\n");
  }

  private void summary(Writer out) throws IOException {
    out.write("<table id=\"by-decision\" class=\"counts\"><caption>Decisions</caption>\n"
        + "<thead><tr><th>decision</th><th>rows</th><th>share</th></tr></thead>\n<tbody>\n");
    for (Outcome o : CountTables.COLUMNS) {
      out.write("<tr class=\"" + Html.token(o.name()) + "\"><th scope=\"row\">" + o.name() + "</th><td>"
          + count(tally.count(o)) + "</td><td>" + percent(tally.count(o), tally.rows()) + "</td></tr>\n");
    }
    out.write("</tbody></table>\n");
  }

  private void indeterminate(Writer out) throws IOException {
    long[] rest = new long[1];
    List<Map.Entry<String, Long>> top = CountTables.top(tally.indeterminateReasons(), TOP_REASONS, rest);
    out.write("<section id=\"indeterminate\">\n<h2>Why rows are INDETERMINATE</h2>\n");
    out.write("<p>" + count(tally.count(Outcome.INDETERMINATE)) + " rows INDETERMINATE; a row lacking several "
        + "attributes counts under each. Nothing missing is guessed.</p>\n");
    out.write("<table class=\"reasons\"><thead><tr><th>reason</th><th>rows</th></tr></thead>\n<tbody>\n");
    for (Map.Entry<String, Long> e : top) {
      out.write("<tr><th scope=\"row\">" + esc(e.getKey()) + "</th><td>" + count(e.getValue()) + "</td></tr>\n");
    }
    if (top.isEmpty()) out.write("<tr><td colspan=\"2\">none</td></tr>\n");
    out.write("</tbody></table>\n");
    if (rest[0] > 0) {
      out.write("<p>Other reasons: " + count(rest[0]) + " (row, reason) pairs in "
          + count(tally.indeterminateReasons().size() - TOP_REASONS) + " more reasons.</p>\n");
    }
    out.write("</section>\n");
  }

  private void badRows(Writer out) throws IOException {
    out.write("<section id=\"bad-rows\">\n<h2>Bad rows</h2>\n<p>" + count(badRows.total())
        + " rows could not be read and were skipped");
    if (badRows.total() > badRows.kept().size()) {
      out.write("; the first " + count(badRows.kept().size()) + " are listed");
    }
    out.write(".</p>\n");
    if (!badRows.kept().isEmpty()) {
      out.write("<table class=\"bad\"><thead><tr><th>line</th><th>reason</th></tr></thead>\n<tbody>\n");
      for (BadRows.BadRow r : badRows.kept()) {
        out.write("<tr><td>" + r.line() + "</td><td>" + esc(r.reason()) + "</td></tr>\n");
      }
      out.write("</tbody></table>\n");
    }
    out.write("</section>\n");
  }

  static String resource(String name) {
    try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
      if (in == null) throw new IllegalStateException("missing resource org/caveat/report/" + name);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
