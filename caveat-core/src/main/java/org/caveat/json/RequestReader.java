package org.caveat.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.caveat.geo.GeoPoint;
import org.caveat.model.Attribute;
import org.caveat.model.Request;
import org.caveat.policy.Suggest;

/**
 * Maps a parsed JSON request to a {@link Request}, or explains precisely what is wrong.
 * Unknown fields are ignored (docs/SEMANTICS.md).
 */
public final class RequestReader {
  private RequestReader() {}

  /** Thrown internally at the first problem; converted to a {@link RequestError}. */
  private static final class Bad extends RuntimeException {
    final String code, at;

    Bad(String code, String at, String message) {
      super(message, null, false, false);
      this.code = code;
      this.at = at;
    }
  }

  /** Either a request or an error, never both. */
  public record Parsed(Request request, RequestError error) {}

  public static Parsed read(JsonNode node) {
    return read(node, RequestDefaults.NONE);
  }

  /**
   * A framed item (parsed or not) read as a request, or its error: the item's own (syntax,
   * duplicate key, encoding) or the request's. A well-formed item held as bytes is bound straight
   * from the token stream ({@link RequestBinder}); anything else is parsed to a tree and read by
   * {@link #read(JsonNode, RequestDefaults)}, so results and errors are the same either way.
   */
  public static Parsed read(RequestStream.Item item, RequestDefaults defaults) {
    if (item.ascii() != null && item.node() == null && item.error() == null) {
      Request r = RequestBinder.bind(item.ascii(), defaults);
      if (r != null) return new Parsed(r, null);
    }
    RequestStream.Item parsed = item.parsed();
    if (parsed.error() != null) return new Parsed(null, parsed.error());
    return read(parsed.node(), defaults);
  }

  /**
   * {@link #read(RequestStream.Item, RequestDefaults)} of every item of a batch, in order, with the
   * same results: the one-line requests held as bytes are bound by one parser over all of them
   * ({@link SharedParserBinder}) instead of one parser each; any item that does not bind that way
   * is read as {@link #read(RequestStream.Item, RequestDefaults)} reads it.
   */
  public static Parsed[] read(java.util.List<RequestStream.Item> items, RequestDefaults defaults) {
    int n = items.size();
    byte[][] lines = new byte[n][];
    for (int i = 0; i < n; i++) {
      RequestStream.Item item = items.get(i);
      if (item.ascii() != null && item.node() == null && item.error() == null) lines[i] = item.ascii();
    }
    Request[] bound = new Request[n];
    SharedParserBinder.bind(lines, defaults, bound);
    Parsed[] out = new Parsed[n];
    for (int i = 0; i < n; i++) out[i] = bound[i] != null ? new Parsed(bound[i], null) : read(items.get(i), defaults);
    return out;
  }

  /**
   * The fast path of {@link #read(RequestStream.Item, RequestDefaults)} alone, for a well-formed
   * request held as {@code ascii} bytes: the request bound straight from the token stream, which
   * is read through {@code view} (a {@code JsonParserDelegate}; the binder advances only with
   * {@code nextToken} and {@code nextFieldName}, to the end of the input), or null when the
   * request needs the general path, which then says what is wrong, if anything.
   */
  public static Request bind(byte[] ascii, RequestDefaults defaults, UnaryOperator<JsonParser> view) {
    return RequestBinder.bind(ascii, defaults, view);
  }

  /** As {@link #read(JsonNode)}; a field the request leaves out (absent or null) takes its value from {@code defaults}. */
  public static Parsed read(JsonNode node, RequestDefaults defaults) {
    String raw = node != null && node.isObject() && node.path("id").isValueNode() ? node.path("id").asText() : null;
    String idProblem = raw == null ? null : RequestId.problem(raw);
    String id = idProblem == null ? raw : null; // a bad id is not echoed in the error
    try {
      return new Parsed(build(node, id, idProblem, defaults), null);
    } catch (Bad e) {
      return new Parsed(null, new RequestError(id, e.code, e.getMessage(), e.at));
    }
  }

  private static Request build(JsonNode n, String id, String idProblem, RequestDefaults defaults) {
    if (n == null || !n.isObject()) {
      throw new Bad("request.type", "", "a request must be a JSON object");
    }
    Request.Builder b = Request.builder().id(id);
    if (n.has("id") && !n.get("id").isTextual() && !n.get("id").isIntegralNumber()) {
      throw new Bad("request.type", "/id", "id must be a string");
    }
    if (idProblem != null) throw new Bad("request.invalid", "/id", idProblem);
    b.time(time(n, defaults));
    b.user(country(n, "/user", "user"));
    JsonNode w = object(n, "weapon", "/weapon");
    b.weaponOrigin(country(w, "/weapon/origin", "origin"));
    b.weaponSystem(optionalText(w, "system", "/weapon/system"));
    b.weaponMunition(optionalText(w, "munition", "/weapon/munition"));
    b.weaponClass(vocab(w, "class", "/weapon/class", Attribute.WEAPON_CLASS, true));
    b.weaponRangeKm(rangeKm(w));
    JsonNode t = object(n, "target", "/target");
    JsonNode loc = object(t, "location", "/target/location");
    double lat = coordinate(loc, "lat", "/target/location/lat", 90);
    double lon = coordinate(loc, "lon", "/target/location/lon", 180);
    b.targetLocation(new GeoPoint(lat, lon));
    b.targetCategory(vocab(t, "category", "/target/category", Attribute.TARGET_CATEGORY, true));
    b.targetActivity(vocab(t, "activity", "/target/activity", Attribute.TARGET_ACTIVITY, true));
    JsonNode used = t.get("used_in_invasion");
    if (used != null && !used.isNull()) {
      if (!used.isBoolean()) throw new Bad("request.type", "/target/used_in_invasion", "used_in_invasion must be true or false");
      b.targetUsedInInvasion(used.booleanValue());
    }
    b.purpose(vocab(n, "purpose", "/purpose", Attribute.PURPOSE, false));
    return b.build();
  }

  /**
   * An ISO 8601 instant with offset, as both request paths read it: the form nearly every request
   * uses ({@code 2024-06-01T03:00:00Z} exactly) from its digits, other UTC forms by
   * {@code Instant.parse}, other offsets by {@code OffsetDateTime}.
   */
  static Instant instant(String text) {
    Instant plain = RequestBinder.plainUtc(text);
    if (plain != null) return plain;
    return text.endsWith("Z") ? Instant.parse(text) : OffsetDateTime.parse(text).toInstant();
  }

  private static Instant time(JsonNode n, RequestDefaults defaults) {
    JsonNode t = n.get("time");
    if ((t == null || t.isNull()) && defaults.time() != null) return defaults.time();
    if (t == null || t.isNull()) throw new Bad("request.missing", "/time", "time is required (ISO 8601, e.g. 2024-06-01T03:00:00Z)");
    if (!t.isTextual()) throw new Bad("request.type", "/time", "time must be a string such as 2024-06-01T03:00:00Z");
    try {
      return instant(t.asText());
    } catch (DateTimeParseException e) {
      throw new Bad("request.invalid", "/time", "time `" + t.asText() + "` is not an ISO 8601 instant with offset,"
          + " e.g. 2024-06-01T03:00:00Z");
    }
  }

  private static JsonNode object(JsonNode parent, String field, String at) {
    JsonNode o = parent.get(field);
    if (o == null || o.isNull()) throw new Bad("request.missing", at, field + " is required");
    if (!o.isObject()) throw new Bad("request.type", at, field + " must be an object");
    return o;
  }

  private static String country(JsonNode n, String at, String field) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) throw new Bad("request.missing", at, field + " is required (ISO 3166-1 alpha-2, e.g. UA)");
    if (!v.isTextual() || !isAlpha2(v.asText())) {
      throw new Bad("request.invalid", at, field + " must be an ISO 3166-1 alpha-2 code such as UA or US, got " + v);
    }
    return v.asText();
  }

  private static boolean isAlpha2(String s) {
    return s.length() == 2 && s.charAt(0) >= 'A' && s.charAt(0) <= 'Z' && s.charAt(1) >= 'A' && s.charAt(1) <= 'Z';
  }

  private static String optionalText(JsonNode n, String field, String at) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) return null;
    if (!v.isTextual()) throw new Bad("request.type", at, field + " must be a string");
    return v.asText();
  }

  private static String vocab(JsonNode n, String field, String at, Attribute a, boolean required) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      if (required) throw new Bad("request.missing", at, field + " is required; write \"unknown\" if it is not known");
      return null;
    }
    if (!v.isTextual()) throw new Bad("request.type", at, field + " must be a string");
    Set<String> vocabulary = a.vocabulary();
    if (!vocabulary.contains(v.asText())) {
      throw new Bad("request.vocabulary", at, a.celName() + " `" + v.asText() + "` is not in the vocabulary; "
          + Suggest.didYouMean(v.asText(), vocabulary) + " (write \"unknown\" when it is not known)");
    }
    return v.asText();
  }

  private static Double rangeKm(JsonNode w) {
    JsonNode v = w.get("range_km");
    if (v == null || v.isNull()) return null;
    if (!v.isNumber()) throw new Bad("request.type", "/weapon/range_km", "range_km must be a number of kilometres");
    double d = v.asDouble();
    if (!Double.isFinite(d) || d < 0) {
      throw new Bad("request.range", "/weapon/range_km", "range_km must be a finite number ≥ 0, got " + v.asText());
    }
    return d;
  }

  private static double coordinate(JsonNode loc, String field, String at, double limit) {
    JsonNode v = loc.get(field);
    if (v == null || v.isNull()) throw new Bad("request.missing", at, field + " is required (WGS84 degrees)");
    if (!v.isNumber()) throw new Bad("request.type", at, field + " must be a number of degrees, got " + v);
    double d = v.asDouble();
    String name = field.equals("lat") ? "latitude" : "longitude";
    if (!Double.isFinite(d)) throw new Bad("request.range", at, name + " must be a finite number, got " + v.asText());
    if (d < -limit || d > limit) {
      throw new Bad("request.range", at, name + " " + v.asText() + " is outside [-" + (int) limit + ", " + (int) limit + "]");
    }
    return d;
  }
}
