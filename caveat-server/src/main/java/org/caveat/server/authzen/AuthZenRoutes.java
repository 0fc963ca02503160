package org.caveat.server.authzen;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.caveat.decide.Outcome;
import org.caveat.json.Json;
import org.caveat.json.RequestDefaults;
import org.caveat.json.RequestError;
import org.caveat.server.auth.Role;
import org.caveat.server.decide.DecisionRequest;
import org.caveat.server.decide.DecisionService;
import org.caveat.server.http.Bodies;
import org.caveat.server.http.JsonBodies;
import org.caveat.server.http.Routes;
import org.caveat.server.problem.Problem;
import org.caveat.server.problem.Problems;

/**
 * The AuthZEN 1.0 endpoints. Batches follow §7.1: the request's top-level subject, action,
 * resource and context are defaults, each replaced whole by an evaluation that gives its own;
 * {@code options.evaluations_semantic} is {@code execute_all} (default), {@code deny_on_first_deny}
 * or {@code permit_on_first_permit}, the last two stopping at (and including) the deciding item.
 * In a batch, an evaluation that cannot be mapped or read is a deny whose context holds the error.
 */
public final class AuthZenRoutes {
  private static final List<String> SEMANTICS = List.of("execute_all", "deny_on_first_deny", "permit_on_first_permit");
  private static final List<String> PARTS = List.of("subject", "action", "resource", "context");

  private final DecisionService service;
  private final Bodies bodies;
  private final int maxBatch;

  public AuthZenRoutes(DecisionService service, Bodies bodies, int maxBatch) {
    this.service = service;
    this.bodies = bodies;
    this.maxBatch = maxBatch;
  }

  public void register(Routes routes) {
    routes.post("/access/v1/evaluation", Role.ANALYST, this::evaluation);
    routes.post("/access/v1/evaluations", Role.ANALYST, this::evaluations);
    routes.get("/.well-known/authzen-configuration", Role.PUBLIC, this::configuration);
  }

  private void configuration(Context ctx) throws IOException {
    String base = ctx.scheme() + "://" + ctx.host();
    ObjectNode o = Json.MAPPER.createObjectNode();
    o.put("policy_decision_point", base);
    o.put("access_evaluation_endpoint", base + "/access/v1/evaluation");
    o.put("access_evaluations_endpoint", base + "/access/v1/evaluations");
    ctx.contentType("application/json").result(Json.MAPPER.writeValueAsBytes(o));
  }

  private void evaluation(Context ctx) {
    JsonNode body = JsonBodies.object(ctx, bodies);
    single(ctx, body);
  }

  private void single(Context ctx, JsonNode body) {
    AuthZenMapper.Mapped m = AuthZenMapper.map(body, "");
    if (m.error() != null) throw Problems.badItem(m.error(), m.error().at(), null);
    List<DecisionRequest> one = List.of(DecisionRequest.unframed(m.request(), RequestDefaults.NONE));
    ctx.future(() -> service.decide(one, false)
        .thenAccept(results -> {
          DecisionService.Result r = results.get(0);
          if (r.error() != null) throw Problems.badItem(r.error(), AuthZenMapper.field(r.error().at(), ""), null);
          ctx.contentType("application/json").result(write(g -> result(g, r, "")));
        }));
  }

  private void evaluations(Context ctx) {
    JsonNode body = JsonBodies.object(ctx, bodies);
    JsonNode list = body.get("evaluations");
    if (list != null && !list.isNull() && !list.isArray()) {
      throw Problems.badRequest("evaluations must be an array",
          Problem.Error.at("authzen.type", "evaluations", "must be an array"));
    }
    if (list == null || list.isNull() || list.isEmpty()) {
      single(ctx, body); // §7.1: without evaluations the request is one evaluation
      return;
    }
    if (list.size() > maxBatch) {
      throw Problems.tooLarge("the request holds " + list.size() + " evaluations; the batch limit is " + maxBatch);
    }
    Predicate<DecisionService.Result> stop = stopRule(body.path("options").path("evaluations_semantic"));
    List<DecisionRequest> requests = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) requests.add(request(body, list.get(i), i));
    ctx.future(() -> service.decide(requests, false, stop).thenAccept(results -> {
      ctx.contentType("application/json").result(write(g -> {
        g.writeStartObject();
        g.writeArrayFieldStart("evaluations");
        for (int i = 0; i < results.size(); i++) result(g, results.get(i), "evaluations[" + i + "].");
        g.writeEndArray();
        g.writeEndObject();
      }));
    }));
  }

  private static Predicate<DecisionService.Result> stopRule(JsonNode semantic) {
    String s = semantic.isMissingNode() || semantic.isNull() ? "execute_all" : semantic.asText();
    if (!semantic.isMissingNode() && !semantic.isNull() && !semantic.isTextual() || !SEMANTICS.contains(s)) {
      throw Problems.badRequest("options.evaluations_semantic `" + semantic + "` is not one of " + SEMANTICS,
          Problem.Error.at("authzen.invalid", "options.evaluations_semantic", "one of " + SEMANTICS));
    }
    return switch (s) {
      case "deny_on_first_deny" -> r -> !permit(r);
      case "permit_on_first_permit" -> AuthZenRoutes::permit;
      default -> r -> false;
    };
  }

  private static boolean permit(DecisionService.Result r) {
    return r.answer() != null && r.answer().decision() == Outcome.PERMIT;
  }

  /** One evaluation with the request's defaults filled in, mapped to a request and read. */
  private static DecisionRequest request(JsonNode body, JsonNode evaluation, int i) {
    String prefix = "evaluations[" + i + "].";
    if (!evaluation.isObject()) {
      return new DecisionRequest.Refused(new RequestError(null, "authzen.type", "an evaluation must be an object",
          prefix.substring(0, prefix.length() - 1)));
    }
    ObjectNode merged = Json.MAPPER.createObjectNode();
    for (String part : PARTS) {
      JsonNode v = evaluation.has(part) ? evaluation.get(part) : body.get(part);
      if (v != null) merged.set(part, v);
    }
    AuthZenMapper.Mapped m = AuthZenMapper.map(merged, prefix);
    return m.error() != null ? new DecisionRequest.Refused(m.error()) : DecisionRequest.unframed(m.request(),
        RequestDefaults.NONE);
  }

  /** {@code {"decision": bool, "context": answer}}; an error becomes a deny with the error as context. */
  private static void result(JsonGenerator g, DecisionService.Result r, String prefix) throws IOException {
    g.writeStartObject();
    g.writeBooleanField("decision", permit(r));
    g.writeFieldName("context");
    if (r.answer() != null) {
      g.writeRawValue(r.json());
    } else {
      RequestError e = r.error();
      String field = e.code().startsWith("authzen.") ? e.at() : AuthZenMapper.field(e.at(), prefix);
      g.writeStartObject();
      g.writeObjectFieldStart("error");
      g.writeNumberField("status", 400);
      g.writeStringField("code", e.code());
      g.writeStringField("field", field);
      g.writeStringField("message", e.message());
      g.writeEndObject();
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  private interface Body {
    void write(JsonGenerator g) throws IOException;
  }

  private static byte[] write(Body body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
    try (JsonGenerator g = Json.FACTORY.createGenerator(out)) {
      body.write(g);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    out.write('\n');
    return out.toByteArray();
  }
}
