package org.caveat.server.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.ArrayList;
import java.util.List;
import org.caveat.server.auth.Access;
import org.caveat.server.auth.Role;

/**
 * The service's route table. Each route names the role it needs; the handler runs only once the
 * caller is admitted ({@link Admission}: its token, its role, a slot among its token's requests in
 * progress). Kept as data so the OpenAPI document can be checked against it.
 */
public final class Routes {
  /** One registered route; {@code path} uses Javalin's {@code {param}} syntax, as OpenAPI does. */
  public record Route(String method, String path, Role role) {}

  private static final String SLOT = "caveat.token-slot";

  private final Admission admission;
  private final List<Route> routes = new ArrayList<>();
  private final List<Runnable> registrations = new ArrayList<>();
  private JavalinConfig config;

  public Routes(Admission admission) {
    this.admission = admission;
  }

  /** Binds to the Javalin config being built; routes added before or after are registered. */
  public void bind(JavalinConfig config) {
    this.config = config;
    registrations.forEach(Runnable::run);
    registrations.clear();
  }

  /**
   * Frees the request's {@link TokenLimits} slot before its handler returns: for a handler that has
   * read its body and now only waits (a single decision waiting for its log commit), which the limit
   * does not count, as it does not count a decision answered through a future.
   */
  public static void leaveSlot(Context ctx) {
    TokenLimits.Slot slot = ctx.attribute(SLOT);
    if (slot != null) slot.close();
  }

  public Routes get(String path, Role role, Handler h) {
    return add("GET", path, role, h);
  }

  public Routes post(String path, Role role, Handler h) {
    return add("POST", path, role, h);
  }

  private Routes add(String method, String path, Role role, Handler h) {
    routes.add(new Route(method, path, role));
    Handler guarded = ctx -> {
      if (role == Role.PUBLIC) {
        h.handle(ctx);
        return;
      }
      // The slot is held while the handler runs on the request thread (reads the body, or starts a
      // streamed batch). A route that answers through a future (single decisions) is decided after
      // the handler returns, outside the slot: the limit caps the threads one token holds, not the
      // decisions it has in flight, and waiting for the log holds neither.
      try (Admission.Entry entry = admission.enter(ctx.header("Authorization"), role,
          challenge -> ctx.header("WWW-Authenticate", challenge))) {
        ctx.attribute(Access.PRINCIPAL, entry.principal());
        ctx.attribute(SLOT, entry.slot());
        h.handle(ctx);
      }
    };
    Runnable r = () -> {
      if (method.equals("GET")) config.routes.get(path, guarded);
      else config.routes.post(path, guarded);
    };
    if (config != null) r.run();
    else registrations.add(r);
    return this;
  }

  public List<Route> list() {
    return List.copyOf(routes);
  }
}
