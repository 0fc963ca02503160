package org.caveat.server.change;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.caveat.Caveat;
import org.caveat.decide.Outcome;
import org.caveat.diff.Transition;
import org.caveat.json.Json;
import org.caveat.json.RequestReader;
import org.caveat.server.decide.DecisionService;
import org.caveat.store.DecisionLog;

/**
 * The flip list of a proposed version: every request in the decision log decided by the engine
 * in force and by the engine with the candidate, and those whose verdict differs. One pass over
 * the log, streaming; only the flips are kept (the first {@value #MAX_LISTED} listed, all counted).
 */
final class Impact {
  static final int MAX_LISTED = 10_000;

  record Flip(String id, Outcome before, Outcome after) {}

  record Result(long evaluated, long unreadable, Map<Transition, Integer> transitions, List<Flip> flips, long flipped) {}

  private Impact() {}

  static Result run(DecisionLog log, Caveat current, Caveat candidate) {
    long[] counts = new long[3]; // evaluated, unreadable, flipped
    Map<Transition, Integer> transitions = new TreeMap<>();
    List<Flip> flips = new ArrayList<>();
    log.forEachRequest(json -> {
      RequestReader.Parsed p;
      try {
        JsonNode node = Json.MAPPER.readTree(json);
        p = RequestReader.read(node);
      } catch (IOException e) {
        counts[1]++;
        return;
      }
      if (p.error() != null) {
        counts[1]++;
        return;
      }
      counts[0]++;
      Outcome before = current.decide(p.request()).outcome();
      Outcome after = candidate.decide(p.request()).outcome();
      if (before == after) return;
      counts[2]++;
      transitions.merge(new Transition(before, after), 1, Integer::sum);
      String id = p.request().id() != null ? p.request().id() : DecisionService.derivedId(json);
      if (flips.size() < MAX_LISTED) flips.add(new Flip(id, before, after));
    });
    return new Result(counts[0], counts[1], transitions, flips, counts[2]);
  }

  /** The stored form: {@code {"evaluated":…,"flipped":…,"transitions":[…],"flips":[{id,before,after}],…}}. */
  static String json(Result r) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = Json.FACTORY.createGenerator(out)) {
      g.writeStartObject();
      g.writeNumberField("evaluated", r.evaluated());
      g.writeNumberField("unreadable", r.unreadable());
      g.writeNumberField("flipped", r.flipped());
      Transition.writeCounts(g, "transitions", r.transitions());
      g.writeArrayFieldStart("flips");
      for (Flip f : r.flips()) {
        g.writeStartObject();
        g.writeStringField("id", f.id());
        g.writeStringField("before", f.before().name());
        g.writeStringField("after", f.after().name());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeBooleanField("truncated", r.flipped() > r.flips().size());
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
