package org.caveat.record;

import java.util.List;
import org.caveat.VersionInfo;
import org.caveat.GrantInfo;
import org.caveat.policy.Assumption;
import org.caveat.policy.PolicyVersion;
import org.caveat.policy.Rule;
import org.caveat.policy.Source;

/**
 * One grant's page: every version oldest first, each with its summary and notes, the probes'
 * answers, its rules in plain words (the rule's {@code text}) with their effect, its assumptions
 * with default and wider reading, and every source with outlet, date, attribution, reliability,
 * quote and link.
 */
final class GrantPage {
  private GrantPage() {}

  static String of(GrantInfo g, List<List<StrikeProbes.WeaponAnswer>> answers) {
    StringBuilder b = new StringBuilder();
    b.append(PackRecord.GENERATED).append("\n\n# ").append(g.grant().id()).append(": ").append(g.grant().grantor())
        .append(" → ").append(g.grant().grantee()).append("\n\n");
    b.append("Weapons supplied by ").append(g.grant().grantor()).append(" to ").append(g.grant().grantee())
        .append(": ").append(g.versions().size()).append(g.versions().size() == 1 ? " version" : " versions")
        .append(" in the packs, oldest first. Each is in force from its date until the next. ")
        .append("Back to the [index](index.md).\n");
    if (g.versions().isEmpty()) b.append("\nNo version: no public position is encoded for this grant.\n");
    for (int i = 0; i < g.versions().size(); i++) version(b, g.versions().get(i), answers.get(i));
    return b.toString();
  }

  private static void version(StringBuilder b, VersionInfo cv, List<StrikeProbes.WeaponAnswer> answers) {
    PolicyVersion v = cv.policy();
    b.append("\n## ").append(v.version()).append(" — ").append(Markdown.line(v.title())).append("\n\n");
    b.append("In force from ").append(IndexPage.day(v.inForce())).append(" · reliability: **")
        .append(v.reliability().label()).append("** · scope: ").append(Markdown.code(Markdown.line(v.scope())))
        .append("\n\n");
    if (v.summary() != null) b.append(Markdown.line(v.summary())).append("\n\n");
    if (v.notes() != null) b.append("Notes: ").append(Markdown.line(v.notes())).append("\n\n");
    b.append("May strike in Russia? (the index's probes, default readings): ")
        .append(IndexPage.answers(answers)).append("\n\n### Rules\n\n");
    for (Rule r : v.rules()) {
      b.append("- **").append(r.effect().label()).append("** (").append(Markdown.code(r.id())).append("): ")
          .append(Markdown.line(r.text() == null ? "(no text; condition: " + r.when() + ")" : r.text()));
      if (!r.sources().isEmpty()) b.append(" Sources: ").append(String.join(", ", r.sources())).append('.');
      b.append('\n');
    }
    if (!v.assumptions().isEmpty()) {
      b.append("\n### Assumptions\n\n| assumption | default (narrowest reading) | wider reading | note |\n| --- | --- | --- | --- |\n");
      for (Assumption a : v.assumptions()) {
        b.append("| ").append(Markdown.code(a.name())).append(" | ").append(Markdown.cell(value(a.value(), a.unit())))
            .append(" | ").append(Markdown.cell(wider(a))).append(" | ").append(Markdown.cell(a.note())).append(" |\n");
      }
    }
    b.append("\n### Sources\n");
    for (Source s : v.sources()) {
      b.append("\n**").append(s.id()).append("**: ").append(Markdown.line(s.outlet())).append(", ")
          .append(Markdown.line(s.date())).append(". ")
          .append(s.attribution() == null ? "" : Markdown.line(s.attribution()).replaceAll("\\.$", "") + ". ").append("Reliability: ")
          .append(s.reliability() == null ? v.reliability().label() : s.reliability().label()).append(".\n\n");
      if (s.quote() != null) b.append(Markdown.quote(s.quote())).append('\n');
      b.append(s.url() != null ? "Link: <" + s.url() + ">" : "No link: " + Markdown.line(s.noUrlReason())).append('\n');
    }
  }

  private static String value(Object value, String unit) {
    String v = value instanceof Double d && d == Math.rint(d) ? String.valueOf(d.longValue()) : String.valueOf(value);
    return unit == null ? v : v + " " + unit;
  }

  /** A boolean's wider reading is its other value (packs/README.md); a number's is explained in its note. */
  private static String wider(Assumption a) {
    if (a.value() instanceof Boolean flag) return String.valueOf(!flag);
    return "another value, see the note";
  }
}
