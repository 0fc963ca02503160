package org.caveat.server.decide;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.caveat.json.AnswerWriter;
import org.caveat.json.Json;
import org.caveat.json.RequestDefaults;
import org.caveat.json.RequestStream;
import org.caveat.server.ops.Metrics;
import org.caveat.server.policy.EngineFactory;
import org.caveat.server.policy.LiveEngine;
import org.caveat.store.Store;
import org.caveat.store.StoreConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tree-free read ({@link BoundRequests}, {@link CanonicalCopy}, {@link AnswerBytes}) changes no byte: on thousands of
 * generated requests (compact, spaced and pretty, every field present, absent, null or of the wrong type,
 * numbers in every form, escapes, members the request does not know, what-ifs, non-ASCII text,
 * broken lines), the answers and the log entries (request bytes, derived ids, pins, verdicts) are
 * those of the tree path, alone and in NDJSON batches, with and without a default time.
 */
class TreeFreeReadTest {
  private static final Instant NOW = Instant.parse("2026-12-06T23:00:00.123456789Z");

  @TempDir
  static Path dir;
  private static Store store;
  private static DecisionService service;
  private static RecordingLog log;

  @BeforeAll
  static void open() {
    store = Store.open(StoreConfig.sqlite(dir));
    log = new RecordingLog(store.log());
    LiveEngine engine = new LiveEngine(EngineFactory.packs(null), store.published());
    service = new DecisionService(engine, log, Clock.fixed(NOW, ZoneOffset.UTC),
        new Metrics(() -> store.log().head().size()), Runnable::run);
  }

  @AfterAll
  static void close() {
    store.close();
  }

  @Test
  void theLoggedBytesAreTheTreesSerialisationAndTheTwoPassCopys() throws Exception {
    Random r = new Random(7);
    int copied = 0;
    int verbatim = 0;
    for (int i = 0; i < 20_000; i++) {
      String body = Requests.body(r);
      // spaced as Python's json.dumps writes (inside strings too, sometimes: the same for both paths)
      if (i % 4 == 1) body = body.replace("\":", "\": ").replace(",\"", ", \"");
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      for (Instant time : new Instant[] {null, Instant.parse("2024-06-01T03:00:00Z")}) {
        DecisionRequest.Bound bound = BoundRequests.read(bytes, RequestDefaults.asOf(time));
        byte[] twoPass = TwoPassCopy.logged(bytes, time);
        if (bound == null) continue;
        copied++;
        if (bound.logged() == bytes) verbatim++;
        // the request's own bytes, edited (VerbatimCopy), are what the token-by-token copy writes
        assertThat(new String(bound.logged(), StandardCharsets.UTF_8)).as(body)
            .isEqualTo(new String(BoundRequests.copied(bytes, RequestDefaults.asOf(time)).logged(), StandardCharsets.UTF_8));
        // the one-pass copy is the old two-pass copy's bytes, wherever the binder takes the request
        assertThat(twoPass).as(body).isNotNull();
        assertThat(new String(bound.logged(), StandardCharsets.UTF_8)).as(body)
            .isEqualTo(new String(twoPass, StandardCharsets.UTF_8));
        ObjectNode tree = (ObjectNode) Json.MAPPER.readTree(body);
        JsonNode t = tree.get("time");
        if (time != null && (t == null || t.isNull())) tree.put("time", time.toString());
        assertThat(new String(bound.logged(), StandardCharsets.UTF_8)).as(body)
            .isEqualTo(Json.MAPPER.writeValueAsString(tree));
      }
    }
    assertThat(copied).as("most generated requests take the fast path").isGreaterThan(8_000);
    assertThat(verbatim).as("compact requests in Java's number forms are logged as their own bytes").isGreaterThan(1_000);
  }

  @Test
  void singleRequestsAnswerAndLogAsTheTreePathDoes() throws Exception {
    Random r = new Random(11);
    int bound = 0;
    for (int i = 0; i < 3_000; i++) {
      String body = Requests.body(r);
      RequestDefaults defaults = r.nextBoolean() ? RequestDefaults.NONE
          : RequestDefaults.asOf(Instant.parse("2024-06-10T00:00:00Z"));
      boolean quotes = r.nextInt(4) == 0;
      DecisionRequest.Bound b = BoundRequests.read(body.getBytes(StandardCharsets.UTF_8), defaults);
      if (b == null) continue;
      bound++;
      JsonNode tree = Json.MAPPER.readTree(body);
      DecisionRequest viaTree = DecisionRequest.framed(new RequestStream.Item(tree, null, 1), defaults);
      assertThat(viaTree).as(body).isInstanceOf(DecisionRequest.Read.class);
      assertSame(List.of(b), List.of(viaTree), quotes, body);
    }
    assertThat(bound).isGreaterThan(600);
  }

  @Test
  void ndjsonBatchesAnswerAndLogAsTheTreePathDoes() throws Exception {
    Random r = new Random(13);
    for (int batch = 0; batch < 30; batch++) {
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < 200; i++) b.append(Requests.line(r)).append('\n');
      byte[] body = b.toString().getBytes(StandardCharsets.UTF_8);
      RequestDefaults defaults = batch % 2 == 0 ? RequestDefaults.NONE
          : RequestDefaults.asOf(Instant.parse("2024-06-10T00:00:00Z"));
      List<DecisionRequest> fast = new ArrayList<>();
      for (RequestStream.Item i : DecisionBody.read(body, true, 100_000, true).items()) {
        fast.add(DecisionRequest.framed(i, defaults, true));
      }
      List<DecisionRequest> tree = new ArrayList<>();
      for (RequestStream.Item i : DecisionBody.read(body, true, 100_000).items()) {
        tree.add(DecisionRequest.framed(i, defaults));
      }
      assertThat(fast.stream().filter(DecisionRequest.Bound.class::isInstance).count()).isGreaterThan(30);
      assertSame(fast, tree, batch % 3 == 0, "batch " + batch);
    }
  }

  @Test
  void answerBytesAreTheAnswerTextInUtf8() throws Exception {
    Random r = new Random(17);
    LiveEngine engine = new LiveEngine(EngineFactory.packs(null), store.published());
    for (int i = 0; i < 2_000; i++) {
      String body = Requests.body(r);
      JsonNode tree;
      try {
        tree = Json.MAPPER.readTree(body);
      } catch (java.io.IOException broken) {
        continue;
      }
      DecisionRequest d = DecisionRequest.framed(new RequestStream.Item(tree, null, 1), RequestDefaults.NONE);
      if (!(d instanceof DecisionRequest.Read read)) continue;
      var a = engine.pin().engine().answer(read.request());
      for (boolean quotes : new boolean[] {false, true}) {
        assertThat(AnswerBytes.of(a, quotes)).as(body)
            .isEqualTo(AnswerWriter.toJson(a, quotes).getBytes(StandardCharsets.UTF_8));
      }
    }
  }

  /** Both lists decided and logged: the same answers, byte for byte, and the same log entries. */
  private static void assertSame(List<DecisionRequest> fast, List<DecisionRequest> tree, boolean quotes, String what)
      throws Exception {
    List<DecisionService.Result> a = service.decide(fast, quotes).get(30, TimeUnit.SECONDS);
    var loggedFast = log.taken();
    List<DecisionService.Result> b = service.decide(tree, quotes).get(30, TimeUnit.SECONDS);
    var loggedTree = log.taken();
    assertThat(a).hasSameSizeAs(b);
    for (int i = 0; i < a.size(); i++) assertThat(a.get(i).json()).as(what).isEqualTo(b.get(i).json());
    assertThat(loggedFast).as(what).isEqualTo(loggedTree);
  }
}
