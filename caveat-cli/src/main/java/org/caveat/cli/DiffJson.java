package org.caveat.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.caveat.diff.AssumptionDiff;
import org.caveat.diff.FlipList;
import org.caveat.diff.PermittedArea;
import org.caveat.diff.VersionDiffJson;
import org.caveat.diff.RuleDiff;
import org.caveat.diff.Transition;
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
      VersionDiffJson.writeFields(g, d);
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
        Transition.writeCounts(g, "transitions", ev.flips().transitions());
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

  private static void number(JsonGenerator g, String name, Double v, int places) throws IOException {
    VersionDiffJson.number(g, name, v, places);
  }

}
