package org.caveat.timeline;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;
import org.caveat.policy.Reliability;

/**
 * The JSON forms of a {@link Timeline} and of its {@link TimelineOverview}, shared by {@code caveat
 * timeline --format json} and the service's timeline routes so both print the same documents:
 * fixed field order, no clock.
 */
public final class TimelineJson {
  private TimelineJson() {}

  /** Writes the whole document as one JSON object. */
  public static void write(JsonGenerator g, Timeline t) throws IOException {
    g.writeStartObject();
    g.writeStringField("as_of", t.asOf() == null ? null : t.asOf().toString());
    g.writeArrayFieldStart("reliability");
    for (Reliability r : Reliability.values()) if (t.reliability().contains(r)) g.writeString(r.label());
    g.writeEndArray();
    g.writeArrayFieldStart("grants");
    for (Timeline.GrantTimeline gt : t.grants()) {
      g.writeStartObject();
      g.writeStringField("grant", gt.grant());
      g.writeStringField("grantor", gt.grantor());
      g.writeStringField("grantee", gt.grantee());
      g.writeArrayFieldStart("versions");
      for (Timeline.Entry e : gt.versions()) entry(g, e);
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  /**
   * Writes the overview as one JSON object: {@code as_of}, {@code reliability}, {@code versions}
   * (the count) and {@code grants}, each with its {@code versions} as {@code in_force},
   * {@code version}, {@code reliability}, {@code title}, {@code in_force_at_as_of}.
   */
  public static void writeOverview(JsonGenerator g, TimelineOverview o) throws IOException {
    g.writeStartObject();
    g.writeStringField("as_of", o.asOf() == null ? null : o.asOf().toString());
    g.writeArrayFieldStart("reliability");
    for (Reliability r : Reliability.values()) if (o.reliability().contains(r)) g.writeString(r.label());
    g.writeEndArray();
    g.writeNumberField("versions", o.versionCount());
    g.writeArrayFieldStart("grants");
    for (TimelineOverview.Grant gr : o.grants()) {
      g.writeStartObject();
      g.writeStringField("grant", gr.grant());
      g.writeStringField("grantor", gr.grantor());
      g.writeStringField("grantee", gr.grantee());
      g.writeArrayFieldStart("versions");
      for (TimelineOverview.Line l : gr.versions()) {
        g.writeStartObject();
        g.writeStringField("in_force", l.inForce());
        g.writeStringField("version", l.version());
        g.writeStringField("reliability", l.reliability());
        g.writeStringField("title", l.title());
        g.writeBooleanField("in_force_at_as_of", l.inForceAtAsOf());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void entry(JsonGenerator g, Timeline.Entry e) throws IOException {
    g.writeStartObject();
    g.writeStringField("version", e.version());
    g.writeStringField("in_force", e.inForce());
    g.writeStringField("reliability", e.reliability());
    g.writeStringField("title", e.title());
    g.writeStringField("previous", e.previous());
    g.writeObjectFieldStart("changes");
    strings(g, "added", e.changes().added());
    strings(g, "removed", e.changes().removed());
    strings(g, "changed", e.changes().changed());
    strings(g, "assumptions_changed", e.changes().assumptionsChanged());
    g.writeStringField("summary", e.changes().summary());
    g.writeEndObject();
    g.writeArrayFieldStart("sources");
    for (Timeline.SourceRef s : e.sources()) {
      g.writeStartObject();
      g.writeStringField("id", s.id());
      g.writeStringField("outlet", s.outlet());
      g.writeStringField("date", s.date());
      g.writeStringField("url", s.url());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeBooleanField("in_force_at_as_of", e.inForceAtAsOf());
    g.writeEndObject();
  }

  private static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
    g.writeArrayFieldStart(name);
    for (String v : values) g.writeString(v);
    g.writeEndArray();
  }
}
