package org.caveat.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.caveat.diff.AssumptionDiff;
import org.caveat.diff.FlipList;
import org.caveat.diff.PermittedArea;
import org.caveat.diff.RuleDiff;
import org.caveat.diff.VersionDiff;
import org.caveat.diff.ZoneDiff;
import org.caveat.explain.Numbers;
import org.caveat.json.AnswerWriter;
import org.caveat.json.Json;
import org.caveat.policy.PolicyVersion;

/** The JSON document of {@code caveat diff}: one deterministic document, fixed field order. */
final class DiffJson {
  private DiffJson() {}

  static byte[] json(VersionDiff d, PermittedArea.Result area, DiffCommand.Events ev) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(bytes)) {
      g.setPrettyPrinter(new DefaultPrettyPrinter());
      g.writeStartObject();
      endpoint(g, "from", d.from());
      endpoint(g, "to", d.to());
      g.writeBooleanField("same_grant", d.sameGrant());
      g.writeObjectFieldStart("rules");
      ruleList(g, "added", d.rules().added());
      ruleList(g, "removed", d.rules().removed());
      g.writeArrayFieldStart("changed");
      for (RuleDiff.Changed c : d.rules().changed()) {
        g.writeStartObject();
        g.writeStringField("id", c.id());
        pair(g, "effect", c.effect());
        pair(g, "text", c.text());
        g.writeObjectFieldStart("sources");
        strings(g, "removed", c.sourcesRemoved());
        strings(g, "added", c.sourcesAdded());
        g.writeEndObject();
        g.writeObjectFieldStart("condition");
        strings(g, "removed", c.conjunctsRemoved());
        strings(g, "added", c.conjunctsAdded());
        strings(g, "kept", c.conjunctsKept());
        g.writeEndObject();
        g.writeEndObject();
      }
      g.writeEndArray();
      strings(g, "unchanged", d.rules().unchanged());
      g.writeArrayFieldStart("renamed");
      for (List<String> pair : d.rules().renamed()) {
        g.writeStartObject();
        g.writeStringField("from", pair.get(0));
        g.writeStringField("to", pair.get(1));
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeObjectFieldStart("assumptions");
      assumptionList(g, "added", d.assumptions().added());
      assumptionList(g, "removed", d.assumptions().removed());
      assumptionList(g, "changed", d.assumptions().changed());
      g.writeEndObject();
      g.writeArrayFieldStart("zones");
      for (ZoneDiff z : d.zones()) {
        int places = z.isArea() ? 1 : 3;
        String unit = z.isArea() ? "_km2" : "_km";
        g.writeStartObject();
        g.writeStringField("zone", z.zone());
        g.writeStringField("kind", z.kind());
        g.writeBooleanField("approximate", z.approximate());
        number(g, "from" + unit, z.from(), places);
        number(g, "to" + unit, z.to(), places);
        number(g, "gained" + unit, z.gained(), places);
        number(g, "lost" + unit, z.lost(), places);
        g.writeEndObject();
      }
      g.writeEndArray();
      if (area != null) {
        g.writeObjectFieldStart("permitted_area");
        g.writeStringField("country", area.country());
        PermittedArea.Window w = area.window();
        g.writeObjectFieldStart("window");
        number(g, "min_lat", w.minLat(), 3);
        number(g, "max_lat", w.maxLat(), 3);
        number(g, "min_lon", w.minLon(), 3);
        number(g, "max_lon", w.maxLon(), 3);
        number(g, "step_deg", w.step(), 3);
        g.writeEndObject();
        number(g, "country_km2", area.countryKm2(), 1);
        number(g, "from_km2", area.fromKm2(), 1);
        number(g, "to_km2", area.toKm2(), 1);
        number(g, "gained_km2", area.gainedKm2(), 1);
        number(g, "lost_km2", area.lostKm2(), 1);
        g.writeEndObject();
      }
      if (ev != null) {
        g.writeObjectFieldStart("flips");
        g.writeNumberField("evaluated", ev.flips().evaluated());
        g.writeNumberField("malformed", ev.errors().size());
        g.writeNumberField("flipped", ev.flips().flips().size());
        g.writeArrayFieldStart("transitions");
        for (Map.Entry<String, Integer> e : ev.flips().transitions().entrySet()) {
          String[] fromTo = e.getKey().split("→");
          g.writeStartObject();
          g.writeStringField("from", fromTo[0]);
          g.writeStringField("to", fromTo[1]);
          g.writeNumberField("count", e.getValue());
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("requests");
        for (FlipList.Flip f : ev.flips().flips()) {
          g.writeStartObject();
          g.writeStringField("id", f.request().id());
          g.writeNumberField("line", ev.lines().get(f.index()));
          g.writeFieldName("from");
          AnswerWriter.write(f.from(), false, g);
          g.writeFieldName("to");
          AnswerWriter.write(f.to(), false, g);
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("errors");
        for (DiffCommand.Malformed m : ev.errors()) {
          g.writeStartObject();
          g.writeNumberField("line", m.line());
          g.writeFieldName("request");
          AnswerWriter.write(m.error(), g);
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndObject();
    }
    bytes.write('\n');
    return bytes.toByteArray();
  }

  static void endpoint(JsonGenerator g, String name, FlipList.Side s) throws IOException {
    PolicyVersion p = s.version().policy();
    g.writeObjectFieldStart(name);
    g.writeStringField("grant", s.grant().grant().id());
    g.writeStringField("version", p.version());
    g.writeStringField("in_force", p.inForce().toString());
    g.writeStringField("title", p.title());
    g.writeStringField("reliability", p.reliability().label());
    g.writeStringField("hash", p.contentHash());
    g.writeEndObject();
  }

  static void ruleList(JsonGenerator g, String name, List<RuleDiff.RuleView> rules) throws IOException {
    g.writeArrayFieldStart(name);
    for (RuleDiff.RuleView r : rules) {
      g.writeStartObject();
      g.writeStringField("id", r.id());
      g.writeStringField("effect", r.effect());
      g.writeStringField("text", r.text());
      strings(g, "sources", r.sources());
      strings(g, "condition", r.conjuncts());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  static void assumptionList(JsonGenerator g, String name, List<AssumptionDiff.Entry> entries)
      throws IOException {
    g.writeArrayFieldStart(name);
    for (AssumptionDiff.Entry e : entries) {
      g.writeStartObject();
      g.writeStringField("name", e.name());
      value(g, "from", e.from());
      value(g, "to", e.to());
      g.writeStringField("unit", e.unit());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  static void value(JsonGenerator g, String name, Object v) throws IOException {
    g.writeFieldName(name);
    if (v == null) {
      g.writeNull();
    } else if (v instanceof Double x) {
      g.writeNumber(new java.math.BigDecimal(Numbers.format(x, 6)));
    } else if (v instanceof Boolean x) {
      g.writeBoolean(x);
    } else {
      g.writeString(v.toString());
    }
  }

  static void pair(JsonGenerator g, String name, List<String> fromTo) throws IOException {
    g.writeFieldName(name);
    if (fromTo == null) {
      g.writeNull();
      return;
    }
    g.writeStartObject();
    g.writeStringField("from", fromTo.get(0));
    g.writeStringField("to", fromTo.get(1));
    g.writeEndObject();
  }

  static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
    g.writeArrayFieldStart(name);
    for (String s : values) g.writeString(s);
    g.writeEndArray();
  }

  static void number(JsonGenerator g, String name, Double v, int places) throws IOException {
    g.writeFieldName(name);
    if (v == null) {
      g.writeNull();
    } else {
      g.writeNumber(new java.math.BigDecimal(Numbers.format(v, places)));
    }
  }

  // ---- text ----

}
