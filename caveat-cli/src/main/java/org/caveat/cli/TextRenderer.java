package org.caveat.cli;

import java.util.List;
import org.caveat.explain.Answer;
import org.caveat.explain.Numbers;
import org.caveat.json.RequestError;
import org.caveat.policy.Source;

/**
 * A block of plain text per request, for people reading verdicts: the verdict, then per grant the
 * version and basis, each determining rule with its sentence and the quotes it rests on, missing
 * attributes, the closest permit failure, the facts and the explanation. Blocks end with a blank
 * line. Only the JSON output is a contract; this layout may change.
 */
final class TextRenderer implements Renderer {
  @Override
  public Batch batch(int size) {
    StringBuilder out = new StringBuilder(size * 512);
    return new Batch() {
      @Override
      public void answer(Answer a, long line) {
        TextRenderer.answer(a, line, out);
      }

      @Override
      public void error(RequestError e, long line) {
        TextRenderer.error(e, line, out);
      }

      @Override
      public byte[] bytes() {
        return out.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
      }
    };
  }

  static void answer(Answer a, long line, StringBuilder out) {
    out.append(label(a.id(), line)).append(": ").append(a.decision()).append('\n');
    for (Answer.GrantAnswer g : a.grants()) grant(a, g, out);
    Answer.Facts f = a.facts();
    out.append("  facts: ").append(f.country() == null ? "outside the shipped geography" : f.country());
    if (f.region() != null) out.append(", ").append(f.region());
    out.append("; ").append(Numbers.format(f.distanceToBorderKm(), 1)).append(" km from the UA–RU border\n");
    out.append("  explanation: ").append(a.explanation()).append("\n\n");
  }

  private static void grant(Answer a, Answer.GrantAnswer g, StringBuilder out) {
    out.append("  ").append(g.grant());
    if (g.version() != null) out.append(' ').append(g.version());
    out.append(": ").append(g.decision()).append(" (").append(g.basis().replace('_', ' '));
    if (g.reliability() != null) out.append("; sources ").append(g.reliability());
    out.append(")\n");
    if (g.hash() != null) out.append("    version hash ").append(g.hash()).append('\n');
    for (Answer.Reason r : g.reasons()) {
      out.append("    ").append(r.effect()).append(' ').append(r.rule()).append(": ").append(r.text()).append('\n');
      quotes(a, r.sources(), out);
    }
    if (!g.missing().isEmpty()) {
      out.append("    missing: ").append(String.join(", ", g.missing())).append('\n');
    }
    if (!g.skipped().isEmpty()) {
      out.append("    skipped (reliability filter): ").append(String.join(", ",
          g.skipped().stream().map(k -> k.version() + " (" + k.reliability() + ")").toList())).append('\n');
    }
    Answer.Closest c = g.closest();
    if (c != null) {
      out.append("    closest permit ").append(c.rule()).append(" fails on: ")
          .append(c.text() != null ? c.text() : c.failed()).append('\n');
      out.append("      condition: ").append(c.failed()).append('\n');
    }
  }

  private static void quotes(Answer a, List<String> ids, StringBuilder out) {
    for (String id : ids) {
      Source s = a.sources().get(id);
      if (s == null) continue;
      out.append("      “").append(s.quote()).append("” — ").append(s.attribution());
      out.append("; ").append(s.outlet()).append(", ").append(s.date());
      if (s.reliability() != null) out.append(" [").append(s.reliability().label()).append(']');
      out.append('\n');
    }
  }

  static void error(RequestError e, long line, StringBuilder out) {
    out.append(label(e.id(), line)).append(": MALFORMED ").append(e.code());
    if (e.at() != null && !e.at().isEmpty() && !e.at().startsWith("line ")) out.append(" at ").append(e.at());
    out.append("\n  ").append(e.message()).append("\n\n");
  }

  /** "evt-0001 (line 3)": the id when there is one, and always the line to find it by. */
  private static String label(String id, long line) {
    return (id == null ? "request" : id) + " (line " + line + ")";
  }
}
