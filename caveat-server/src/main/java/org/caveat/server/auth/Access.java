package org.caveat.server.auth;

import io.javalin.http.Context;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import org.caveat.server.problem.ProblemException;
import org.caveat.server.problem.Problems;
import org.caveat.store.Principal;
import org.caveat.store.Roles;
import org.caveat.store.Tokens;

/**
 * Resolves {@code Authorization: Bearer …} to a {@link Principal} and enforces a {@link Role}.
 * Which role implies which is the store's {@link org.caveat.store.Roles}, not repeated here.
 */
public final class Access {
  /** The principal of the current request, once authenticated. */
  public static final String PRINCIPAL = "caveat.principal";

  private final Tokens tokens;

  public Access(Tokens tokens) {
    this.tokens = tokens;
  }

  /**
   * The caller {@code authorization} (the {@code Authorization} header, null when absent) names,
   * when it may use a route needing {@code role} (not {@link Role#PUBLIC}); else the refusal, in
   * this order: no header, not a bearer token, an unknown or revoked token (401), a token without
   * the role (403).
   */
  public Check check(String authorization, Role role) {
    if (authorization == null || authorization.isBlank()) {
      return Check.refused(Problems.unauthorized("this route needs a token: send `Authorization: Bearer <token>`"
          + " (create one with `caveat token create`)"), "Bearer realm=\"caveat\"");
    }
    String h = authorization.strip();
    if (!h.toLowerCase(Locale.ROOT).startsWith("bearer ")) {
      return Check.refused(Problems.unauthorized("the Authorization header must be `Bearer <token>`"),
          "Bearer realm=\"caveat\", error=\"invalid_request\"");
    }
    Optional<Principal> found = tokens.authenticate(h.substring(7).strip());
    if (found.isEmpty()) {
      return Check.refused(Problems.unauthorized("the token is unknown or revoked"),
          "Bearer realm=\"caveat\", error=\"invalid_token\"");
    }
    Principal p = found.get();
    if (allows(p, role)) return new Check(p, null, null);
    return Check.refused(Problems.forbidden("role.missing", "token `" + p.name() + "` lacks the role `"
        + role.storedName() + "` this route needs (it has " + String.join(", ", new TreeSet<>(p.roles())) + ")"),
        "Bearer realm=\"caveat\", error=\"insufficient_scope\", scope=\"" + role.storedName() + "\"");
  }

  /**
   * What {@link #check} found: the admitted principal, or the problem (401 or 403) that refuses the
   * caller and the {@code WWW-Authenticate} challenge (RFC 6750) its response carries.
   */
  public record Check(Principal principal, ProblemException refusal, String challenge) {
    static Check refused(ProblemException refusal, String challenge) {
      return new Check(null, refusal, challenge);
    }
  }

  /** The store's role vocabulary decides implications (admin holds all; analysts and approvers read). */
  static boolean allows(Principal p, Role role) {
    return role == Role.APPROVER ? Roles.approvesSome(p.roles()) : p.has(role.storedName());
  }

  /** The principal of a request its route admitted ({@link org.caveat.server.http.Admission}). */
  public static Principal principal(Context ctx) {
    return ctx.attribute(PRINCIPAL);
  }
}
