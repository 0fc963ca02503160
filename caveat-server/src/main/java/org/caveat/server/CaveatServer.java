package org.caveat.server;

import io.javalin.Javalin;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.caveat.server.auth.Access;
import org.caveat.server.authzen.AuthZenRoutes;
import org.caveat.server.change.ChangeRoutes;
import org.caveat.server.console.Assets;
import org.caveat.server.console.ConsoleRoutes;
import org.caveat.server.decide.DecisionRoutes;
import org.caveat.server.decide.DecisionService;
import org.caveat.server.decide.SingleDecisionHandler;
import org.caveat.server.events.EventRoutes;
import org.caveat.server.http.Admission;
import org.caveat.server.http.Bodies;
import org.caveat.server.http.Failures;
import org.caveat.server.http.ProblemErrorHandler;
import org.caveat.server.http.Routes;
import org.caveat.server.http.TokenLimits;
import org.caveat.server.log.LogRoutes;
import org.caveat.server.log.Redecider;
import org.caveat.server.map.AreaRoutes;
import org.caveat.server.map.GeographyRoutes;
import org.caveat.server.ops.Metrics;
import org.caveat.server.ops.OpsRoutes;
import org.caveat.server.policy.EngineFactory;
import org.caveat.server.policy.GrantRoutes;
import org.caveat.server.policy.LiveEngine;
import org.caveat.server.policy.PolicyWatcher;
import org.caveat.server.policy.WhatIfEngines;
import org.caveat.store.Store;
import org.caveat.store.head.LogSigningKey;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The Caveat decision service: wires the engine, the store and the routes into one Javalin
 * server. It does not own the store (the caller opens and closes it).
 *
 * <pre>{@code
 * try (Store store = Store.open(StoreConfig.sqlite(dir));
 *      CaveatServer server = CaveatServer.builder().store(store).port(8080).start()) {
 *   System.out.println(server.url());
 * }
 * }</pre>
 */
public final class CaveatServer implements AutoCloseable {
  private final Javalin app;
  private final Routes routes;
  private final LiveEngine engine;
  private final PolicyWatcher watcher;
  private final Metrics metrics;

  private CaveatServer(Builder b) {
    boolean watching = PolicyWatcher.isNeeded(b.store.describe());
    if (!watching) {
      // Not watching the store is sound only while no other process can publish into it: be its
      // one writer from now on, so a second server on the same data folder stops here, not at its
      // first decision (after it has answered from versions this one may later replace).
      b.store.log().claimWriting();
    }
    Metrics metrics = this.metrics = new Metrics(() -> b.store.log().head().size());
    this.engine = new LiveEngine(b.engines, b.store.published(), b.store.versionTexts());
    this.watcher = new PolicyWatcher(engine, b.store.published(), b.policyCheckInterval, PolicyWatcher.MAX_AGE,
        watching);
    Bodies bodies = new Bodies(b.maxBodyBytes, b.bodyReadTimeout);
    Admission admission = new Admission(new Access(b.store.tokens()), new TokenLimits(b.maxRequestsPerToken));
    this.routes = new Routes(admission);
    QueuedThreadPool threads = new QueuedThreadPool(b.threads, Math.min(b.threads, 8), 60_000);
    DecisionService decisions = new DecisionService(engine, b.store.log(), b.clock, metrics, threads);
    new DecisionRoutes(decisions, bodies, b.maxBatch, metrics, new WhatIfEngines(engine), threads).register(routes);
    new AuthZenRoutes(decisions, bodies, b.maxBatch).register(routes);
    new GrantRoutes(engine).register(routes);
    new ChangeRoutes(b.store.changeRequests(), b.store.log(), engine, bodies).register(routes);
    new LogRoutes(b.store.log(), b.signingKey, b.clock, new Redecider(engine, b.store.versionTexts())).register(routes);
    new OpsRoutes(b.store, metrics, watcher::problem).register(routes);
    new ConsoleRoutes(engine).register(routes);
    new GeographyRoutes(engine).register(routes);
    new AreaRoutes(engine).register(routes);
    new EventRoutes(engine, b.store.log(), b.clock, metrics, b.maxEventBytes, b.bodyReadTimeout).register(routes);
    this.app = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.startup.showOldJavalinVersionWarning = false;
      config.jetty.host = b.host;
      config.jetty.port = b.port;
      config.jetty.threadPool = threads;
      config.jetty.addConnector((server, http) -> {
        // No per-connection cache of header lines: matching each line against it (a byte-by-byte
        // trie walk) was 11 % of the server's JFR samples under single decisions (2.6 % without).
        http.setHeaderCacheSize(0);
        ServerConnector c = new ServerConnector(server, new HttpConnectionFactory(http));
        c.setHost(b.host);
        c.setPort(b.port);
        c.setIdleTimeout(b.idleTimeout.toMillis());
        return c;
      });
      // Jetty's own error pages (refused URIs, 431, …) as problem+json, like every other error.
      config.jetty.modifyServer(server -> server.setErrorHandler(new ProblemErrorHandler()));
      // The hot route ahead of Javalin's servlet (it hands on everything else); see SingleDecisionHandler.
      config.jetty.modifyServer(server -> server.insertHandler(new SingleDecisionHandler(decisions, admission,
          bodies, metrics, config.http.compressionStrategy)));
      config.jetty.modifyServletContextHandler(context -> context.setErrorHandler(new ProblemErrorHandler()));
      // Javalin enforces the body limit too, for bodies read without a Content-Length.
      config.http.maxRequestSize = b.maxBodyBytes;
      config.http.prefer405over404 = true;
      config.router.ignoreTrailingSlashes = true;
      Failures.install(config);
      config.requestLogger.http((ctx, ms) -> {
        io.javalin.router.Endpoint e = ctx.endpoints().lastHttpEndpoint();
        metrics.http(ctx.method().name(), e == null ? "unmatched" : e.path, ctx.statusCode());
      });
      routes.bind(config);
      Assets.install(config, b.consoleRoot);
    });
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Binds and starts serving; returns once the port is open. */
  private CaveatServer start() {
    app.start();
    return this;
  }

  /** The bound port (the ephemeral one when configured with 0). */
  public int port() {
    return app.port();
  }

  public String url() {
    String host = app.jettyServer().server().getURI().getHost();
    return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port();
  }

  /** Every route served, for documentation and the OpenAPI coverage check. */
  public List<Routes.Route> routes() {
    return routes.list();
  }

  public LiveEngine engine() {
    return engine;
  }

  /** Stops serving; in-flight requests finish first (Jetty's graceful stop). */
  @Override
  public void close() {
    app.stop();
    watcher.close();
    metrics.close();
  }

  /** Settings, checked when {@link #start()} is called so a bad one fails before binding. */
  public static final class Builder {
    private EngineFactory engines = EngineFactory.packs(null);
    private Store store;
    private Clock clock = Clock.systemUTC();
    private String host = "127.0.0.1";
    private int port = 8080;
    private long maxBodyBytes = 8L << 20;
    private int maxBatch = 100_000;
    private int threads = 64;
    private LogSigningKey signingKey;
    private Duration bodyReadTimeout = Duration.ofSeconds(20);
    private Duration idleTimeout = Duration.ofSeconds(30);
    private int maxRequestsPerToken = 8;
    private String consoleRoot = "console";
    private long maxEventBytes = EventRoutes.MAX_BYTES;
    private Duration policyCheckInterval = Duration.ofMillis(200);

    public Builder engines(EngineFactory f) {
      this.engines = Objects.requireNonNull(f, "engine factory");
      return this;
    }

    public Builder store(Store s) {
      this.store = s;
      return this;
    }

    public Builder clock(Clock c) {
      this.clock = Objects.requireNonNull(c, "clock");
      return this;
    }

    /** Default 127.0.0.1: the service is reachable from other machines only when told so. */
    public Builder host(String h) {
      this.host = h;
      return this;
    }

    /** 0 picks a free port; see {@link CaveatServer#port()}. */
    public Builder port(int p) {
      this.port = p;
      return this;
    }

    public Builder maxBodyBytes(long n) {
      this.maxBodyBytes = n;
      return this;
    }

    public Builder maxBatch(int n) {
      this.maxBatch = n;
      return this;
    }

    /**
     * The key that signs the log's heads ({@code LogSigningKey.openOrCreate(file)}). Default: a
     * key made for this process only ({@code GET /v1/log/key} says {@code "ephemeral": true}),
     * whose heads cannot be checked after a restart; {@code caveat serve} always gives a file.
     */
    public Builder signingKey(LogSigningKey key) {
      this.signingKey = Objects.requireNonNull(key, "signing key");
      return this;
    }

    /**
     * The most time the server waits, in total, for one request body's bytes (default 20 s); a
     * body that arrives slower is refused (408) and its thread freed. Time spent deciding the
     * items of a streamed batch does not count.
     */
    public Builder bodyReadTimeout(Duration d) {
      this.bodyReadTimeout = Objects.requireNonNull(d, "body read timeout");
      return this;
    }

    /** A connection on which nothing arrives for this long is closed (default 30 s). */
    public Builder idleTimeout(Duration d) {
      this.idleTimeout = Objects.requireNonNull(d, "idle timeout");
      return this;
    }

    /**
     * The most requests one token may have in progress at once (default 8); more is 429 at once,
     * so that one client's slow or large requests cannot hold every thread.
     */
    public Builder maxRequestsPerToken(int n) {
      this.maxRequestsPerToken = n;
      return this;
    }

    /** Jetty's request threads (default 64); decisions run on them. */
    public Builder threads(int n) {
      this.threads = n;
      return this;
    }

    /** The body limit of {@code POST /v1/events/decide} alone (default 50 MiB). */
    public Builder maxEventBytes(long n) {
      this.maxEventBytes = n;
      return this;
    }

    /**
     * How often a server on PostgreSQL asks the store whether the published versions changed
     * (default 200 ms; on SQLite it never asks, see {@link PolicyWatcher#isNeeded}):
     * another replica's publish decides here within this interval plus one engine build, and in no
     * case later than {@link PolicyWatcher#MAX_AGE} (decisions wait for a check when the last
     * one is older).
     */
    public Builder policyCheckInterval(Duration d) {
      this.policyCheckInterval = Objects.requireNonNull(d, "policy check interval");
      return this;
    }

    /** The classpath folder the web console is served from (default {@code console}). */
    public Builder consoleRoot(String folder) {
      this.consoleRoot = Objects.requireNonNull(folder, "console folder");
      return this;
    }

    /**
     * Validates, builds the engine (packs plus published versions) and starts serving.
     *
     * @throws IllegalArgumentException for a bad setting, naming it
     * @throws org.caveat.policy.PolicyException when the packs or a published version are invalid
     * @throws org.caveat.store.StoreException when the published versions do not match the
     *     decision log (see {@link LiveEngine}); nothing is served
     */
    public CaveatServer start() {
      if (store == null) throw new IllegalArgumentException("a store is required (Store.open(StoreConfig…))");
      if (host == null || host.isBlank()) throw new IllegalArgumentException("host is empty; e.g. 127.0.0.1");
      if (port < 0 || port > 65_535) throw new IllegalArgumentException("port " + port + " is outside 0..65535");
      if (maxBodyBytes < 1024) throw new IllegalArgumentException("max body bytes " + maxBodyBytes + " is below 1024");
      if (maxBatch < 1) throw new IllegalArgumentException("max batch " + maxBatch + " must be at least 1");
      if (bodyReadTimeout.compareTo(Duration.ofSeconds(1)) < 0) {
        throw new IllegalArgumentException("body read timeout " + bodyReadTimeout.toSeconds() + " s is below 1 s");
      }
      if (idleTimeout.compareTo(Duration.ofSeconds(1)) < 0) {
        throw new IllegalArgumentException("idle timeout " + idleTimeout.toSeconds() + " s is below 1 s");
      }
      if (policyCheckInterval.toMillis() < 10 || policyCheckInterval.compareTo(PolicyWatcher.MAX_AGE) >= 0) {
        throw new IllegalArgumentException("policy check interval " + policyCheckInterval.toMillis()
            + " ms is outside 10.." + (PolicyWatcher.MAX_AGE.toMillis() - 1) + " ms");
      }
      if (maxRequestsPerToken < 1) {
        throw new IllegalArgumentException("max requests per token " + maxRequestsPerToken + " must be at least 1");
      }
      if (threads < 16) {
        throw new IllegalArgumentException("threads " + threads + " must be at least 16 (Jetty keeps some for"
            + " accepting and selecting connections)");
      }
      if (signingKey == null) signingKey = LogSigningKey.ephemeral();
      return new CaveatServer(this).start();
    }
  }
}
