package org.caveat.cli;

import java.util.ArrayList;
import java.util.List;
import org.caveat.diff.AssumptionDiff;
import org.caveat.diff.FlipList;
import org.caveat.diff.PermittedArea;
import org.caveat.diff.RuleDiff;
import org.caveat.diff.VersionDiff;
import org.caveat.diff.ZoneDiff;
import org.caveat.explain.Answer;
import org.caveat.explain.Numbers;
import org.caveat.policy.PolicyVersion;

/** The readable text of {@code caveat diff} (not a contract; the JSON is). */
final class DiffText {
  /** Width of each side when two explanations are shown side by side. */
  private static final int COLUMN = 50;

  private DiffText() {}

  static String text(VersionDiff d, PermittedArea.Result area, DiffCommand.Events ev) {
    StringBuilder out = new StringBuilder();
    out.append("diff ").append(ref(d.from())).append(" → ").append(ref(d.to())).append('\n');
    header(out, "from", d.from());
    header(out, "to  ", d.to());
    if (!d.sameGrant()) out.append("  (two grants: rules matched by id)\n");

    RuleDiff r = d.rules();
    out.append("\nRules: ").append(r.added().size()).append(" added, ").append(r.removed().size())
        .append(" removed, ").append(r.changed().size()).append(" changed, ").append(r.unchanged().size())
        .append(" unchanged\n");
    for (RuleDiff.RuleView v : r.added()) ruleView(out, '+', v);
    for (RuleDiff.RuleView v : r.removed()) ruleView(out, '-', v);
    for (RuleDiff.Changed c : r.changed()) {
      out.append("  ~ ").append(c.id()).append('\n');
      if (c.effect() != null) out.append("      effect: ").append(c.effect().get(0)).append(" → ").append(c.effect().get(1)).append('\n');
      if (c.text() != null) {
        out.append("      text was: ").append(c.text().get(0)).append('\n');
        out.append("      text now: ").append(c.text().get(1)).append('\n');
      }
      for (String s : c.sourcesRemoved()) out.append("      source - ").append(s).append('\n');
      for (String s : c.sourcesAdded()) out.append("      source + ").append(s).append('\n');
      for (String s : c.conjunctsRemoved()) out.append("      condition - ").append(s).append('\n');
      for (String s : c.conjunctsAdded()) out.append("      condition + ").append(s).append('\n');
    }
    if (!r.unchanged().isEmpty()) out.append("  = ").append(String.join(", ", r.unchanged())).append('\n');
    for (List<String> pair : r.renamed()) {
      out.append("  (").append(pair.get(0)).append(" → ").append(pair.get(1))
          .append(": same effect and condition, probably renamed)\n");
    }

    AssumptionDiff a = d.assumptions();
    out.append("\nAssumptions: ").append(a.added().size()).append(" added, ").append(a.removed().size())
        .append(" removed, ").append(a.changed().size()).append(" changed\n");
    for (AssumptionDiff.Entry e : a.added()) out.append("  + ").append(e.name()).append(" = ").append(val(e.to(), e.unit())).append('\n');
    for (AssumptionDiff.Entry e : a.removed()) out.append("  - ").append(e.name()).append(" = ").append(val(e.from(), e.unit())).append('\n');
    for (AssumptionDiff.Entry e : a.changed()) {
      out.append("  ~ ").append(e.name()).append(": ").append(val(e.from(), e.unit())).append(" → ")
          .append(val(e.to(), e.unit())).append('\n');
    }

    out.append("\nZones (geodesic on WGS84; gained = in ").append(d.to().version().policy().version())
        .append(" only, lost = in ").append(d.from().version().policy().version()).append(" only):\n");
    if (d.zones().isEmpty()) out.append("  (neither version defines zones)\n");
    for (ZoneDiff z : d.zones()) {
      String unit = z.isArea() ? " km²" : " km";
      int places = z.isArea() ? 1 : 3;
      out.append("  ").append(z.zone()).append(" (").append(z.kind()).append(z.approximate() ? ", approximate" : "")
          .append("): ").append(z.from() == null ? "absent" : Numbers.format(z.from(), places) + unit).append(" → ")
          .append(z.to() == null ? "absent" : Numbers.format(z.to(), places) + unit);
      if (z.changed()) {
        out.append("; gained +").append(Numbers.format(z.gained(), places)).append(unit).append(", lost −")
            .append(Numbers.format(z.lost(), places)).append(unit);
      } else {
        out.append("; unchanged");
      }
      out.append('\n');
    }

    if (area != null) {
      PermittedArea.Window w = area.window();
      out.append("\nPermitted area in ").append(area.country()).append(" (grid estimate, ").append(Numbers.format(w.step(), 3))
          .append("° cells over ").append(Numbers.format(w.minLat(), 2)).append("–").append(Numbers.format(w.maxLat(), 2))
          .append("°N, ").append(Numbers.format(w.minLon(), 2)).append("–").append(Numbers.format(w.maxLon(), 2))
          .append("°E; ").append(Numbers.format(area.countryKm2(), 0)).append(" km² of ").append(area.country())
          .append(" in the window):\n  ").append(Numbers.format(area.fromKm2(), 0)).append(" km² → ")
          .append(Numbers.format(area.toKm2(), 0)).append(" km²; gained +").append(Numbers.format(area.gainedKm2(), 0))
          .append(" km², lost −").append(Numbers.format(area.lostKm2(), 0)).append(" km²\n");
    }
    if (ev != null) flipsText(out, d, ev);
    return out.toString();
  }

  static void flipsText(StringBuilder out, VersionDiff d, DiffCommand.Events ev) {
    FlipList.Result f = ev.flips();
    out.append("\nFlips: ").append(f.flips().size()).append(" of ").append(f.evaluated()).append(" requests");
    if (!f.transitions().isEmpty()) {
      List<String> parts = new ArrayList<>();
      f.transitions().forEach((t, n) -> parts.add(t.label() + " " + n));
      out.append(" (").append(String.join(", ", parts)).append(')');
    }
    out.append('\n');
    if (!d.sameGrant()) out.append("  (two grants: each request read as if its weapon came under each grant)\n");
    for (FlipList.Flip flip : f.flips()) {
      out.append("\n  ").append(flip.request().id() == null ? "request" : flip.request().id()).append(" (line ")
          .append(ev.lines().get(flip.index())).append("): ").append(flip.from().decision()).append(" → ")
          .append(flip.to().decision()).append('\n');
      List<String> left = side(ref(d.from()), flip.from()), right = side(ref(d.to()), flip.to());
      for (int i = 0; i < Math.max(left.size(), right.size()); i++) {
        String l = i < left.size() ? left.get(i) : "";
        String rr = i < right.size() ? right.get(i) : "";
        out.append(("    " + pad(l) + " │ " + rr).stripTrailing()).append('\n');
      }
    }
    for (DiffCommand.Malformed m : ev.errors()) {
      out.append("\n  ").append(m.error().id() == null ? "request" : m.error().id()).append(" (line ").append(m.line())
          .append("): MALFORMED ").append(m.error().code()).append(": ").append(m.error().message()).append('\n');
    }
  }

  /** One column of a flip: version, verdict and basis, determining rules or closest permit, explanation. */
  static List<String> side(String ref, Answer a) {
    List<String> lines = new ArrayList<>();
    lines.add(ref);
    if (a.grants().isEmpty()) {
      lines.add(a.decision().toString());
    } else {
      Answer.GrantAnswer g = a.grants().get(0);
      lines.add(a.decision() + " (" + g.basis().replace('_', ' ') + ")");
      for (Answer.Reason r : g.reasons()) lines.addAll(wrap(r.effect() + " " + r.rule()));
      if (!g.missing().isEmpty()) lines.addAll(wrap("missing: " + String.join(", ", g.missing())));
      if (g.closest() != null) {
        lines.addAll(wrap("closest permit " + g.closest().rule() + " fails on: "
            + (g.closest().text() != null ? g.closest().text() : g.closest().failed())));
      }
    }
    lines.addAll(wrap(a.explanation()));
    return lines;
  }

  static List<String> wrap(String text) {
    List<String> out = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split("\\s+")) {
      if (word.isEmpty()) continue;
      while (word.length() > COLUMN) {
        if (line.length() > 0) {
          out.add(line.toString());
          line.setLength(0);
        }
        out.add(word.substring(0, COLUMN));
        word = word.substring(COLUMN);
      }
      if (line.length() > 0 && line.length() + 1 + word.length() > COLUMN) {
        out.add(line.toString());
        line.setLength(0);
      }
      if (line.length() > 0) line.append(' ');
      line.append(word);
    }
    if (line.length() > 0) out.add(line.toString());
    return out;
  }

  static String pad(String s) {
    int n = s.codePointCount(0, s.length());
    return n >= COLUMN ? s : s + " ".repeat(COLUMN - n);
  }

  static void ruleView(StringBuilder out, char sign, RuleDiff.RuleView v) {
    out.append("  ").append(sign).append(' ').append(v.effect()).append(' ').append(v.id()).append(": ")
        .append(v.text()).append('\n');
    for (String c : v.conjuncts()) out.append("      ").append(c).append('\n');
  }

  static void header(StringBuilder out, String label, FlipList.Side s) {
    PolicyVersion p = s.version().policy();
    out.append("  ").append(label).append(": ").append(ref(s)).append(" — in force ").append(p.inForce())
        .append(", ").append(p.reliability().label()).append(": ").append(p.title()).append('\n');
  }

  static String ref(FlipList.Side s) {
    return s.grant().grant().id() + "@" + s.version().policy().version();
  }

  static String val(Object v, String unit) {
    String s = v instanceof Double x ? Numbers.format(x, 6) : String.valueOf(v);
    return unit == null ? s : s + " " + unit;
  }
}
