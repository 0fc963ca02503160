package org.caveat.server.map;

import io.javalin.http.Context;
import java.time.Instant;
import org.caveat.Caveat;
import org.caveat.GrantInfo;
import org.caveat.VersionInfo;
import org.caveat.VersionResolver;
import org.caveat.diff.FlipList;
import org.caveat.diff.PermittedArea;
import org.caveat.diff.PermittedGrid;
import org.caveat.diff.VersionDiff;
import org.caveat.model.Request;
import org.caveat.server.auth.Role;
import org.caveat.server.http.Queries;
import org.caveat.server.http.Routes;
import org.caveat.server.policy.GrantRoutes;
import org.caveat.server.policy.LiveEngine;
import org.caveat.server.problem.Problem;
import org.caveat.server.problem.Problems;

/**
 * {@code GET /v1/grants/{grant}/permitted-area} (where a use profile is permitted, forbidden or
 * not permitted under one version) and {@code GET /v1/grants/{grant}/compare} (the diff of two
 * versions plus the permitted area gained and lost), both on caveat-core's grid of
 * {@code caveat diff --permitted-area} ({@link PermittedArea}, {@link PermittedGrid}): same
 * window, same cells, same probe, so the same km².
 */
public final class AreaRoutes {
  private final LiveEngine engine;
  private final GridCache grids = new GridCache();

  public AreaRoutes(LiveEngine engine) {
    this.engine = engine;
  }

  public void register(Routes routes) {
    routes.get("/v1/grants/{grant}/permitted-area", Role.READER, this::permittedArea);
    routes.get("/v1/grants/{grant}/compare", Role.READER, this::compare);
  }

  private void permittedArea(Context ctx) {
    Caveat caveat = engine.current();
    GrantInfo g = GrantRoutes.grant(caveat.grants(), ctx.pathParam("grant"));
    Instant asOf = Queries.instant(ctx, "as_of");
    String versionId = ctx.queryParam("version");
    PermittedArea.Profile profile = ProfileQuery.read(ctx);
    VersionInfo v;
    if (versionId != null && !versionId.isEmpty()) {
      v = GrantRoutes.version(g, versionId, "version");
    } else if (asOf != null) {
      v = GrantRoutes.found(VersionResolver.inForce(g, asOf), "as_of");
    } else {
      throw Problems.badRequest("give as_of (the version in force then) or version",
          Problem.Error.at("query.missing", "as_of", "as_of or version is required"));
    }
    Instant time = asOf != null ? asOf : v.policy().inForce();
    FlipList.Side side = FlipList.Side.of(caveat, g, v);
    PermittedGrid grid = grid(caveat, side, profile.probe(g.grant().grantee(), g.grant().grantor(), time));
    ctx.contentType("application/json").result(AreaJson.permitted(side, asOf, time, profile, grid));
  }

  private void compare(Context ctx) {
    Caveat caveat = engine.current();
    GrantInfo g = GrantRoutes.grant(caveat.grants(), ctx.pathParam("grant"));
    FlipList.Side from = FlipList.Side.of(caveat, g, GrantRoutes.version(g, Queries.required(ctx, "from"), "from"));
    FlipList.Side to = FlipList.Side.of(caveat, g, GrantRoutes.version(g, Queries.required(ctx, "to"), "to"));
    PermittedArea.Profile profile = ProfileQuery.read(ctx);
    // With the default profile this is PermittedArea.defaultProbe(from, to), the probe of caveat diff.
    Request probe = PermittedArea.probe(profile, from, to);
    PermittedGrid a = grid(caveat, from, probe), b = grid(caveat, to, probe);
    ctx.contentType("application/json").result(AreaJson.compare(VersionDiff.of(from, to), profile, a, b));
  }

  private PermittedGrid grid(Caveat caveat, FlipList.Side side, Request probe) {
    VersionInfo v = side.version();
    GridCache.Key key = new GridCache.Key(side.grant().grant().id(), v.policy().version(), v.policy().contentHash(),
        v.assumptions().toString(), probe.toString());
    return grids.get(key, () -> PermittedGrid.of(side, true, probe, PermittedArea.RUSSIA, PermittedArea.NEAR_UKRAINE,
        caveat.geography()));
  }
}
