package org.caveat.server.auth;

import io.javalin.http.Context;
import java.util.Locale;
import java.util.Optional;
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

  /** Checks {@code role} for the request, remembering the principal; throws a 401 or 403 problem. */
  public void require(Context ctx, Role role) {
    if (role == Role.PUBLIC) return;
    Principal p = authenticate(ctx);
    ctx.attribute(PRINCIPAL, p);
    if (allows(p, role)) return;
    ctx.header("WWW-Authenticate",
        "Bearer realm=\"caveat\", error=\"insufficient_scope\", scope=\"" + role.storedName() + "\"");
    throw Problems.forbidden("role.missing", "token `" + p.name() + "` lacks the role `" + role.storedName()
        + "` this route needs (it has " + String.join(", ", new java.util.TreeSet<>(p.roles())) + ")");
  }

  /**
   * The principal of {@code authorization} ({@code Bearer …}) when it is a valid token holding
   * {@code role}; null for anything else (absent, malformed, unknown, revoked, lacking the role),
   * for a caller that then hands the request to {@link #require}, which says what is wrong.
   */
  public Principal admitted(String authorization, Role role) {
    String token = bearer(authorization);
    Optional<Principal> p = token == null ? Optional.empty() : tokens.authenticate(token);
    return p.isPresent() && allows(p.get(), role) ? p.get() : null;
  }

  /** The token of a {@code Bearer} header, or null when the header is absent or of another scheme. */
  private static String bearer(String header) {
    if (header == null || header.isBlank()) return null;
    String h = header.strip();
    return h.toLowerCase(Locale.ROOT).startsWith("bearer ") ? h.substring(7).strip() : null;
  }

  /** The store's role vocabulary decides implications (admin holds all; analysts and approvers read). */
  static boolean allows(Principal p, Role role) {
    return role == Role.APPROVER ? Roles.approvesSome(p.roles()) : p.has(role.storedName());
  }

  /** The principal {@link #require} found. */
  public static Principal principal(Context ctx) {
    return ctx.attribute(PRINCIPAL);
  }

  private Principal authenticate(Context ctx) {
    String header = ctx.header("Authorization");
    if (header == null || header.isBlank()) {
      ctx.header("WWW-Authenticate", "Bearer realm=\"caveat\"");
      throw Problems.unauthorized("this route needs a token: send `Authorization: Bearer <token>`"
          + " (create one with `caveat token create`)");
    }
    String h = header.strip();
    if (!h.toLowerCase(Locale.ROOT).startsWith("bearer ")) {
      ctx.header("WWW-Authenticate", "Bearer realm=\"caveat\", error=\"invalid_request\"");
      throw Problems.unauthorized("the Authorization header must be `Bearer <token>`");
    }
    Optional<Principal> p = tokens.authenticate(h.substring(7).strip());
    if (p.isEmpty()) {
      ctx.header("WWW-Authenticate", "Bearer realm=\"caveat\", error=\"invalid_token\"");
      throw Problems.unauthorized("the token is unknown or revoked");
    }
    return p.get();
  }
}
