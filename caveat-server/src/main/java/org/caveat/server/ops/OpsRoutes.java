package org.caveat.server.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.caveat.json.Json;
import org.caveat.server.auth.Role;
import org.caveat.server.http.Routes;
import java.util.function.Supplier;
import org.caveat.server.http.Failures;
import org.caveat.server.problem.Problems;
import org.caveat.store.Store;
import org.caveat.store.StoreException;

/** {@code GET /healthz}, {@code GET /metrics} and {@code GET /openapi.json}; none needs a token. */
public final class OpsRoutes {
  /** The hand-written OpenAPI 3.1 document, a resource beside this class's package root. */
  public static final String OPENAPI = "/org/caveat/server/openapi.json";

  private final Store store;
  private final Metrics metrics;
  private final Supplier<String> unready;
  private final byte[] openapi;

  /** @param unready why the service may not serve now (its database does not answer), or null when it may */
  public OpsRoutes(Store store, Metrics metrics, Supplier<String> unready) {
    this.store = store;
    this.metrics = metrics;
    this.unready = unready;
    this.openapi = openapi();
  }

  public void register(Routes routes) {
    routes.get("/healthz", Role.PUBLIC, this::health);
    routes.get("/metrics", Role.PUBLIC, ctx -> ctx.contentType(Metrics.contentType()).result(metrics.scrape()));
    routes.get("/openapi.json", Role.PUBLIC, ctx -> ctx.contentType("application/json").result(openapi));
  }

  /**
   * 200 when the service can decide now: its policy is confirmed current and the log's head reads;
   * else the 503 problem ({@code store.unavailable}) a load balancer's readiness probe takes it out on.
   * The problem says what failed but not where: anyone may call /healthz.
   */
  private void health(Context ctx) throws IOException {
    String problem = unready.get();
    long size = -1;
    if (problem == null) {
      try {
        size = store.log().head().size();
      } catch (StoreException e) {
        problem = "the decision log cannot be read";
      }
    }
    if (problem != null) {
      Failures.send(ctx, Problems.unavailable("not ready: this replica cannot reach its database"));
      return;
    }
    ObjectNode o = Json.MAPPER.createObjectNode();
    o.put("status", "ok");
    o.put("store", kind(store.describe())); // never the file path or URL: anyone may call /healthz
    o.put("log_size", size);
    ctx.contentType("application/json").result(Json.MAPPER.writeValueAsBytes(o));
  }

  /** {@code sqlite} or {@code postgresql}: what the store is, not where. */
  static String kind(String described) {
    int colon = described.indexOf(':');
    String scheme = colon < 0 ? described : described.substring(0, colon);
    if (scheme.equals("jdbc")) {
      String rest = described.substring(colon + 1);
      int c2 = rest.indexOf(':');
      scheme = c2 < 0 ? rest : rest.substring(0, c2);
    }
    return scheme;
  }

  public static byte[] openapi() {
    try (InputStream in = OpsRoutes.class.getResourceAsStream(OPENAPI)) {
      if (in == null) throw new IllegalStateException("OpenAPI document missing from the classpath: " + OPENAPI);
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
