package org.caveat.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.caveat.server.console.Assets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The console's static assets over real HTTP, with a fixture console folder from the test
 * resources: the page, its modules, Leaflet and Swagger UI from their jars, each with the strict
 * Content-Security-Policy and nosniff; no token needed; unknown files are 404 problems.
 */
class ConsoleAssetsTest {
  static ServerFixture f;

  @BeforeAll
  static void start() throws Exception {
    f = new ServerFixture(null, b -> b.consoleRoot("console-fixture"));
  }

  @AfterAll
  static void stop() throws Exception {
    f.close();
  }

  private static void assertSecured(HttpResponse<String> r) {
    assertThat(r.headers().firstValue("Content-Security-Policy")).hasValue(Assets.CSP);
    assertThat(Assets.CSP).contains("default-src 'self'", "img-src 'self' data:", "connect-src 'self'",
        "script-src 'self';").doesNotContain("unsafe-inline", "unsafe-eval", "http");
    assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
  }

  @Test
  void rootServesTheConsolePageWithoutAToken() throws Exception {
    HttpResponse<String> r = f.get("/", null);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    assertThat(r.body()).contains("fixture console");
    assertSecured(r);
  }

  @Test
  void consoleModulesComeFromTheConsoleFolder() throws Exception {
    HttpResponse<String> r = f.get("/console/app.js", null);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("javascript");
    assertThat(r.body()).contains("console asset");
    assertSecured(r);
    HttpResponse<String> missing = f.get("/console/nothing.js", null);
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    assertThat(f.get("/console/../org/caveat/server/openapi.json", null).statusCode()).isEqualTo(404);
  }

  @Test
  void leafletComesFromItsWebjar() throws Exception {
    HttpResponse<String> js = f.get("/vendor/leaflet/dist/leaflet.js", null);
    assertThat(js.statusCode()).isEqualTo(200);
    assertThat(js.body()).contains("Leaflet");
    assertSecured(js);
    HttpResponse<String> css = f.get("/vendor/leaflet/dist/leaflet.css", null);
    assertThat(css.headers().firstValue("Content-Type").orElse("")).startsWith("text/css");
    assertThat(f.get("/vendor/leaflet/dist/images/marker-icon.png", null).statusCode()).isEqualTo(200);
  }

  @Test
  void docsIsSwaggerUiOverTheOpenApiDocumentWithoutInlineScript() throws Exception {
    HttpResponse<String> page = f.get("/docs", null);
    assertThat(page.statusCode()).isEqualTo(200);
    assertSecured(page);
    assertThat(page.body()).contains("/vendor/swagger-ui/swagger-ui-bundle.js", "/docs/assets/swagger-initializer.js")
        .doesNotContainPattern("<script>|<script [^>]*>[^<]+</script>|style=");
    HttpResponse<String> init = f.get("/docs/assets/swagger-initializer.js", null);
    assertThat(init.body()).contains("url: \"/openapi.json\"", "validatorUrl: null");
    assertSecured(init);
    HttpResponse<String> bundle = f.get("/vendor/swagger-ui/swagger-ui-bundle.js", null);
    assertThat(bundle.statusCode()).isEqualTo(200);
    assertSecured(bundle);
  }

  @Test
  void withoutAConsoleTheRootIsAProblemAndTheRestIsServed() throws Exception {
    try (ServerFixture bare = new ServerFixture(null, b -> b.consoleRoot("no-such-console"))) {
      HttpResponse<String> r = bare.get("/", null);
      assertThat(r.statusCode()).isEqualTo(404);
      assertThat(r.body()).contains("no-such-console/index.html");
      assertThat(bare.get("/docs", null).statusCode()).isEqualTo(200);
    }
  }
}
