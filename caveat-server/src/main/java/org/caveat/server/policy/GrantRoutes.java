package org.caveat.server.policy;

import io.javalin.http.Context;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.caveat.Caveat;
import org.caveat.GrantInfo;
import org.caveat.VersionInfo;
import org.caveat.VersionResolver;
import org.caveat.diff.FlipList;
import org.caveat.diff.VersionDiff;
import org.caveat.policy.Grant;
import org.caveat.policy.Reliability;
import org.caveat.server.auth.Role;
import org.caveat.server.http.Queries;
import org.caveat.server.http.Routes;
import org.caveat.server.problem.Problem;
import org.caveat.server.problem.Problems;
import org.caveat.timeline.Timeline;
import org.caveat.timeline.TimelineOverview;

/**
 * Grants and versions as the CLI shows them: the list, one version's text with its content hash,
 * a grant's timeline ({@code caveat timeline GRANT}), the overview of every grant
 * ({@code caveat timeline}) and the difference of two versions ({@code caveat diff}),
 * computed by caveat-core's {@link Timeline} and {@link VersionDiff}.
 */
public final class GrantRoutes {
  private final LiveEngine engine;

  public GrantRoutes(LiveEngine engine) {
    this.engine = engine;
  }

  public void register(Routes routes) {
    routes.get("/v1/grants", Role.READER, ctx -> json(ctx, GrantJson.grants(engine.current().grants())));
    routes.get("/v1/grants/{grant}/versions", Role.READER,
        ctx -> json(ctx, GrantJson.versions(grant(ctx), engine)));
    routes.get("/v1/grants/{grant}/versions/{version}", Role.READER, this::version);
    routes.get("/v1/grants/{grant}/timeline", Role.READER, this::timeline);
    routes.get("/v1/timeline", Role.READER, this::overview);
    routes.get("/v1/grants/{grant}/diff", Role.READER, this::diff);
  }

  private void version(Context ctx) throws IOException {
    GrantInfo g = grant(ctx);
    VersionInfo v = version(g, ctx.pathParam("version"), "version");
    json(ctx, GrantJson.version(g, v, engine));
  }

  private void timeline(Context ctx) throws IOException {
    GrantInfo g = grant(ctx);
    Instant asOf = Queries.instant(ctx, "as_of");
    Set<Reliability> admitted = Queries.reliability(ctx);
    json(ctx, GrantJson.timeline(Timeline.of(List.of(g.grant()), g.grant().id(), admitted, asOf)));
  }

  /** Every grant, one line per version: what {@code caveat timeline} prints without a grant. */
  private void overview(Context ctx) throws IOException {
    Instant asOf = Queries.instant(ctx, "as_of");
    Set<Reliability> admitted = Queries.reliability(ctx);
    List<Grant> grants = engine.current().grants().stream().map(GrantInfo::grant).toList();
    json(ctx, GrantJson.overview(TimelineOverview.of(Timeline.of(grants, null, admitted, asOf))));
  }

  private void diff(Context ctx) throws IOException {
    Caveat caveat = engine.current();
    GrantInfo g = grant(caveat.grants(), ctx.pathParam("grant"));
    String from = Queries.required(ctx, "from"), to = Queries.required(ctx, "to");
    VersionDiff d = VersionDiff.of(FlipList.Side.of(caveat, g, version(g, from, "from")),
        FlipList.Side.of(caveat, g, version(g, to, "to")));
    json(ctx, GrantJson.diff(d));
  }

  private GrantInfo grant(Context ctx) {
    return grant(engine.current().grants(), ctx.pathParam("grant"));
  }

  /** The grant with this id; 404 with did-you-mean otherwise. */
  public static GrantInfo grant(List<GrantInfo> grants, String id) {
    GrantInfo g = VersionResolver.grant(grants, id);
    if (g == null) throw Problems.notFound(VersionResolver.unknownGrant(grants, id).message());
    return g;
  }

  /**
   * A version id, or {@code latest}, given in the parameter {@code param}, by core's rule
   * ({@link VersionResolver}); 404 naming the parameter otherwise.
   */
  public static VersionInfo version(GrantInfo g, String id, String param) {
    return found(VersionResolver.version(g, id), param);
  }

  /** The version a resolution found, or a 404 problem on the parameter that named it. */
  public static VersionInfo found(VersionResolver.Resolution r, String param) {
    if (r instanceof VersionResolver.Found f) return f.version();
    VersionResolver.Unresolved u = (VersionResolver.Unresolved) r;
    Problem.Error error = switch (u.failure()) {
      case UNKNOWN_VERSION -> Problem.Error.at("version.unknown", param, "versions: " + String.join(", ", u.known()));
      case NOT_IN_FORCE -> Problem.Error.at("version.not_in_force", param, "the first version is "
          + u.grant().versions().get(0).policy().version() + ", in force " + u.grant().versions().get(0).policy().inForce());
      default -> Problem.Error.at("version." + u.failure().name().toLowerCase(Locale.ROOT), param, u.message());
    };
    throw new Problem(404, Problem.TYPE_BASE + "not-found", "Not found", u.message(), List.of(error)).exception();
  }

  private static void json(Context ctx, byte[] body) {
    ctx.contentType("application/json").result(body);
  }
}
