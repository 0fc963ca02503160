package org.caveat.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.caveat.cli.ServeCommandAccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every path a deploy file probes is answered 200, without a token, by a real {@code caveat serve}. */
class ProbePathsTest {
  @TempDir
  Path data;

  static Set<String> probedPaths() {
    Set<String> paths = new TreeSet<>();
    JsonNode container = KubernetesManifestsTest.caveatContainer();
    for (String probe : new String[] {"readinessProbe", "livenessProbe", "startupProbe"}) {
      paths.add(container.at("/" + probe + "/httpGet/path").asText());
    }
    for (String replica : ComposeFileTest.replicas()) {
      String url = DeployFiles.strings(ComposeFileTest.compose().at("/services/" + replica + "/healthcheck/test"))
          .stream().filter(s -> s.startsWith("http://")).findFirst().orElseThrow();
      paths.add(URI.create(url).getPath());
    }
    Matcher m = Pattern.compile("(?m)^\\s*option httpchk GET (\\S+)\\s*$").matcher(DeployFiles.text("haproxy.cfg"));
    while (m.find()) paths.add(m.group(1));
    return paths;
  }

  @Test
  void everyProbedPathIsServedWithoutAToken() throws Exception {
    Set<String> paths = probedPaths();
    assertThat(paths).contains("/healthz").doesNotContain("");
    HttpClient http = HttpClient.newHttpClient();
    try (ServeCommandAccess serve = new ServeCommandAccess()) {
      // One small grant instead of all the built-in packs: the paths do not depend on the packs,
      // and the engine is built faster.
      String url = serve.start(data, "--port", "0", "--packs", DeployFiles.dir().resolve("../packs/lv-ua").normalize().toString());
      for (String path : paths) {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url.replace("0.0.0.0", "127.0.0.1") + path)).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("GET %s: %s", path, r.body()).isEqualTo(200);
      }
    }
  }
}
