package org.caveat.json;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.caveat.explain.Answer;
import org.caveat.explain.Numbers;
import org.caveat.policy.Source;

/**
 * Writes answers and request errors as single-line JSON with a fixed field order, so the same
 * answer is always the same bytes.
 */
public final class AnswerWriter {
  private AnswerWriter() {}

  public static String toJson(Answer a) {
    return write(g -> answer(g, a));
  }

  public static String toJson(RequestError e) {
    return write(g -> {
      g.writeStartObject();
      g.writeStringField("id", e.id());
      g.writeObjectFieldStart("error");
      g.writeStringField("code", e.code());
      g.writeStringField("message", e.message());
      g.writeStringField("at", e.at());
      g.writeEndObject();
      g.writeEndObject();
    });
  }

  private interface Body {
    void write(JsonGenerator g) throws IOException;
  }

  private static String write(Body body) {
    StringWriter out = new StringWriter(512);
    try (JsonGenerator g = Json.FACTORY.createGenerator(out)) {
      body.write(g);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static void answer(JsonGenerator g, Answer a) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", a.id());
    g.writeStringField("decision", a.decision().name());
    g.writeArrayFieldStart("grants");
    for (Answer.GrantAnswer ga : a.grants()) grant(g, ga);
    g.writeEndArray();
    g.writeObjectFieldStart("facts");
    g.writeStringField("country", a.facts().country());
    g.writeStringField("region", a.facts().region());
    number(g, "distance_to_border_km", a.facts().distanceToBorderKm());
    g.writeEndObject();
    g.writeStringField("explanation", a.explanation());
    g.writeObjectFieldStart("sources");
    for (Map.Entry<String, Source> e : a.sources().entrySet()) {
      Source s = e.getValue();
      g.writeObjectFieldStart(e.getKey());
      g.writeStringField("outlet", s.outlet());
      g.writeStringField("date", s.date());
      g.writeStringField("url", s.url());
      g.writeStringField("quote", s.quote());
      g.writeStringField("attribution", s.attribution());
      g.writeStringField("reliability", s.reliability() == null ? null : s.reliability().label());
      g.writeEndObject();
    }
    g.writeEndObject();
    g.writeEndObject();
  }

  private static void grant(JsonGenerator g, Answer.GrantAnswer ga) throws IOException {
    g.writeStartObject();
    g.writeStringField("grant", ga.grant());
    g.writeStringField("version", ga.version());
    g.writeStringField("hash", ga.hash());
    g.writeStringField("reliability", ga.reliability());
    g.writeStringField("decision", ga.decision().name());
    g.writeStringField("basis", ga.basis());
    strings(g, "determining", ga.determining());
    g.writeArrayFieldStart("reasons");
    for (Answer.Reason r : ga.reasons()) {
      g.writeStartObject();
      g.writeStringField("rule", r.rule());
      g.writeStringField("effect", r.effect());
      g.writeStringField("text", r.text());
      strings(g, "sources", r.sources());
      g.writeEndObject();
    }
    g.writeEndArray();
    strings(g, "missing", ga.missing());
    if (ga.closest() != null) {
      Answer.Closest c = ga.closest();
      g.writeObjectFieldStart("closest");
      g.writeStringField("rule", c.rule());
      g.writeStringField("failed", c.failed());
      g.writeStringField("text", c.text());
      if (c.actual() != null) {
        number(g, "actual", c.actual());
        g.writeStringField("op", c.op());
        number(g, "limit", c.limit());
        number(g, "margin", c.margin());
      }
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  private static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
    g.writeArrayFieldStart(name);
    for (String v : values) g.writeString(v);
    g.writeEndArray();
  }

  private static void number(JsonGenerator g, String name, double v) throws IOException {
    g.writeFieldName(name);
    g.writeNumber(Numbers.format(v, 3));
  }
}
