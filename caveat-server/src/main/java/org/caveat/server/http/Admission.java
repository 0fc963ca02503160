package org.caveat.server.http;

import java.util.function.Consumer;
import org.caveat.server.auth.Access;
import org.caveat.server.auth.Role;
import org.caveat.store.Principal;

/**
 * The one admission step of every route that needs a role, taken before its handler reads anything:
 * the caller's token and role ({@link Access}: 401, 403), then a slot among the token's requests in
 * progress ({@link TokenLimits}: 429). Javalin's routes ({@link Routes}) and the single-decision
 * route served ahead of Javalin ({@code org.caveat.server.decide.SingleDecisionHandler}) both admit
 * through it, so they refuse the same callers in the same order with the same problems, and a check
 * added here holds for both.
 */
public final class Admission {
  private final Access access;
  private final TokenLimits limits;

  public Admission(Access access, TokenLimits limits) {
    this.access = access;
    this.limits = limits;
  }

  /**
   * An admitted caller: its principal, and its slot among its token's requests in progress, given
   * back by closing the entry (or earlier, by closing the slot: closing twice frees it once).
   */
  public record Entry(Principal principal, TokenLimits.Slot slot) implements AutoCloseable {
    @Override
    public void close() {
      slot.close();
    }
  }

  /**
   * Admits the caller of a route needing {@code role} (not {@link Role#PUBLIC}), or throws the
   * problem that refuses it: 401 or 403 (after handing its {@code WWW-Authenticate} challenge to
   * {@code challenge}, which puts it on the response), or 429 when the token has no slot left.
   *
   * @param authorization the request's {@code Authorization} header, null when absent
   */
  public Entry enter(String authorization, Role role, Consumer<String> challenge) {
    Access.Check check = access.check(authorization, role);
    if (check.principal() == null) {
      challenge.accept(check.challenge());
      throw check.refusal();
    }
    return new Entry(check.principal(), limits.acquire(check.principal().name()));
  }
}
