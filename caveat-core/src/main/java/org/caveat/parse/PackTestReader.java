package org.caveat.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.caveat.json.RequestReader;
import org.caveat.policy.Diagnostic;
import org.caveat.policy.Grant;
import org.caveat.policy.Span;
import org.caveat.policy.Suggest;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads one {@code tests/*.yaml} file of a grant folder into {@link PackTestCase}s, reporting every
 * problem (unknown fields, bad vocabulary, a malformed request) at its line and column.
 */
final class PackTestReader {
  private static final Set<String> TOP = Set.of("cases");
  private static final Set<String> CASE = Set.of("name", "grant", "assume", "request", "place", "date", "time",
      "user", "weapon", "target", "purpose", "expect");
  private static final Set<String> SHORT = Set.of("place", "date", "time", "user", "weapon", "target", "purpose");
  private static final Set<String> PLACE = Set.of("lat", "lon");
  private static final Set<String> EXPECT = Set.of("decision", "version", "basis", "determining", "missing",
      "closest", "facts");
  private static final Set<String> CLOSEST = Set.of("rule", "margin");
  private static final Set<String> FACTS = Set.of("country", "region", "distance_to_border_km", "waters");
  static final Set<String> DECISIONS = new LinkedHashSet<>(List.of("PERMIT", "DENY", "INDETERMINATE", "NOT_APPLICABLE"));
  static final Set<String> BASES = new LinkedHashSet<>(List.of("permitted", "forbidden", "not_permitted",
      "missing_attributes", "no_version_in_force"));

  private final String file;
  private final byte[] content;
  private final Grant grant;
  private final List<Diagnostic> diagnostics;

  /** @param grant the grant of the folder, for defaults (weapon origin = grantor, user = grantee) */
  PackTestReader(String file, byte[] content, Grant grant, List<Diagnostic> diagnostics) {
    this.file = file;
    this.content = content;
    this.grant = grant;
    this.diagnostics = diagnostics;
  }

  List<PackTestCase> read() {
    Node root = Yamls.compose(file, new String(content, StandardCharsets.UTF_8), diagnostics);
    if (root == null) return List.of();
    YamlMap top = new YamlMap(file, root, diagnostics);
    top.onlyKeys(TOP, "a test file");
    if (top.node("cases") == null) {
      top.error("pack.missing_field", root, "missing required field `cases`", "cases: [ {name: …, expect: …} ]");
      return List.of();
    }
    List<PackTestCase> out = new java.util.ArrayList<>();
    Set<String> names = new java.util.HashSet<>();
    for (YamlMap c : top.listOfMaps("cases")) {
      int before = diagnostics.size();
      PackTestCase tc = readCase(c);
      if (tc != null && !names.add(tc.name())) {
        c.error("test.duplicate_name", c.node("name"), "two cases named `" + tc.name() + "` in this file",
            "give each case its own name");
      }
      if (tc != null && diagnostics.size() == before) out.add(tc);
    }
    return out;
  }

  private PackTestCase readCase(YamlMap c) {
    int before = diagnostics.size();
    c.onlyKeys(CASE, "a test case");
    String name = c.string("name", true);
    Map<String, String> assume = new java.util.TreeMap<>();
    YamlMap am = c.map("assume");
    if (am != null) for (String k : am.keys()) assume.put(k, am.string(k, true));
    Map<String, Span> pointers = new LinkedHashMap<>();
    // A field typo would also show up as a missing request field: report the typo alone.
    JsonNode request = diagnostics.size() > before ? null : request(c, name, pointers);
    YamlMap e = c.map("expect");
    if (e == null) {
      c.error("pack.missing_field", c.self(), "missing required field `expect`",
          "expect: { decision: PERMIT }");
      return null;
    }
    e.onlyKeys(EXPECT, "`expect`");
    String decision = oneOf(e, "decision", DECISIONS, true);
    String basis = oneOf(e, "basis", BASES, false);
    Map<String, String> facts = null;
    YamlMap f = e.map("facts");
    if (f != null) {
      f.onlyKeys(FACTS, "`facts`");
      facts = new LinkedHashMap<>();
      for (String k : f.keys()) facts.put(k, Yamls.isNull(f.node(k)) ? null : f.string(k, true));
    }
    String closest = null;
    String margin = null;
    if (e.node("closest") instanceof org.yaml.snakeyaml.nodes.MappingNode) {
      YamlMap cm = e.map("closest");
      cm.onlyKeys(CLOSEST, "`closest`");
      closest = cm.string("rule", true);
      margin = cm.string("margin", false);
    } else {
      closest = nullable(e, "closest");
    }
    PackTestCase.Expect expect = new PackTestCase.Expect(decision, nullable(e, "version"), basis,
        e.node("determining") == null ? null : e.strings("determining"),
        e.node("missing") == null ? null : e.strings("missing"), closest, margin, facts);
    String grantId = c.node("grant") == null ? grant.id() : c.string("grant", true);
    return new PackTestCase(c.span(), name, grantId, assume, request, pointers, expect);
  }

  /** The full {@code request}, or one built from the short form; checked by the request reader. */
  private JsonNode request(YamlMap c, String name, Map<String, Span> pointers) {
    boolean shortForm = c.keys().stream().anyMatch(SHORT::contains);
    JsonNode request;
    if (c.node("request") != null) {
      if (shortForm) {
        c.error("test.request", c.node("request"), "a case has either `request` or the short form (place, date, "
            + "weapon, target, user), not both", "move the short-form fields into the request");
        return null;
      }
      request = Yamls.toJson(file, c.node("request"), "", pointers);
    } else {
      request = shortRequest(c, name, pointers);
      if (request == null) return null;
    }
    var parsed = RequestReader.read(request);
    if (parsed.error() != null) {
      Span at = nearest(pointers, parsed.error().at(), c.span());
      diagnostics.add(new Diagnostic(parsed.error().code(), at, parsed.error().message(),
          shortForm && parsed.error().code().equals("request.missing") ? "short form: place {lat, lon}, date or time, weapon {origin, class}, target {category, "
              + "activity, used_in_invasion}, user" : null));
      return null;
    }
    return request;
  }

  private JsonNode shortRequest(YamlMap c, String name, Map<String, Span> pointers) {
    ObjectNode r = JsonNodeFactory.instance.objectNode();
    r.put("id", name == null ? "" : name);
    if (c.node("date") != null && c.node("time") != null) {
      c.error("test.request", c.node("time"), "give `date` or `time`, not both", null);
      return null;
    }
    if (c.node("date") != null) {
      String d = c.string("date", true);
      r.put("time", d + "T00:00:00Z");
      pointers.put("/time", YamlMap.span(file, c.node("date")));
    } else if (c.node("time") != null) {
      r.set("time", Yamls.toJson(file, c.node("time"), "/time", pointers));
    }
    if (c.node("user") != null) r.set("user", Yamls.toJson(file, c.node("user"), "/user", pointers));
    else r.put("user", grant.grantee());
    ObjectNode weapon = c.node("weapon") == null ? JsonNodeFactory.instance.objectNode()
        : asObject(Yamls.toJson(file, c.node("weapon"), "/weapon", pointers));
    if (weapon == null) return error(c, "weapon", "`weapon` must be a mapping such as {class: rocket_artillery}");
    if (!weapon.has("origin")) weapon.put("origin", grant.grantor());
    r.set("weapon", weapon);
    ObjectNode target = c.node("target") == null ? JsonNodeFactory.instance.objectNode()
        : asObject(Yamls.toJson(file, c.node("target"), "/target", pointers));
    if (target == null) return error(c, "target", "`target` must be a mapping such as {category: artillery}");
    if (c.node("place") != null) {
      YamlMap place = c.map("place");
      place.onlyKeys(PLACE, "`place`");
      target.set("location", Yamls.toJson(file, c.node("place"), "/target/location", pointers));
    }
    r.set("target", target);
    if (c.node("purpose") != null) r.set("purpose", Yamls.toJson(file, c.node("purpose"), "/purpose", pointers));
    pointers.putIfAbsent("", c.span());
    return r;
  }

  private JsonNode error(YamlMap c, String key, String message) {
    c.error("pack.type", c.node(key), message, null);
    return null;
  }

  private static ObjectNode asObject(JsonNode n) {
    return n instanceof ObjectNode o ? o : null;
  }

  /** The value, {@link PackTestCase#NONE} for a YAML null, or null when absent. */
  private static String nullable(YamlMap m, String key) {
    return Yamls.isNull(m.node(key)) ? PackTestCase.NONE : m.string(key, false);
  }

  private String oneOf(YamlMap m, String key, Set<String> allowed, boolean required) {
    String v = m.string(key, required);
    if (v != null && !allowed.contains(v)) {
      m.error("test.vocabulary", m.node(key), "`" + key + "` is one of " + String.join(", ", allowed) + ", not `" + v
          + "`", Suggest.didYouMean(v, allowed));
      return null;
    }
    return v;
  }

  /** The position of the pointer, or of its nearest written parent (a missing field is its parent's). */
  static Span nearest(Map<String, Span> pointers, String pointer, Span fallback) {
    String p = pointer == null ? "" : pointer;
    while (true) {
      Span s = pointers.get(p);
      if (s != null) return s;
      if (p.isEmpty()) return fallback;
      p = p.substring(0, p.lastIndexOf('/'));
    }
  }
}
