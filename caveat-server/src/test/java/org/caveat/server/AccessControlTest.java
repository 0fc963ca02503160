package org.caveat.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** 401 (no or unknown token, with WWW-Authenticate) told apart from 403 (known token, wrong role). */
class AccessControlTest {
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
  void missingTokenIs401WithAChallenge() throws Exception {
    HttpResponse<String> r = f.postJson("/v1/decisions", null, ServerFixture.permitRequest("x"));
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(h -> assertThat(h).startsWith("Bearer"));
    assertThat(r.body()).contains("Authorization: Bearer");
  }

  @Test
  void unknownTokenIs401() throws Exception {
    HttpResponse<String> r = f.http.send(java.net.http.HttpRequest.newBuilder(f.uri("/v1/grants"))
        .header("Authorization", "Bearer not-a-real-token").GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(h -> assertThat(h).contains("invalid_token"));
  }

  @Test
  void readerCannotDecideIs403() throws Exception {
    HttpResponse<String> r = f.postJson("/v1/decisions", "reader", ServerFixture.permitRequest("x"));
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(r.body()).contains("lacks the role `analyst`");
  }

  @Test
  void readerCannotSubmitOrEvaluate() throws Exception {
    assertThat(f.postJson("/v1/change-requests", "reader", "{}").statusCode()).isEqualTo(403);
    assertThat(f.postJson("/access/v1/evaluation", "reader", "{}").statusCode()).isEqualTo(403);
  }

  @Test
  void readerReadsAndAnalystAndApproverReadToo() throws Exception {
    for (String who : new String[] {"reader", "analyst", "us-approver2", "admin"}) {
      assertThat(f.get("/v1/grants", who).statusCode()).as(who).isEqualTo(200);
      assertThat(f.get("/v1/log/head", who).statusCode()).as(who).isEqualTo(200);
    }
    assertThat(f.get("/v1/grants", null).statusCode()).isEqualTo(401);
  }

  @Test
  void approverAloneCannotDecide() throws Exception {
    assertThat(f.postJson("/v1/decisions", "gb-approver", ServerFixture.permitRequest("x")).statusCode()).isEqualTo(403);
    assertThat(f.postJson("/v1/decisions", "admin", ServerFixture.permitRequest("x")).statusCode()).isEqualTo(200);
  }

  @Test
  void publicRoutesNeedNoToken() throws Exception {
    assertThat(f.get("/healthz", null).statusCode()).isEqualTo(200);
    assertThat(f.get("/healthz", null).body()).contains("\"status\":\"ok\"").contains("\"store\":\"sqlite\"");
    assertThat(f.get("/openapi.json", null).statusCode()).isEqualTo(200);
    assertThat(f.get("/.well-known/authzen-configuration", null).statusCode()).isEqualTo(200);
    assertThat(f.get("/metrics", null).statusCode()).isEqualTo(200);
  }
}
