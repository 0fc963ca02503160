package org.caveat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.caveat.json.Json;
import org.junit.jupiter.api.Test;

/**
 * {@code caveat schema}: the published files in docs/schema are what the command prints, and every
 * shipped pack version and every example request satisfies its schema (checked with networknt's
 * json-schema-validator); broken ones do not.
 */
class SchemaCommandTest {
  private static final YAMLMapper YAML = new YAMLMapper();

  @Test
  void publishedSchemasAreTheCommandsOutput() throws IOException {
    for (String kind : List.of("pack", "pack-test", "request")) {
      Cli.Result r = Cli.run("schema", kind);
      assertThat(r.code()).isZero();
      assertThat(r.out()).as("docs/schema/%s.schema.json is stale: run ./caveat schema %s > it", kind, kind)
          .isEqualTo(Files.readString(Path.of(Cli.path("docs/schema/" + kind + ".schema.json"))));
    }
    assertThat(Cli.run("schema", "pak").code()).isEqualTo(64);
  }

  @Test
  void everyShippedPackVersionSatisfiesThePackSchema() throws IOException {
    Schema schema = schema("pack");
    List<Path> files = new ArrayList<>();
    try (Stream<Path> s = Files.list(Path.of(Cli.path("packs")))) {
      for (Path grant : s.filter(Files::isDirectory).toList()) {
        try (Stream<Path> v = Files.list(grant)) {
          v.filter(p -> p.toString().endsWith(".yaml")).forEach(files::add);
        }
      }
    }
    assertThat(files).hasSizeGreaterThan(10);
    for (Path f : files) {
      assertThat(schema.validate(YAML.readTree(f.toFile()))).as("%s against pack.schema.json", f).isEmpty();
    }
  }

  @Test
  void everyShippedPackTestFileSatisfiesThePackTestSchema() throws IOException {
    Schema schema = schema("pack-test");
    List<Path> files = new ArrayList<>();
    try (Stream<Path> s = Files.walk(Path.of(Cli.path("packs")))) {
      s.filter(p -> p.getParent().getFileName().toString().equals("tests") && p.toString().endsWith(".yaml"))
          .sorted().forEach(files::add);
    }
    assertThat(files).hasSizeGreaterThan(15);
    for (Path f : files) {
      assertThat(schema.validate(YAML.readTree(f.toFile()))).as("%s against pack-test.schema.json", f).isEmpty();
    }
    JsonNode typo = YAML.readTree("cases: [{name: x, plaec: {lat: 1, lon: 2}, expect: {decision: ALLOW}}]");
    assertThat(schema.validate(typo)).hasSizeGreaterThanOrEqualTo(2);
  }

  @Test
  void everyExampleRequestSatisfiesTheRequestSchema() throws IOException {
    Schema schema = schema("request");
    List<JsonNode> requests = new ArrayList<>();
    try (Stream<Path> s = Files.list(Path.of(Cli.path("examples")))) {
      for (Path f : s.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        requests.add(Json.MAPPER.readTree(f.toFile()));
      }
    }
    for (String line : Files.readAllLines(Path.of(Cli.path("examples/kharkiv.ndjson")))) {
      if (!line.isBlank()) requests.add(Json.MAPPER.readTree(line));
    }
    assertThat(requests).hasSizeGreaterThan(8);
    for (JsonNode r : requests) {
      assertThat(schema.validate(r)).as("%s against request.schema.json", r).isEmpty();
    }
  }

  @Test
  void brokenInputsFailTheSchemas() throws IOException {
    List<Error> bad = schema("request").validate("""
        {"time": "2024-06-01T03:00:00Z", "user": "UA", "weapon": {"origin": "US", "class": "rocket_artillery"},
         "target": {"location": {"lat": 95, "lon": 36.5}, "category": "artilery", "activity": "attacking"}}""",
        InputFormat.JSON);
    assertThat(bad).extracting(e -> e.getInstanceLocation().toString())
        .contains("/target/location/lat", "/target/category");
    JsonNode pack = YAML.readTree(Path.of(Cli.path("packs/us-ua/2024-05-30.yaml")).toFile());
    ((com.fasterxml.jackson.databind.node.ObjectNode) pack).put("titel", "typo");
    ((com.fasterxml.jackson.databind.node.ObjectNode) pack.get("rules").get(0)).put("effect", "allow");
    assertThat(schema("pack").validate(pack)).hasSizeGreaterThanOrEqualTo(2);
    // A source must be followable: a url, or no_url_reason saying why not; never neither, never both.
    JsonNode sourced = YAML.readTree(Path.of(Cli.path("packs/us-ua/2024-05-30.yaml")).toFile());
    var source = (com.fasterxml.jackson.databind.node.ObjectNode) sourced.get("sources").elements().next();
    assertThat(source.has("url")).isTrue();
    source.put("no_url_reason", "a printed document");
    assertThat(schema("pack").validate(sourced)).as("url and no_url_reason").isNotEmpty();
    source.remove("url");
    assertThat(schema("pack").validate(sourced)).as("no_url_reason only").isEmpty();
    source.remove("no_url_reason");
    assertThat(schema("pack").validate(sourced)).as("neither url nor no_url_reason").isNotEmpty();
    source.put("url", "www.example.org/article");
    assertThat(schema("pack").validate(sourced)).as("url without http(s)").isNotEmpty();
  }

  private static Schema schema(String kind) {
    Cli.Result r = Cli.run("schema", kind);
    return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(r.out(), InputFormat.JSON);
  }
}
