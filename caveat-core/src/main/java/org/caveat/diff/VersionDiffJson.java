package org.caveat.diff;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import org.caveat.explain.Numbers;
import org.caveat.policy.PolicyVersion;

/**
 * The JSON form of a {@link VersionDiff} (from, to, same_grant, rules, assumptions, zones), shared
 * by {@code caveat diff --format json} and the service's diff route so both print the same fields
 * in the same order; numbers are fixed-point (areas 0.1 km², lengths 1 m) for byte-stable output.
 */
public final class VersionDiffJson {
  private VersionDiffJson() {}

  /** Writes the diff's fields into the object the generator is in. */
  public static void writeFields(JsonGenerator g, VersionDiff d) throws IOException {
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
  }

  private static void endpoint(JsonGenerator g, String name, FlipList.Side s) throws IOException {
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

  private static void ruleList(JsonGenerator g, String name, List<RuleDiff.RuleView> rules) throws IOException {
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

  private static void assumptionList(JsonGenerator g, String name, List<AssumptionDiff.Entry> entries)
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

  private static void value(JsonGenerator g, String name, Object v) throws IOException {
    g.writeFieldName(name);
    if (v == null) {
      g.writeNull();
    } else if (v instanceof Double x) {
      g.writeNumber(new BigDecimal(Numbers.format(x, 6)));
    } else if (v instanceof Boolean x) {
      g.writeBoolean(x);
    } else {
      g.writeString(v.toString());
    }
  }

  private static void pair(JsonGenerator g, String name, List<String> fromTo) throws IOException {
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

  public static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
    g.writeArrayFieldStart(name);
    for (String s : values) g.writeString(s);
    g.writeEndArray();
  }

  /** A number rounded to {@code places} decimals, or null. */
  public static void number(JsonGenerator g, String name, Double v, int places) throws IOException {
    g.writeFieldName(name);
    if (v == null) {
      g.writeNull();
    } else {
      g.writeNumber(new BigDecimal(Numbers.format(v, places)));
    }
  }
}
