package org.caveat.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.caveat.json.Json;

/**
 * Whatever a client puts into a request's id, time or any other string (control characters,
 * unpaired surrogates, huge strings, any Unicode, numbers, nesting), sent alone, in an NDJSON
 * batch or through AuthZEN: the server never answers 500, every batch item is answered or refused
 * in place, the store never refuses an append (that would be a 500), exactly the decided requests
 * are logged, and the log still verifies.
 */
class ClientInputProperties {
  private static final JsonNodeFactory N = JsonNodeFactory.instance;
  private static final ObjectMapper PLAIN = new ObjectMapper();
  /** Writes every non-ASCII character as {@code \\uXXXX}, so unpaired surrogates arrive as escapes. */
  private static final ObjectMapper ESCAPING = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
  private static ServerFixture f;

  @BeforeContainer
  static void start() throws Exception {
    f = new ServerFixture();
  }

  @AfterContainer
  static void stop() throws Exception {
    assertThat(f.store.log().verify().ok()).as("the log verifies after every generated input").isTrue();
    f.close();
  }

  /** The fields of one generated request; {@code null} leaves a field out. */
  record Mutation(JsonNode id, JsonNode time, JsonNode system, String extraKey, JsonNode extra) {}

  @Provide
  Arbitrary<JsonNode> texts() {
    Arbitrary<String> any = Arbitraries.strings().all().ofMinLength(0).ofMaxLength(300);
    Arbitrary<String> controls = Arbitraries.strings().withCharRange('\u0000', '\u001f').withChars('\u007f', '\u2028',
        '\ud800', '\udfff', ' ', 'a').ofMaxLength(20);
    Arbitrary<String> huge = Arbitraries.strings().withCharRange('a', 'z').withChars('é', '\ud83d', '\ude00')
        .ofMinLength(200_000).ofMaxLength(300_000);
    Arbitrary<String> nearLimit = Arbitraries.integers().between(250, 260).map(n -> "i".repeat(n));
    Arbitrary<JsonNode> strings = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(6, any), net.jqwik.api.Tuple.of(4, controls), net.jqwik.api.Tuple.of(1, huge),
        net.jqwik.api.Tuple.of(2, nearLimit), net.jqwik.api.Tuple.of(2, Arbitraries.of("", " ", "   ", "\t", "evt-1",
            "2024-06-01T03:00:00Z", "2024-06-01T03:00:00+25:00", "NaN")))
        .map(N::textNode);
    Arbitrary<JsonNode> others = Arbitraries.of(N.nullNode(), N.booleanNode(true), N.numberNode(42),
        N.numberNode(new BigInteger("9".repeat(400))), N.numberNode(1e308), N.numberNode(-0.5),
        N.arrayNode().add("x"), N.objectNode().put("id", "nested"));
    return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(8, strings), net.jqwik.api.Tuple.of(2, others));
  }

  @Provide
  Arbitrary<Mutation> mutations() {
    Arbitrary<JsonNode> maybe = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, texts()),
        net.jqwik.api.Tuple.of(1, Arbitraries.just(null)));
    Arbitrary<String> keys = Arbitraries.strings().all().ofMaxLength(40);
    return Combinators.combine(maybe, Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, Arbitraries.just(
            (JsonNode) N.textNode("2024-06-01T03:00:00Z"))), net.jqwik.api.Tuple.of(1, maybe)), maybe, keys, maybe)
        .as(Mutation::new);
  }

  @Provide
  Arbitrary<List<Mutation>> batches() {
    return mutations().list().ofMinSize(1).ofMaxSize(6);
  }

  static ObjectNode request(Mutation m) throws Exception {
    ObjectNode r = (ObjectNode) Json.MAPPER.readTree(ServerFixture.permitRequest("x"));
    set(r, "id", m.id());
    set(r, "time", m.time());
    set((ObjectNode) r.get("weapon"), "system", m.system());
    if (m.extra() != null) r.set(m.extraKey(), m.extra());
    return r;
  }

  private static void set(ObjectNode o, String field, JsonNode v) {
    if (v == null) o.remove(field);
    else o.set(field, v);
  }

  @Property(tries = 120)
  void nativeRequestsAreAnsweredOrRefusedNeverA500(@ForAll("batches") List<Mutation> ms, @ForAll boolean escape)
      throws Exception {
    ObjectMapper w = escape ? ESCAPING : PLAIN;
    long before = f.store.log().head().size();
    if (ms.size() == 1) {
      HttpResponse<String> r = f.postJson("/v1/decisions", "analyst", w.writeValueAsString(request(ms.get(0))));
      assertThat(r.statusCode()).as(r.body()).isIn(200, 400, 413);
      assertThat(f.store.log().head().size() - before).isEqualTo(r.statusCode() == 200 ? 1 : 0);
      return;
    }
    StringBuilder body = new StringBuilder();
    for (Mutation m : ms) body.append(w.writeValueAsString(request(m))).append('\n');
    HttpResponse<String> r = f.post("/v1/decisions", "analyst", "application/x-ndjson", body.toString());
    assertThat(r.statusCode()).as(r.body()).isIn(200, 413);
    if (r.statusCode() == 413) return; // a body over 8 MiB: refused whole, nothing logged
    String[] lines = r.body().split("\n");
    assertThat(lines).as("one answer or error per request").hasSize(ms.size());
    long decided = 0;
    for (String l : lines) {
      JsonNode a = PLAIN.readTree(l);
      assertThat(a.has("decision") != a.has("error")).as(l).isTrue();
      if (a.has("decision")) decided++;
    }
    assertThat(f.store.log().head().size() - before).as("exactly the decided requests are logged").isEqualTo(decided);
  }

  @Property(tries = 60)
  void authZenContextIdsAreAnsweredOrRefusedNeverA500(@ForAll("texts") JsonNode id, @ForAll boolean escape)
      throws Exception {
    ObjectMapper w = escape ? ESCAPING : PLAIN;
    ObjectNode eval = (ObjectNode) Json.MAPPER.readTree("{" + AuthZenTest.SUBJECT + "," + AuthZenTest.ACTION + ","
        + AuthZenTest.PERMIT + "," + AuthZenTest.CONTEXT + "}");
    ((ObjectNode) eval.get("context")).set("id", id);
    long before = f.store.log().head().size();
    HttpResponse<String> one = f.postJson("/access/v1/evaluation", "analyst", w.writeValueAsString(eval));
    assertThat(one.statusCode()).as(one.body()).isIn(200, 400);
    if (one.statusCode() == 400) assertThat(one.body()).contains("context.id");
    ArrayNode list = N.arrayNode().add(eval).add(eval.deepCopy().put("context", (String) null));
    ObjectNode batch = N.objectNode().set("evaluations", list);
    HttpResponse<String> many = f.postJson("/access/v1/evaluations", "analyst", w.writeValueAsString(batch));
    assertThat(many.statusCode()).as(many.body()).isEqualTo(200);
    assertThat(PLAIN.readTree(many.body()).path("evaluations")).hasSize(2);
    assertThat(f.store.log().head().size() - before).isBetween(0L, 3L);
  }
}
