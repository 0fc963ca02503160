package org.caveat.server.policy;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import org.caveat.GrantInfo;
import org.caveat.VersionInfo;
import org.caveat.VersionResolver;
import org.caveat.diff.VersionDiffJson;
import org.caveat.explain.Numbers;
import org.caveat.policy.Assumption;
import org.caveat.policy.PolicyVersion;
import org.caveat.server.http.PrettyJson;
import org.caveat.timeline.Timeline;
import org.caveat.timeline.TimelineJson;
import org.caveat.timeline.TimelineOverview;

/**
 * JSON documents of the grant routes, in a fixed field order. The timeline and overview documents
 * have the fields of {@code caveat timeline GRANT --format json} and {@code caveat timeline --format
 * json}; the diff one those of {@code caveat diff
 * --format json} without its permitted-area and event parts; both come from the core
 * ({@link TimelineJson}, {@link VersionDiffJson}), so they stay the same.
 */
final class GrantJson {
  private GrantJson() {}

  static byte[] grants(List<GrantInfo> grants) {
    return PrettyJson.bytes(g -> {
      g.writeStartObject();
      g.writeArrayFieldStart("grants");
      for (GrantInfo cg : grants) {
        List<VersionInfo> vs = cg.versions();
        g.writeStartObject();
        g.writeStringField("grant", cg.grant().id());
        g.writeStringField("grantor", cg.grant().grantor());
        g.writeStringField("grantee", cg.grant().grantee());
        g.writeNumberField("versions", vs.size());
        g.writeStringField("first", vs.isEmpty() ? null : vs.get(0).policy().version());
        VersionInfo latest = VersionResolver.latest(cg);
        g.writeStringField("latest", latest == null ? null : latest.policy().version());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    });
  }

  static byte[] versions(GrantInfo cg, LiveEngine engine) {
    return PrettyJson.bytes(g -> {
      g.writeStartObject();
      g.writeStringField("grant", cg.grant().id());
      g.writeArrayFieldStart("versions");
      for (VersionInfo v : cg.versions()) {
        g.writeStartObject();
        head(g, v.policy(), engine);
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    });
  }

  static byte[] version(GrantInfo cg, VersionInfo v, LiveEngine engine) {
    return PrettyJson.bytes(g -> {
      g.writeStartObject();
      g.writeStringField("grant", cg.grant().id());
      g.writeStringField("grantor", cg.grant().grantor());
      g.writeStringField("grantee", cg.grant().grantee());
      head(g, v.policy(), engine);
      g.writeStringField("summary", v.policy().summary());
      assumptions(g, v.policy().assumptions());
      g.writeStringField("yaml", engine.text(v.policy()).orElse(null));
      g.writeEndObject();
    });
  }

  private static void head(JsonGenerator g, PolicyVersion p, LiveEngine engine) throws IOException {
    g.writeStringField("version", p.version());
    g.writeStringField("in_force", p.inForce().toString());
    g.writeStringField("reliability", p.reliability().label());
    g.writeStringField("title", p.title());
    g.writeStringField("hash", p.contentHash());
    g.writeStringField("origin", engine.isPublished(p) ? "published" : "pack");
  }

  /**
   * The version's named assumptions, in the pack's order: name, the pack's value (number, boolean
   * or string, as the pack has it; numbers as the diff writes them), its type, unit (when given),
   * confidence and note. A form can offer one control per assumption and send the changed ones as
   * {@code ?assume=NAME=VALUE}.
   */
  private static void assumptions(JsonGenerator g, List<Assumption> list) throws IOException {
    g.writeArrayFieldStart("assumptions");
    for (Assumption a : list) {
      g.writeStartObject();
      g.writeStringField("name", a.name());
      g.writeFieldName("value");
      if (a.value() instanceof Double d) g.writeNumber(new BigDecimal(Numbers.format(d, 6)));
      else if (a.value() instanceof Boolean b) g.writeBoolean(b);
      else g.writeString(String.valueOf(a.value()));
      g.writeStringField("type", a.value() instanceof Double ? "number" : a.value() instanceof Boolean ? "boolean" : "string");
      if (a.unit() != null) g.writeStringField("unit", a.unit());
      g.writeStringField("confidence", a.confidence());
      g.writeStringField("note", a.note());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  static byte[] timeline(Timeline t) {
    return PrettyJson.bytes(g -> TimelineJson.write(g, t));
  }

  static byte[] overview(TimelineOverview o) {
    return PrettyJson.bytes(g -> TimelineJson.writeOverview(g, o));
  }

  static byte[] diff(org.caveat.diff.VersionDiff d) {
    return PrettyJson.bytes(g -> {
      g.writeStartObject();
      VersionDiffJson.writeFields(g, d);
      g.writeEndObject();
    });
  }
}
