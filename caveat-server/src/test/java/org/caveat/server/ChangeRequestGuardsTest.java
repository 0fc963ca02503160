package org.caveat.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caveat.server.ChangeRequestLifecycleTest.candidateYaml;
import static org.caveat.server.ChangeRequestLifecycleTest.json;
import static org.caveat.server.ChangeRequestLifecycleTest.submission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import org.caveat.json.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a change request may not do, over real HTTP on a real SQLite store: be approved by its
 * author's person under another token, decide another grantor's weapons, rewrite the published
 * past without saying why, share a date with an approved request; and callers who may approve
 * nothing learn nothing about which requests exist.
 */
class ChangeRequestGuardsTest {
  ServerFixture f;

  @BeforeEach
  void start() throws Exception {
    f = new ServerFixture();
    token("alice", null, "analyst");
    token("Alice", null, "approver:US");
    token("ann-laptop", "Ann Lee", "analyst");
    token("ann-phone", " ANN  LEE", "approver:US");
  }

  @AfterEach
  void stop() throws Exception {
    f.close();
  }

  private void token(String name, String person, String role) {
    f.tokens.put(name, f.store.tokens().create(name, person, Set.of(role)).secret());
  }

  private String submit(String who, String yaml) throws Exception {
    return json(f.postJson("/v1/change-requests", who, submission("us-ua", yaml)), 201).path("id").asText();
  }

  /** The 2022 text re-issued in force from {@code date} under the version id {@code version}. */
  private static String dated(String version, String date) throws Exception {
    return candidateYaml(date).replace("version: \"" + date + "\"", "version: \"" + version + "\"");
  }

  @Test
  void aliceCannotApproveWhatAliceSubmitted() throws Exception {
    String id = submit("alice", candidateYaml("2026-01-01"));
    JsonNode refused = json(f.postJson("/v1/change-requests/" + id + "/approve", "Alice", ""), 403);
    assertThat(refused.path("errors").get(0).path("code").asText()).isEqualTo("change_request.four_eyes");
    assertThat(refused.path("detail").asText()).contains("`Alice` (person alice, who submitted it as `alice`)");
    json(f.postJson("/v1/change-requests/" + id + "/reject", "Alice", ""), 403);
    assertThat(json(f.postJson("/v1/change-requests/" + id + "/approve", "us-approver2", ""), 200)
        .path("state").asText()).isEqualTo("APPROVED");
  }

  @Test
  void twoTokensOfOnePersonAreOnePerson() throws Exception {
    String id = submit("ann-laptop", candidateYaml("2026-01-01"));
    JsonNode cr = json(f.get("/v1/change-requests/" + id, "reader"), 200);
    assertThat(cr.path("author").asText()).isEqualTo("ann-laptop");
    assertThat(cr.path("author_person").asText()).isEqualTo("ann lee");
    JsonNode refused = json(f.postJson("/v1/change-requests/" + id + "/approve", "ann-phone", ""), 403);
    assertThat(refused.path("detail").asText()).contains("four-eyes").contains("person ann lee");
    JsonNode approved = json(f.postJson("/v1/change-requests/" + id + "/approve", "Alice", ""), 200);
    JsonNode step = approved.path("history").get(1);
    assertThat(step.path("principal").asText()).isEqualTo("Alice");
    assertThat(step.path("person").asText()).isEqualTo("alice");
  }

  @Test
  void aVersionForAnotherGrantorsWeaponsIs422WithTheDiagnostic() throws Exception {
    String yaml = candidateYaml("2026-01-01").replace("scope: weapon.origin == \"US\"", "scope: weapon.origin == \"DE\"");
    JsonNode p = json(f.postJson("/v1/change-requests", "us-approver", submission("us-ua", yaml)), 422);
    JsonNode e = p.path("errors").get(0);
    assertThat(e.path("code").asText()).isEqualTo("scope.foreign_origin");
    assertThat(e.path("field").asText()).isEqualTo("us-ua/2026-01-01.yaml");
    assertThat(e.path("line").asInt()).isEqualTo(7);
    assertThat(e.path("column").asInt()).isEqualTo(25);
    assertThat(e.path("message").asText()).contains("names weapons of origin DE");
    assertThat(e.path("hint").asText()).contains("weapon.origin == \"US\"");
    assertThat(json(f.get("/v1/change-requests", "reader"), 200).path("change_requests")).isEmpty();
  }

  @Test
  void aRetroactiveVersionIsRefusedUnlessTheSubmissionSaysWhy() throws Exception {
    JsonNode p = json(f.postJson("/v1/change-requests", "analyst", submission("us-ua", candidateYaml("2025-01-01"))), 409);
    JsonNode e = p.path("errors").get(0);
    assertThat(e.path("code").asText()).isEqualTo("change_request.retroactive");
    assertThat(e.path("field").asText()).isEqualTo("in_force");
    assertThat(p.path("detail").asText()).contains("version 2025-10-22, in force from 2025-10-22T00:00:00Z");
    assertThat(e.path("hint").asText()).contains("\"retroactive\": true");

    ObjectNode body = (ObjectNode) Json.MAPPER.readTree(submission("us-ua", candidateYaml("2025-01-01")));
    body.put("retroactive", true);
    json(f.postJson("/v1/change-requests", "analyst", body.toString()), 400); // no reason
    body.put("retroactive_reason", "  ");
    json(f.postJson("/v1/change-requests", "analyst", body.toString()), 400);
    body.put("retroactive_reason", "the 2025-01-01 guidance was only made public in 2026");
    JsonNode cr = json(f.postJson("/v1/change-requests", "analyst", body.toString()), 201);
    assertThat(cr.path("retroactive").asBoolean()).isTrue();
    assertThat(cr.path("retroactive_reason").asText()).isEqualTo("the 2025-01-01 guidance was only made public in 2026");
    assertThat(json(f.get("/v1/change-requests/" + cr.path("id").asText(), "reader"), 200).path("retroactive_reason")
        .asText()).startsWith("the 2025-01-01 guidance");

    JsonNode viaYaml = json(f.post("/v1/change-requests?grant=us-ua&retroactive=true&retroactive_reason=late%20record",
        "analyst", "application/yaml", dated("2025-02-01", "2025-02-01")), 201);
    assertThat(viaYaml.path("retroactive_reason").asText()).isEqualTo("late record");

    ObjectNode notRetroactive = (ObjectNode) Json.MAPPER.readTree(submission("us-ua", candidateYaml("2026-01-01")));
    notRetroactive.put("retroactive", true).put("retroactive_reason", "just in case");
    JsonNode bad = json(f.postJson("/v1/change-requests", "analyst", notRetroactive.toString()), 400);
    assertThat(bad.path("errors").get(0).path("field").asText()).isEqualTo("retroactive");
    JsonNode plain = json(f.postJson("/v1/change-requests", "analyst", submission("us-ua", candidateYaml("2026-01-01"))), 201);
    assertThat(plain.path("retroactive").asBoolean()).isFalse();
    assertThat(plain.path("retroactive_reason").isNull()).isTrue();
  }

  @Test
  void oneApprovedRequestPerDate() throws Exception {
    String first = submit("analyst", dated("2026-01-01", "2026-01-01"));
    String rival = submit("analyst", dated("2026-01-01-alt", "2026-01-01"));
    json(f.postJson("/v1/change-requests/" + first + "/approve", "us-approver", ""), 200);
    JsonNode p = json(f.postJson("/v1/change-requests/" + rival + "/approve", "us-approver", ""), 409);
    assertThat(p.path("errors").get(0).path("code").asText()).isEqualTo("change_request.same_date");
    assertThat(p.path("detail").asText()).contains(first + " for grant `us-ua` in force from 2026-01-01 is already APPROVED");
    p = json(f.postJson("/v1/change-requests", "analyst", submission("us-ua", dated("2026-01-01-third", "2026-01-01"))), 409);
    assertThat(p.path("errors").get(0).path("code").asText()).isEqualTo("change_request.same_date");
  }

  @Test
  void publishingRefusesARequestThatHistoryHasOvertaken() throws Exception {
    String earlier = submit("analyst", candidateYaml("2026-02-01"));
    String later = submit("analyst", candidateYaml("2026-03-01"));
    json(f.postJson("/v1/change-requests/" + earlier + "/approve", "us-approver", ""), 200);
    json(f.postJson("/v1/change-requests/" + later + "/approve", "us-approver", ""), 200);
    json(f.postJson("/v1/change-requests/" + later + "/publish", "us-approver", ""), 200);
    JsonNode p = json(f.postJson("/v1/change-requests/" + earlier + "/publish", "us-approver", ""), 409);
    assertThat(p.path("errors").get(0).path("code").asText()).isEqualTo("change_request.retroactive");
    assertThat(p.path("detail").asText()).contains("version 2026-03-01 (published since " + earlier + " was submitted)");
    assertThat(json(f.get("/v1/change-requests/" + earlier, "reader"), 200).path("state").asText()).isEqualTo("APPROVED");
  }

  @Test
  void callersWhoMayApproveNothingGet403WhetherOrNotTheRequestExists() throws Exception {
    String id = submit("analyst", candidateYaml("2026-01-01"));
    for (String action : new String[] {"approve", "reject", "publish"}) {
      for (String who : new String[] {"reader", "analyst"}) {
        for (String target : new String[] {id, "cr-999", "nonsense"}) {
          JsonNode p = json(f.postJson("/v1/change-requests/" + target + "/" + action, who, ""), 403);
          assertThat(p.path("detail").asText()).as(who + " " + action + " " + target)
              .contains("lacks the role `approver:<grantor>`").doesNotContain(target);
        }
      }
      json(f.postJson("/v1/change-requests/cr-999/" + action, null, ""), 401);
      json(f.postJson("/v1/change-requests/cr-999/" + action, "gb-approver", ""), 404);
      json(f.postJson("/v1/change-requests/cr-999/" + action, "admin", ""), 404);
    }
    json(f.postJson("/v1/change-requests/" + id + "/approve", "gb-approver", ""), 403);
    json(f.get("/v1/change-requests/cr-999", null), 401);
  }
}
