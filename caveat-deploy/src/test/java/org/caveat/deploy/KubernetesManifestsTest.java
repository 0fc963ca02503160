package org.caveat.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1StatefulSet;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * deploy/kubernetes/: every manifest against the Kubernetes API's schema (the generated models
 * of the official Java client reject unknown and missing required fields at every level), and
 * the Deployment against what {@code caveat serve} accepts and serves.
 */
class KubernetesManifestsTest {
  interface Validator {
    void validate(JsonElement json) throws IOException;
  }

  private static final Map<String, Validator> BY_KIND = Map.of(
      "ConfigMap", V1ConfigMap::validateJsonElement,
      "Deployment", V1Deployment::validateJsonElement,
      "Service", V1Service::validateJsonElement,
      "StatefulSet", V1StatefulSet::validateJsonElement,
      "PodDisruptionBudget", V1PodDisruptionBudget::validateJsonElement);

  static List<JsonNode> manifests() {
    List<JsonNode> all = new ArrayList<>();
    for (JsonNode file : DeployFiles.yaml("kubernetes/kustomization.yaml").get(0).get("resources")) {
      all.addAll(DeployFiles.yaml("kubernetes/" + file.asText()));
    }
    return all;
  }

  static JsonNode one(String kind, String name) {
    return manifests().stream()
        .filter(m -> m.path("kind").asText().equals(kind) && m.at("/metadata/name").asText().equals(name))
        .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in deploy/kubernetes"));
  }

  static JsonNode caveatContainer() {
    return one("Deployment", "caveat").at("/spec/template/spec/containers/0");
  }

  private static void validate(JsonNode manifest) throws IOException {
    String kind = manifest.path("kind").asText();
    assertThat(BY_KIND).as("a validator for kind %s", kind).containsKey(kind);
    BY_KIND.get(kind).validate(JsonParser.parseString(manifest.toString()));
  }

  @Test
  void everyManifestIsValidAgainstTheKubernetesApiSchema() throws IOException {
    List<JsonNode> all = manifests();
    assertThat(all).extracting(m -> m.path("kind").asText())
        .contains("ConfigMap", "Deployment", "Service", "StatefulSet", "PodDisruptionBudget");
    for (JsonNode m : all) validate(m);
  }

  @Test
  void theSchemaCheckRejectsAMisspeltFieldDeepInsideADeployment() {
    ObjectNode deployment = one("Deployment", "caveat").deepCopy();
    ((ObjectNode) deployment.at("/spec/template/spec/containers/0")).set("readinesProbe",
        deployment.at("/spec/template/spec/containers/0/readinessProbe"));
    assertThatThrownBy(() -> validate(deployment)).hasMessageContaining("readinesProbe");
  }

  @Test
  void theServerArgumentsAreOptionsOfCaveatServeWithTheirVariablesDefined() {
    JsonNode container = caveatContainer();
    Map<String, String> config = new HashMap<>();
    one("ConfigMap", "caveat").get("data").fields().forEachRemaining(e -> config.put(e.getKey(), e.getValue().asText()));
    Set<String> defined = new HashSet<>();
    Set<String> used = new HashSet<>();
    for (JsonNode env : container.get("env")) {
      defined.add(env.get("name").asText());
      JsonNode ref = env.at("/valueFrom/configMapKeyRef");
      if (!ref.isMissingNode()) assertThat(config).as("ConfigMap key of %s", env).containsKey(ref.get("key").asText());
    }
    List<String> args = new ArrayList<>();
    for (String arg : DeployFiles.strings(container.get("args"))) {
      for (String name : DeployFiles.kubernetesVariables(arg)) {
        assertThat(defined).as("$(%s) in the arguments", name).contains(name);
        used.add(name);
        arg = arg.replace("$(" + name + ")", config.getOrDefault(name, "x"));
      }
      args.add(arg);
    }
    CommandLine.ParseResult serve = DeployFiles.parseServe(args);
    String passwordVar = serve.matchedOptionValue("--db-password-env", (String) null);
    assertThat(passwordVar).isNotNull();
    used.add(passwordVar);
    assertThat(used).as("every variable set on the container is read by caveat serve").isEqualTo(defined);
    assertThat(serve.matchedOptionValue("--db", "")).startsWith("jdbc:postgresql://");
    assertThat(serve.matchedOptionValue("--host", "")).isEqualTo("0.0.0.0");

    int port = serve.matchedOptionValue("--port", 0);
    JsonNode http = container.get("ports").get(0);
    assertThat(http.get("containerPort").asInt()).isEqualTo(port);
    for (String probe : List.of("readinessProbe", "livenessProbe", "startupProbe")) {
      assertThat(container.at("/" + probe + "/httpGet/port").asText()).as(probe).isEqualTo(http.get("name").asText());
    }
    assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/healthz");
    assertThat(one("Service", "caveat").at("/spec/ports/0/targetPort").asText()).isEqualTo(http.get("name").asText());
  }

  @Test
  void theDatabaseUrlNamesThePostgresqlServiceItsPortAndItsDatabase() {
    URI url = URI.create(one("ConfigMap", "caveat").at("/data/CAVEAT_DB_URL").asText().substring("jdbc:".length()));
    JsonNode service = one("Service", url.getHost());
    assertThat(service.at("/spec/ports/0/port").asInt()).isEqualTo(url.getPort());
    JsonNode postgres = one("StatefulSet", url.getHost()).at("/spec/template/spec/containers/0");
    assertThat(service.at("/spec/ports/0/targetPort").asText()).isEqualTo(postgres.at("/ports/0/name").asText());
    Map<String, JsonNode> env = new HashMap<>();
    postgres.get("env").forEach(e -> env.put(e.get("name").asText(), e));
    assertThat(url.getPath()).isEqualTo("/" + env.get("POSTGRES_DB").get("value").asText());
    assertThat(env.get("POSTGRES_USER").at("/valueFrom/configMapKeyRef/key").asText()).isEqualTo("CAVEAT_DB_USER");
    assertThat(env.get("POSTGRES_PASSWORD").at("/valueFrom/secretKeyRef"))
        .isEqualTo(caveatContainer().get("env").findParent("secretKeyRef").get("secretKeyRef"));
  }

  @Test
  void theSigningKeyTheServerIsGivenIsTheOneTheInitStepCopiesOutOfTheSecret() {
    JsonNode pod = one("Deployment", "caveat").at("/spec/template/spec");
    CommandLine.ParseResult serve = DeployFiles.parseServe(DeployFiles.strings(caveatContainer().get("args")));
    String key = serve.matchedOptionValue("--signing-key", java.nio.file.Path.of("")).toString();
    String keyDir = key.substring(0, key.lastIndexOf('/'));
    JsonNode mount = mount(caveatContainer(), keyDir);
    JsonNode init = pod.get("initContainers").get(0);
    String copied = mount(init, null, mount.get("name").asText()).get("mountPath").asText();
    String script = init.get("command").get(init.get("command").size() - 1).asText();
    assertThat(script).contains("/secret/log-signing.key", "/secret/log-signing.pub", copied + "/",
        "chmod 600 " + copied + "/log-signing.key");
    assertThat(key).endsWith("/log-signing.key");
    assertThat(mount(init, "/secret").get("name").asText()).isEqualTo("signing-key-secret");
  }

  private static JsonNode mount(JsonNode container, String path) {
    return mount(container, path, null);
  }

  private static JsonNode mount(JsonNode container, String path, String volume) {
    for (JsonNode m : container.get("volumeMounts")) {
      if ((path == null || m.get("mountPath").asText().equals(path)) && (volume == null || m.get("name").asText().equals(volume))) {
        return m;
      }
    }
    throw new AssertionError("no volume mount " + (path != null ? path : volume) + " in " + container.get("name"));
  }

  @Test
  void imagesAreTheOneTheImageProfileBuildsAndSecretsAreTheOnesKustomizeGenerates() {
    JsonNode pod = one("Deployment", "caveat").at("/spec/template/spec");
    assertThat(pod.at("/containers/0/image").asText()).isEqualTo(DeployFiles.serverImage());
    assertThat(pod.at("/initContainers/0/image").asText()).isEqualTo(DeployFiles.serverImage());
    JsonNode kustomization = DeployFiles.yaml("kubernetes/kustomization.yaml").get(0);
    assertThat(kustomization.at("/images/0/newName").asText() + ":" + kustomization.at("/images/0/newTag").asText())
        .isEqualTo(DeployFiles.serverImage());
    for (JsonNode file : kustomization.get("resources")) {
      assertThat(DeployFiles.dir().resolve("kubernetes").resolve(file.asText())).isRegularFile();
    }
    Map<String, Set<String>> generated = new HashMap<>();
    for (JsonNode g : kustomization.get("secretGenerator")) {
      Set<String> keys = new HashSet<>();
      for (JsonNode f : g.get("files")) {
        String s = f.asText();
        keys.add(s.contains("=") ? s.substring(0, s.indexOf('=')) : s.substring(s.lastIndexOf('/') + 1));
      }
      generated.put(g.get("name").asText(), keys);
    }
    for (JsonNode m : manifests()) {
      for (JsonNode ref : m.findValues("secretKeyRef")) {
        assertThat(generated.get(ref.get("name").asText())).as("secret %s", ref).contains(ref.get("key").asText());
      }
    }
    assertThat(generated.get(pod.at("/volumes/0/secret/secretName").asText()))
        .containsExactlyInAnyOrder("log-signing.key", "log-signing.pub");
  }

  @Test
  void theSecretsFolderIsNeverCommitted() throws IOException {
    assertThat(Files.readString(DeployFiles.dir().resolve("kubernetes/.gitignore"))).contains("secrets/");
  }
}
