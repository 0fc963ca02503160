package org.caveat.server.console;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import org.caveat.server.problem.Problems;

/**
 * The console's static assets, all from the classpath so the service works offline:
 * {@code GET /} (the console's {@code index.html}), {@code /console/*} (its ES modules and CSS),
 * {@code /vendor/leaflet/*} (the {@code org.webjars.npm:leaflet} jar: {@code /vendor/leaflet/dist/leaflet.js}),
 * {@code /vendor/swagger-ui/*} (the {@code org.webjars:swagger-ui} jar) and {@code /docs}
 * (Swagger UI over {@code /openapi.json}, started by a script file since inline scripts are
 * refused). Every response carries {@link #CSP} and {@code X-Content-Type-Options: nosniff}.
 *
 * <p>These are not API routes: they need no token, and the OpenAPI document does not list them.
 */
public final class Assets {
  /** Only the service's own origin; no inline script or style; images also as data: URIs (Leaflet, Swagger UI). */
  public static final String CSP = "default-src 'self'; img-src 'self' data:; connect-src 'self'; script-src 'self';"
      + " style-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

  /** The folder of the Swagger UI start page and its initializer script. */
  private static final String DOCS = "/org/caveat/server/docs";

  private static final Map<String, String> HEADERS = Map.of("Content-Security-Policy", CSP,
      "X-Content-Type-Options", "nosniff");

  private Assets() {}

  /**
   * @param consoleRoot the classpath folder of the console ({@code console}); when it is absent
   *     (a build without the console), {@code /} answers 404 and the rest is still served
   */
  public static void install(JavalinConfig config, String consoleRoot) {
    String root = "/" + consoleRoot;
    boolean console = Assets.class.getResource(root + "/index.html") != null;
    if (console) serve(config, "/console", root);
    serve(config, "/vendor/leaflet", webjar("org.webjars.npm", "leaflet"));
    serve(config, "/vendor/swagger-ui", webjar("org.webjars", "swagger-ui"));
    serve(config, "/docs/assets", DOCS);
    byte[] index = console ? resource(root + "/index.html") : null;
    byte[] docs = resource(DOCS + "/index.html");
    config.routes.get("/", ctx -> {
      if (index == null) throw Problems.notFound("this build has no console (no " + consoleRoot + "/index.html on the"
          + " classpath); the API is at /openapi.json");
      html(ctx, index);
    });
    config.routes.get("/docs", ctx -> html(ctx, docs));
  }

  /** Adds the security headers to a response built by a handler. */
  public static void secure(Context ctx) {
    HEADERS.forEach(ctx::header);
  }

  private static void html(Context ctx, byte[] page) {
    secure(ctx);
    ctx.header("Cache-Control", "no-cache");
    ctx.contentType("text/html; charset=utf-8").result(page);
  }

  private static void serve(JavalinConfig config, String hostedPath, String classpathDir) {
    config.staticFiles.add(sf -> {
      sf.hostedPath = hostedPath;
      sf.directory = classpathDir;
      sf.location = Location.CLASSPATH;
      sf.headers = Map.of("Content-Security-Policy", CSP, "X-Content-Type-Options", "nosniff",
          "Cache-Control", "no-cache");
    });
  }

  /** The resource folder of a webjar on the classpath, its version read from the jar's own pom.properties. */
  static String webjar(String group, String artifact) {
    Properties p = new Properties();
    String pom = "/META-INF/maven/" + group + "/" + artifact + "/pom.properties";
    try (InputStream in = Assets.class.getResourceAsStream(pom)) {
      if (in == null) throw new IllegalStateException("webjar " + group + ":" + artifact + " is not on the classpath");
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return "/META-INF/resources/webjars/" + artifact + "/" + p.getProperty("version");
  }

  private static byte[] resource(String path) {
    try (InputStream in = Assets.class.getResourceAsStream(path)) {
      if (in == null) throw new IllegalStateException("missing resource " + path);
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
