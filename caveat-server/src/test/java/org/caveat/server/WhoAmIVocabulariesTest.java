package org.caveat.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.caveat.json.Json;
import org.caveat.model.Vocabulary;
import org.caveat.server.ops.OpsRoutes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code /v1/whoami} says who the token is and what it may do; {@code /v1/vocabularies} equals the core and the OpenAPI enums. */
class WhoAmIVocabulariesTest {
  static ServerFixture f;

  @BeforeAll
  static void start() throws Exception {
    f = new ServerFixture();
  }

  @AfterAll
  static void stop() throws Exception {
    f.close();
  }

  @Test
  void whoamiNamesTheTokenItsRolesAndWhatTheyAllow() throws Exception {
    JsonNode reader = Json.MAPPER.readTree(f.get("/v1/whoami", "reader").body());
    assertThat(reader.path("name").asText()).isEqualTo("reader");
    assertThat(texts(reader.path("roles"))).containsExactly("reader");
    assertThat(reader.path("may").path("read").asBoolean()).isTrue();
    assertThat(reader.path("may").path("decide").asBoolean()).isFalse();
    assertThat(reader.path("may").path("approve_grantors")).isEmpty();
    JsonNode approver = Json.MAPPER.readTree(f.get("/v1/whoami", "us-approver").body());
    assertThat(texts(approver.path("roles"))).containsExactly("analyst", "approver:US");
    assertThat(texts(approver.path("may").path("approve_grantors"))).containsExactly("US");
    assertThat(approver.path("may").path("decide").asBoolean()).isTrue();
    JsonNode admin = Json.MAPPER.readTree(f.get("/v1/whoami", "admin").body());
    assertThat(texts(admin.path("may").path("approve_grantors"))).contains("DE", "FR", "GB", "US");
    assertThat(admin.path("may").path("admin").asBoolean()).isTrue();
  }

  @Test
  void whoamiWithoutAValidTokenIs401() throws Exception {
    var r = f.get("/v1/whoami", null);
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
  }

  @Test
  void vocabulariesAreTheCoreListsInOrderAndNeedNoToken() throws Exception {
    JsonNode v = Json.MAPPER.readTree(f.get("/v1/vocabularies", null).body());
    assertThat(texts(v.path("weapon.class"))).containsExactlyElementsOf(Vocabulary.WEAPON_CLASS);
    assertThat(texts(v.path("target.category"))).containsExactlyElementsOf(Vocabulary.TARGET_CATEGORY);
    assertThat(texts(v.path("target.activity"))).containsExactlyElementsOf(Vocabulary.TARGET_ACTIVITY);
    assertThat(texts(v.path("purpose"))).containsExactlyElementsOf(Vocabulary.PURPOSE);
    assertThat(texts(v.path("target.category.groups").path("protected_object")))
        .containsExactlyElementsOf(Vocabulary.PROTECTED_OBJECTS);
    assertThat(texts(v.path("reliability"))).containsExactly("official", "reported", "disputed");
    assertThat(texts(v.path("decision"))).contains("PERMIT", "DENY", "INDETERMINATE", "NOT_APPLICABLE");
  }

  @Test
  void theOpenApiRequestSchemaHasTheVocabulariesAsEnums() throws Exception {
    JsonNode req = Json.MAPPER.readTree(OpsRoutes.openapi()).path("components").path("schemas").path("Request")
        .path("properties");
    assertThat(texts(req.path("weapon").path("properties").path("class").path("enum")))
        .containsExactlyElementsOf(Vocabulary.WEAPON_CLASS);
    assertThat(texts(req.path("target").path("properties").path("category").path("enum")))
        .containsExactlyElementsOf(Vocabulary.TARGET_CATEGORY);
    assertThat(texts(req.path("target").path("properties").path("activity").path("enum")))
        .containsExactlyElementsOf(Vocabulary.TARGET_ACTIVITY);
    assertThat(texts(req.path("purpose").path("enum"))).containsExactlyElementsOf(Vocabulary.PURPOSE);
  }

  static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
