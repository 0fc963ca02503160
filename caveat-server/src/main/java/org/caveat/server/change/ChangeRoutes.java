package org.caveat.server.change;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import org.caveat.GrantInfo;
import org.caveat.server.auth.Access;
import org.caveat.server.auth.Role;
import org.caveat.server.http.Bodies;
import org.caveat.server.http.JsonBodies;
import org.caveat.server.http.Routes;
import org.caveat.server.policy.LiveEngine;
import org.caveat.server.problem.Problem;
import org.caveat.server.problem.Problems;
import org.caveat.store.ChangeRequest;
import org.caveat.store.ChangeRequests;
import org.caveat.store.DecisionLog;
import org.caveat.store.Principal;
import org.caveat.store.Roles;

/**
 * {@code /v1/change-requests}: submit (analyst), list and read (reader), approve, reject and
 * publish (approver of the grant's grantor, or admin). Approving or rejecting a request by its
 * author's person (any of their tokens) is refused here with a clear four-eyes message, and again
 * by the store; so are retroactive versions without a declared reason ({@link Retroactivity}).
 */
public final class ChangeRoutes {
  private static final String YAML_TYPES = "application/yaml, application/x-yaml, text/yaml";

  private final ChangeRequests requests;
  private final DecisionLog log;
  private final LiveEngine engine;
  private final Bodies bodies;

  public ChangeRoutes(ChangeRequests requests, DecisionLog log, LiveEngine engine, Bodies bodies) {
    this.requests = requests;
    this.log = log;
    this.engine = engine;
    this.bodies = bodies;
  }

  public void register(Routes routes) {
    routes.post("/v1/change-requests", Role.ANALYST, this::submit);
    routes.get("/v1/change-requests", Role.READER, ctx -> json(ctx, 200, ChangeJson.list(requests.list())));
    routes.get("/v1/change-requests/{id}", Role.READER, ctx -> json(ctx, 200, ChangeJson.one(find(ctx))));
    // Role.APPROVER first (some approver role, or admin), so that callers who may approve nothing
    // get 403 whether or not the request exists; the grantor is checked once the request is found.
    routes.post("/v1/change-requests/{id}/approve", Role.APPROVER, ctx -> review(ctx, true));
    routes.post("/v1/change-requests/{id}/reject", Role.APPROVER, ctx -> review(ctx, false));
    routes.post("/v1/change-requests/{id}/publish", Role.APPROVER, this::publish);
  }

  /** Body: {@code {"grant": "us-ua", "yaml": "…"}}, or the YAML itself with {@code ?grant=us-ua}. */
  private void submit(Context ctx) {
    String mt = Bodies.requireMediaType(ctx, "application/json", "application/yaml", "application/x-yaml", "text/yaml");
    String grant, yaml;
    Retroactivity.Declared declared;
    if (mt.isEmpty() || mt.equals("application/json")) {
      JsonNode body = JsonBodies.object(bodies.read(ctx));
      grant = text(body, "grant");
      yaml = text(body, "yaml");
      declared = Retroactivity.fromJson(body);
    } else {
      yaml = new String(bodies.read(ctx), StandardCharsets.UTF_8);
      grant = ctx.queryParam("grant");
      if (grant == null || grant.isBlank()) {
        throw Problems.badRequest("a YAML body (" + YAML_TYPES + ") needs the grant as ?grant=…",
            Problem.Error.at("query.missing", "grant", "e.g. ?grant=us-ua"));
      }
      declared = Retroactivity.fromQuery(ctx);
    }
    if (!grant.matches("[a-z0-9][a-z0-9-]*")) {
      throw Problems.badRequest("grant `" + grant + "` is not a grant id such as us-ua",
          Problem.Error.at("change.invalid", "grant", "lower-case letters, digits and hyphens"));
    }
    Candidate c = Candidate.of(grant, yaml, engine);
    String reason = Retroactivity.check(c, engine.current(), declared);
    String impact = Impact.json(Impact.run(log, engine.current(), c.engine()));
    ChangeRequest cr = requests.submit(Access.principal(ctx), grant, c.version(), c.inForce(), yaml, impact, reason);
    ctx.header("Location", "/v1/change-requests/" + cr.id());
    json(ctx, 201, ChangeJson.one(cr));
  }

  private void review(Context ctx, boolean approve) {
    ChangeRequest cr = find(ctx);
    Principal p = Access.principal(ctx);
    requireApprover(p, cr, approve ? "approve" : "reject");
    if (p.isPerson(cr.authorPerson())) {
      String who = p.name().equals(cr.author()) ? "`" + p.name() + "`" : "`" + p.name() + "` (person " + p.person()
          + ", who submitted it as `" + cr.author() + "`)";
      throw Problems.forbidden("change_request.four_eyes", "four-eyes rule: " + who + " submitted change request "
          + cr.id() + " and cannot " + (approve ? "approve" : "reject") + " it; another person must review it");
    }
    String comment = comment(ctx);
    ChangeRequest after = approve ? requests.approve(cr.id(), p, comment) : requests.reject(cr.id(), p, comment);
    json(ctx, 200, ChangeJson.one(after));
  }

  /** Publishing re-validates against the versions published since, then swaps the live engine. */
  private void publish(Context ctx) {
    ChangeRequest cr = find(ctx);
    Principal p = Access.principal(ctx);
    requireApprover(p, cr, "publish");
    synchronized (engine) {
      if (cr.state() == ChangeRequest.State.APPROVED) {
        Retroactivity.recheck(Candidate.of(cr.grant(), cr.yamlText(), engine), cr, engine.current());
      }
      ChangeRequest after = requests.publish(cr.id(), p);
      engine.reload();
      json(ctx, 200, ChangeJson.one(after));
    }
  }

  private void requireApprover(Principal p, ChangeRequest cr, String what) {
    String grantor = grantor(cr);
    // Not Roles.approver: a submitted file's grantor is not yet validated, and must not throw here.
    String role = Roles.APPROVER_PREFIX + grantor;
    if (grantor == null || !p.has(role)) {
      refuse(p, cr, what, grantor == null ? Role.APPROVER.storedName() : role);
    }
  }

  private static void refuse(Principal p, ChangeRequest cr, String what, String role) {
    throw Problems.forbidden("role.missing", "to " + what + " change request " + cr.id() + " (grant " + cr.grant()
        + ") `" + p.name() + "` needs the role `" + role + "` or admin");
  }

  private String grantor(ChangeRequest cr) {
    for (GrantInfo g : engine.current().grants()) if (g.grant().id().equals(cr.grant())) return g.grant().grantor();
    return Candidate.grantorOf(cr.yamlText());
  }

  private ChangeRequest find(Context ctx) {
    String id = ctx.pathParam("id");
    return requests.get(id).orElseThrow(() -> Problems.notFound("no change request `" + id + "`"));
  }

  private String comment(Context ctx) {
    byte[] body = ctx.bodyAsBytes();
    if (body.length == 0) return null;
    if (body.length > bodies.maxBytes()) throw Problems.tooLarge("the comment body is larger than the limit");
    JsonNode c = JsonBodies.object(body).get("comment");
    return c == null || c.isNull() ? null : c.asText();
  }

  private static String text(JsonNode body, String field) {
    JsonNode v = body.get(field);
    if (v == null || !v.isTextual() || v.asText().isBlank()) {
      throw Problems.badRequest(field + " is required (a string)", Problem.Error.at("change.missing", field,
          field + " is required"));
    }
    return v.asText();
  }

  private static void json(Context ctx, int status, byte[] body) {
    ctx.status(status).contentType("application/json").result(body);
  }
}
