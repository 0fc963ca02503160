package org.caveat.server.decide;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.caveat.json.Json;
import org.caveat.json.RequestDefaults;
import org.caveat.json.RequestStream;
import org.caveat.server.ops.Metrics;
import org.caveat.server.policy.EngineFactory;
import org.caveat.server.policy.LiveEngine;
import org.caveat.store.Store;
import org.caveat.store.StoreConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Work after a durable append runs on the service's responders, never on the log's writer thread. */
class DecisionServiceTest {

  private static final String COUNTER_FIRE = "{\"id\":\"permit-counter-fire\",\"time\":\"2024-06-01T03:00:00Z\","
      + "\"user\":\"UA\",\"weapon\":{\"origin\":\"US\",\"system\":\"M142 HIMARS\",\"class\":\"rocket_artillery\","
      + "\"range_km\":84},\"target\":{\"location\":{\"lat\":50.57,\"lon\":36.66},\"category\":\"artillery\","
      + "\"activity\":\"attacking\",\"used_in_invasion\":true},\"purpose\":\"counter_fire\"}";

  @TempDir
  Path dir;

  @Test
  void answersContinueOnTheRespondersOnceLogged() throws Exception {
    AtomicInteger handedOver = new AtomicInteger();
    ExecutorService pool = Executors.newSingleThreadExecutor(r -> new Thread(r, "responder"));
    try (Store store = Store.open(StoreConfig.sqlite(dir))) {
      LiveEngine engine = new LiveEngine(EngineFactory.packs(null), store.published());
      Metrics metrics = new Metrics(() -> store.log().head().size());
      DecisionService service = new DecisionService(engine, store.log(), Clock.systemUTC(), metrics, task -> {
        handedOver.incrementAndGet();
        pool.execute(task);
      });
      JsonNode request = Json.MAPPER.readTree(COUNTER_FIRE);
      List<DecisionRequest> one = List.of(DecisionRequest.framed(new RequestStream.Item(request, null, 1),
          RequestDefaults.NONE));
      List<DecisionService.Result> results = service.decide(one, false).get(30, TimeUnit.SECONDS);
      assertThat(results).singleElement().satisfies(r -> assertThat(r.json()).contains("\"decision\":\"PERMIT\""));
      assertThat(handedOver).hasValue(1);
      assertThat(store.log().head().size()).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }
}
