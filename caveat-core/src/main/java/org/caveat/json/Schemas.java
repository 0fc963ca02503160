package org.caveat.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.List;
import org.caveat.model.Attribute;
import org.caveat.policy.Reliability;
import org.caveat.policy.Rule;

/**
 * JSON Schemas (draft 2020-12) of a request and of a pack version file, built from the same
 * vocabularies the readers check, so editors can complete and check them. The readers stay the
 * authority (they also check what a schema cannot: vocabulary literals inside CEL, shipped region
 * codes, cited source ids); a file the readers accept always satisfies its schema.
 */
public final class Schemas {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final String ALPHA2 = "^[A-Z]{2}$";

  private Schemas() {}

  /** A decision request, as {@code caveat check} and {@code POST /v1/decisions} read it. */
  public static ObjectNode request() {
    ObjectNode location = object("Where the target is (WGS84 degrees).", List.of("lat", "lon"));
    props(location).set("lat", number(-90, 90));
    props(location).set("lon", number(-180, 180));
    ObjectNode weapon = object("The weapon used.", List.of("origin", "class"));
    props(weapon).set("origin", pattern("The supplier state (ISO 3166-1 alpha-2).", ALPHA2));
    props(weapon).set("class", vocabulary(Attribute.WEAPON_CLASS));
    props(weapon).set("system", string("e.g. M142 HIMARS"));
    props(weapon).set("munition", string("e.g. GMLRS"));
    ObjectNode range = number(0, null);
    range.put("description", "Range of the weapon in km.");
    props(weapon).set("range_km", range);
    ObjectNode target = object("What was (or would be) struck.", List.of("location", "category", "activity"));
    props(target).set("location", location);
    props(target).set("category", vocabulary(Attribute.TARGET_CATEGORY));
    props(target).set("activity", vocabulary(Attribute.TARGET_ACTIVITY));
    props(target).set("used_in_invasion", F.objectNode().set("type", F.arrayNode().add("boolean").add("null")));
    ObjectNode root = object("A use of a supplied weapon to decide.", List.of("time", "user", "weapon", "target"));
    header(root, "request");
    props(root).set("id", F.objectNode().set("type", F.arrayNode().add("string").add("integer")));
    props(root).set("time", string("ISO 8601 instant with offset, e.g. 2024-06-01T03:00:00Z").put("format", "date-time"));
    props(root).set("user", pattern("The state using the weapon (ISO 3166-1 alpha-2).", ALPHA2));
    props(root).set("weapon", weapon);
    props(root).set("target", target);
    props(root).set("purpose", vocabulary(Attribute.PURPOSE));
    return root;
  }

  /** A test file of a pack ({@code GRANT/tests/*.yaml}), as YAML read into JSON. */
  public static ObjectNode packTest() {
    ObjectNode request = request();
    request.remove("$schema");
    request.remove("title");
    ObjectNode weapon = optional(request.at("/properties/weapon"));
    ObjectNode target = optional(request.at("/properties/target"));
    ((ObjectNode) target.get("properties")).remove("location");
    ObjectNode c = object("A case: a request (in full, or the short form) and what the answer must say.",
        List.of("name", "expect"));
    props(c).set("name", string(null));
    props(c).set("grant", string("The grant whose entry is compared (default: the folder's)."));
    props(c).set("assume", mapOf(F.objectNode().set("type", F.arrayNode().add("number").add("string").add("boolean"))));
    props(c).set("request", request);
    props(c).set("place", request.at("/properties/target/properties/location").deepCopy());
    props(c).set("date", pattern("00:00 UTC of this day.", "^\\d{4}-\\d{2}-\\d{2}$"));
    props(c).set("time", request.at("/properties/time").deepCopy());
    props(c).set("user", request.at("/properties/user").deepCopy());
    props(c).set("weapon", weapon);
    props(c).set("target", target);
    props(c).set("purpose", request.at("/properties/purpose").deepCopy());
    ObjectNode nullableString = F.objectNode().set("type", F.arrayNode().add("string").add("null"));
    ObjectNode expect = object("Only the fields given are compared.", List.of("decision"));
    props(expect).set("decision", enumOf(List.of("PERMIT", "DENY", "INDETERMINATE", "NOT_APPLICABLE")));
    props(expect).set("version", nullableString.deepCopy());
    props(expect).set("basis", enumOf(java.util.Arrays.stream(org.caveat.decide.Basis.values())
        .map(org.caveat.decide.Basis::label).toList()));
    for (String k : List.of("determining", "missing")) {
      props(expect).set(k, F.objectNode().put("type", "array").set("items", string(null)));
    }
    ObjectNode closest = object(null, List.of("rule"));
    props(closest).set("rule", string(null));
    props(closest).set("margin", F.objectNode().put("type", "number"));
    props(expect).set("closest", F.objectNode().set("oneOf", F.arrayNode().add(nullableString.deepCopy()).add(closest)));
    ObjectNode facts = object(null, List.of());
    props(facts).set("country", nullableString.deepCopy());
    props(facts).set("region", nullableString.deepCopy());
    props(facts).set("distance_to_border_km", F.objectNode().put("type", "number"));
    props(facts).set("waters", enumOf(org.caveat.geo.Waters.LABELS));
    props(expect).set("facts", facts);
    props(c).set("expect", expect);
    ObjectNode root = object("Cases a pack carries; run with caveat test.", List.of("cases"));
    header(root, "pack test");
    props(root).set("cases", F.objectNode().put("type", "array").set("items", c));
    return root;
  }

  private static ObjectNode optional(com.fasterxml.jackson.databind.JsonNode schema) {
    ObjectNode copy = (ObjectNode) schema.deepCopy();
    copy.remove("required");
    return copy;
  }

  /** A version file of a pack ({@code GRANT/VERSION.yaml}), as YAML read into JSON. */
  public static ObjectNode pack() {
    ObjectNode source = object("A public source and the exact words relied on.",
        List.of("outlet", "date", "quote", "attribution", "reliability"));
    for (String k : List.of("outlet", "date", "quote", "attribution")) props(source).set(k, string(null));
    props(source).set("url", pattern("An http(s) address a reader can follow.", "^https?://\\S+$").put("format", "uri"));
    props(source).set("no_url_reason", string("Why a reader cannot follow the source online (e.g. a printed document)."));
    props(source).set("reliability", enumOf(labels()));
    // Exactly one: a source is followable by its address, or says why it has none (source.no_url).
    source.set("oneOf", F.arrayNode().add(F.objectNode().set("required", F.arrayNode().add("url")))
        .add(F.objectNode().set("required", F.arrayNode().add("no_url_reason"))));
    ObjectNode assumption = object("A named value standing in for a vague word.", List.of("value", "note", "confidence"));
    props(assumption).set("value", F.objectNode().set("type", F.arrayNode().add("number").add("string").add("boolean")));
    props(assumption).set("unit", string(null));
    props(assumption).set("note", string(null));
    props(assumption).set("confidence", enumOf(List.of("high", "medium", "low")));
    ObjectNode zone = object("An area or line: exactly one of region, geojson, border, buffer, union, intersection, "
        + "difference.", List.of());
    ObjectNode codes = F.objectNode();
    codes.set("oneOf", F.arrayNode().add(string(null)).add(F.objectNode().put("type", "array").set("items", string(null))));
    for (String k : List.of("region", "border")) props(zone).set(k, codes.deepCopy());
    for (String k : List.of("geojson", "buffer", "note")) props(zone).set(k, string(null));
    props(zone).set("km", F.objectNode().set("oneOf", F.arrayNode().add(number(0, null))
        .add(pattern("An assumption: assume.NAME", "^assume\\.[A-Za-z_][A-Za-z0-9_]*$"))));
    for (String k : List.of("union", "intersection", "difference")) {
      props(zone).set(k, F.objectNode().put("type", "array").put("minItems", 2).set("items", string(null)));
    }
    ArrayNode kinds = F.arrayNode();
    for (String k : List.of("region", "geojson", "border", "buffer", "union", "intersection", "difference")) {
      kinds.add(F.objectNode().set("required", F.arrayNode().add(k)));
    }
    zone.set("oneOf", kinds);
    zone.set("dependentRequired", F.objectNode().set("km", F.arrayNode().add("buffer")));
    ObjectNode rule = object("A permit or forbid rule.", List.of("id", "effect", "text", "sources", "when"));
    props(rule).set("id", string(null));
    props(rule).set("effect", enumOf(List.of(Rule.Effect.PERMIT.name().toLowerCase(),
        Rule.Effect.FORBID.name().toLowerCase())));
    props(rule).set("text", string(null));
    props(rule).set("sources", F.objectNode().put("type", "array").put("minItems", 1).set("items", string(null)));
    props(rule).set("when", string("A CEL condition (see docs/PACKS.md)."));
    ObjectNode root = object("A version of a grant: one file of a pack.",
        List.of("grant", "grantor", "grantee", "version", "in_force", "rules"));
    header(root, "pack");
    props(root).set("grant", pattern("The grant id, equal to the folder name, e.g. us-ua.", "^[a-z0-9][a-z0-9-]*$"));
    props(root).set("grantor", pattern(null, ALPHA2));
    props(root).set("grantee", pattern(null, ALPHA2));
    props(root).set("scope", string("CEL; default weapon.origin == \"<grantor>\"."));
    props(root).set("version", string("Equal to the file name."));
    props(root).set("in_force", pattern("A date (00:00 UTC) or an instant.",
        "^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2}))?$"));
    for (String k : List.of("title", "summary", "notes")) props(root).set(k, string(null));
    props(root).set("reliability", enumOf(labels()));
    props(root).set("sources", mapOf(source));
    props(root).set("assumptions", mapOf(assumption));
    props(root).set("zones", mapOf(zone));
    props(root).set("rules", F.objectNode().put("type", "array").set("items", rule));
    return root;
  }

  private static List<String> labels() {
    return java.util.Arrays.stream(Reliability.values()).map(Reliability::label).toList();
  }

  private static void header(ObjectNode root, String name) {
    ObjectNode h = F.objectNode();
    h.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    h.put("title", "Caveat " + name);
    h.setAll(root);
    root.removeAll();
    root.setAll(h);
  }

  private static ObjectNode object(String description, List<String> required) {
    ObjectNode o = F.objectNode();
    if (description != null) o.put("description", description);
    o.put("type", "object");
    if (!required.isEmpty()) o.set("required", strings(required));
    o.set("properties", F.objectNode());
    o.put("additionalProperties", false);
    return o;
  }

  private static ObjectNode props(ObjectNode o) {
    return (ObjectNode) o.get("properties");
  }

  private static ObjectNode mapOf(ObjectNode value) {
    return F.objectNode().put("type", "object").set("additionalProperties", value);
  }

  private static ObjectNode string(String description) {
    ObjectNode o = F.objectNode();
    if (description != null) o.put("description", description);
    return o.put("type", "string");
  }

  private static ObjectNode pattern(String description, String regex) {
    return string(description).put("pattern", regex);
  }

  private static ObjectNode number(int min, Integer max) {
    ObjectNode o = F.objectNode().put("type", "number").put("minimum", min);
    if (max != null) o.put("maximum", max);
    return o;
  }

  private static ObjectNode vocabulary(Attribute a) {
    return enumOf(a.vocabulary());
  }

  private static ObjectNode enumOf(Collection<String> values) {
    return F.objectNode().put("type", "string").set("enum", strings(values.stream().sorted().toList()));
  }

  private static ArrayNode strings(Collection<String> values) {
    ArrayNode a = F.arrayNode();
    values.forEach(a::add);
    return a;
  }
}
