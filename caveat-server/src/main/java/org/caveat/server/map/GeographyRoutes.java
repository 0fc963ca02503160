package org.caveat.server.map;

import io.javalin.http.Context;
import java.util.concurrent.CompletableFuture;
import org.caveat.GrantInfo;
import org.caveat.VersionInfo;
import org.caveat.geo.ReferenceGeography;
import org.caveat.server.auth.Role;
import org.caveat.server.http.Routes;
import org.caveat.server.policy.GrantRoutes;
import org.caveat.server.policy.LiveEngine;

/**
 * {@code GET /v1/geography} (the base layer), {@code GET /v1/geography/places} (labels) and
 * {@code GET /v1/grants/{grant}/versions/{version}/zones}, all gzip-compressed once and served
 * with an ETag.
 */
public final class GeographyRoutes {
  private final LiveEngine engine;
  /** Simplified off the start-up path, once; the first request waits for it if it comes early. */
  private final CompletableFuture<DisplayGeography> display;
  private final ZoneGeoJson zones = new ZoneGeoJson();

  public GeographyRoutes(LiveEngine engine) {
    this.engine = engine;
    ReferenceGeography geo = engine.current().geography();
    this.display = CompletableFuture.supplyAsync(() -> DisplayGeography.of(geo));
  }

  public void register(Routes routes) {
    routes.get("/v1/geography", Role.READER, ctx -> display.join().features().send(ctx));
    routes.get("/v1/geography/places", Role.READER, ctx -> display.join().places().send(ctx));
    routes.get("/v1/grants/{grant}/versions/{version}/zones", Role.READER, this::zones);
  }

  private void zones(Context ctx) {
    GrantInfo g = GrantRoutes.grant(engine.current().grants(), ctx.pathParam("grant"));
    VersionInfo v = GrantRoutes.version(g, ctx.pathParam("version"), "version");
    zones.of(g.grant().id(), v).send(ctx);
  }
}
