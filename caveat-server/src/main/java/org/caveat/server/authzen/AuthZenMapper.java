package org.caveat.server.authzen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.caveat.json.RequestError;
import org.caveat.json.RequestId;

/**
 * Maps one AuthZEN evaluation (subject, action, resource, context) onto a Caveat request
 * (the request JSON of docs/SEMANTICS.md), and Caveat's field pointers back onto AuthZEN field names, so a problem
 * names the field the caller actually sent.
 *
 * <pre>
 * subject  {type: "state", id: "UA"}                         → user
 * action   {name: "use", properties: {origin, system, munition, class, range_km}} → weapon
 * resource {type: "target", id?, properties: {location {lat, lon}, category, activity,
 *           used_in_invasion}}                                → target
 * context  {time, purpose, id?}                               → time, purpose, id
 * </pre>
 *
 * Only the envelope is checked here; the values are checked by caveat-core's RequestReader
 * exactly as for the native API.
 */
public final class AuthZenMapper {
  private AuthZenMapper() {}

  /** The request, or the error that stops the mapping (its {@code at} is an AuthZEN field path). */
  public record Mapped(ObjectNode request, RequestError error) {}

  public static Mapped map(JsonNode evaluation, String prefix) {
    JsonNode idNode = evaluation.path("context").path("id");
    String id = idNode.isTextual() || idNode.isIntegralNumber() ? idNode.asText() : null;
    if (id != null && RequestId.problem(id) != null) id = null; // a bad id is not echoed in the error
    try {
      return new Mapped(build(evaluation, prefix), null);
    } catch (Bad b) {
      return new Mapped(null, new RequestError(id, b.code, b.getMessage(), b.field));
    }
  }

  private static ObjectNode build(JsonNode e, String prefix) {
    JsonNode subject = object(e, "subject", prefix, true);
    typed(subject, prefix + "subject", "state", "the supplied state using the weapon, e.g. {\"type\":\"state\",\"id\":\"UA\"}");
    JsonNode action = object(e, "action", prefix, true);
    JsonNode name = action.get("name");
    if (name == null || !name.isTextual()) {
      throw new Bad("authzen.missing", prefix + "action.name", "action.name is required: \"use\"");
    }
    if (!name.asText().equals("use")) {
      throw new Bad("authzen.invalid", prefix + "action.name", "action.name `" + name.asText()
          + "` is not supported; Caveat decides uses of supplied weapons: \"use\"");
    }
    JsonNode resource = object(e, "resource", prefix, true);
    typed(resource, prefix + "resource", "target", "the target of the use, with its properties");
    JsonNode context = object(e, "context", prefix, false);
    ObjectNode r = JsonNodeFactory.instance.objectNode();
    // context.id as sent, so the reader checks its type and the id rules as for the native API.
    if (context != null && context.hasNonNull("id")) r.set("id", context.get("id"));
    if (context != null && context.has("time")) r.set("time", context.get("time"));
    r.set("user", subject.get("id"));
    r.set("weapon", properties(action, prefix + "action"));
    r.set("target", properties(resource, prefix + "resource"));
    if (context != null && context.has("purpose")) r.set("purpose", context.get("purpose"));
    return r;
  }

  private static JsonNode object(JsonNode parent, String field, String prefix, boolean required) {
    JsonNode o = parent.get(field);
    if (o == null || o.isNull()) {
      if (required) throw new Bad("authzen.missing", prefix + field, field + " is required");
      return null;
    }
    if (!o.isObject()) throw new Bad("authzen.type", prefix + field, field + " must be an object");
    return o;
  }

  private static void typed(JsonNode o, String path, String type, String what) {
    JsonNode t = o.get("type");
    if (t == null || !t.isTextual()) {
      throw new Bad("authzen.missing", path + ".type", path + ".type is required: \"" + type + "\"");
    }
    if (!t.asText().equals(type)) {
      throw new Bad("authzen.invalid", path + ".type", path + ".type `" + t.asText() + "` is not supported; use \""
          + type + "\" (" + what + ")");
    }
  }

  private static JsonNode properties(JsonNode o, String path) {
    JsonNode p = o.get("properties");
    if (p == null || p.isNull()) throw new Bad("authzen.missing", path + ".properties", path + ".properties is required");
    if (!p.isObject()) throw new Bad("authzen.type", path + ".properties", path + ".properties must be an object");
    return p;
  }

  /** Caveat's JSON pointer (e.g. {@code /target/location/lat}) as the AuthZEN field it came from. */
  public static String field(String pointer, String prefix) {
    if (pointer == null || pointer.isEmpty()) return prefix.isEmpty() ? null : prefix.substring(0, prefix.length() - 1);
    String[] parts = pointer.substring(1).split("/", 2);
    String rest = parts.length > 1 ? "." + parts[1].replace('/', '.') : "";
    String head = switch (parts[0]) {
      case "id" -> "context.id";
      case "time" -> "context.time";
      case "purpose" -> "context.purpose";
      case "user" -> "subject.id";
      case "weapon" -> "action.properties";
      case "target" -> "resource.properties";
      default -> parts[0];
    };
    return prefix + head + rest;
  }

  private static final class Bad extends RuntimeException {
    final String code, field;

    Bad(String code, String field, String message) {
      super(message, null, false, false);
      this.code = code;
      this.field = field;
    }
  }
}
