package org.caveat.server.console;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Collection;
import java.util.TreeSet;
import org.caveat.GrantInfo;
import org.caveat.decide.Basis;
import org.caveat.decide.Outcome;
import org.caveat.json.Json;
import org.caveat.model.Vocabulary;
import org.caveat.policy.Reliability;
import org.caveat.server.auth.Access;
import org.caveat.server.auth.Role;
import org.caveat.server.http.Routes;
import org.caveat.server.policy.LiveEngine;
import org.caveat.store.Principal;
import org.caveat.store.Roles;

/**
 * {@code GET /v1/whoami}: the caller's name, stored roles and what they allow, so the console can
 * hide what the token may not do; {@code GET /v1/vocabularies}: the closed vocabularies of a
 * request straight from {@link Vocabulary} (the same lists are the enums of the OpenAPI request
 * schema; a test keeps them equal).
 */
public final class ConsoleRoutes {
  private final LiveEngine engine;
  private final byte[] vocabularies;

  public ConsoleRoutes(LiveEngine engine) {
    this.engine = engine;
    this.vocabularies = vocabularies();
  }

  public void register(Routes routes) {
    routes.get("/v1/whoami", Role.READER, this::whoami); // every token holds reader
    routes.get("/v1/vocabularies", Role.PUBLIC, ctx -> ctx.contentType("application/json").result(vocabularies));
  }

  private void whoami(Context ctx) throws IOException {
    Principal p = Access.principal(ctx);
    ObjectNode o = Json.MAPPER.createObjectNode();
    o.put("name", p.name());
    strings(o.putArray("roles"), new TreeSet<>(p.roles()));
    ObjectNode may = o.putObject("may");
    may.put("read", p.has(Roles.READER));
    may.put("decide", p.has(Roles.ANALYST));
    may.put("submit_change", p.has(Roles.ANALYST));
    TreeSet<String> grantors = new TreeSet<>();
    for (GrantInfo g : engine.current().grants()) {
      if (p.has(Roles.approver(g.grant().grantor()))) grantors.add(g.grant().grantor());
    }
    strings(may.putArray("approve_grantors"), grantors);
    may.put("admin", p.has(Roles.ADMIN));
    ctx.contentType("application/json").result(Json.MAPPER.writeValueAsBytes(o));
  }

  /** Request vocabularies by attribute path, then the answer's own closed sets. */
  static byte[] vocabularies() {
    ObjectNode o = Json.MAPPER.createObjectNode();
    strings(o.putArray("weapon.class"), Vocabulary.WEAPON_CLASS);
    strings(o.putArray("target.category"), Vocabulary.TARGET_CATEGORY);
    strings(o.putArray("target.activity"), Vocabulary.TARGET_ACTIVITY);
    strings(o.putArray("purpose"), Vocabulary.PURPOSE);
    ObjectNode groups = o.putObject("target.category.groups");
    strings(groups.putArray("military_objective"), Vocabulary.MILITARY_OBJECTIVES);
    strings(groups.putArray("protected_object"), Vocabulary.PROTECTED_OBJECTS);
    ArrayNode rel = o.putArray("reliability");
    for (Reliability r : Reliability.values()) rel.add(r.label());
    ArrayNode dec = o.putArray("decision");
    for (Outcome d : Outcome.values()) dec.add(d.name());
    ArrayNode basis = o.putArray("basis");
    for (Basis b : Basis.values()) basis.add(b.label());
    try {
      return Json.MAPPER.writeValueAsBytes(o);
    } catch (IOException e) {
      throw new IllegalStateException("vocabularies always serialise", e);
    }
  }

  private static void strings(ArrayNode a, Collection<String> values) {
    values.forEach(a::add);
  }
}
