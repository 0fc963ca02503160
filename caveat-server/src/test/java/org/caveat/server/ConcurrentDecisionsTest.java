package org.caveat.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.caveat.store.VerifyReport;
import org.junit.jupiter.api.Test;

/** 8 clients × 200 decisions at once: every acknowledged decision is in the log, and it verifies. */
class ConcurrentDecisionsTest {
  @Test
  void everyAcknowledgedDecisionIsLogged() throws Exception {
    try (ServerFixture f = new ServerFixture()) {
      ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
      ExecutorService clients = Executors.newFixedThreadPool(8);
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int thread = t;
        done.add(clients.submit(() -> {
          for (int i = 0; i < 200; i++) {
            String id = "c" + thread + "-" + i;
            String req = i % 2 == 0 ? ServerFixture.permitRequest(id) : ServerFixture.denyRequest(id);
            HttpResponse<String> r = f.postJson("/v1/decisions", "analyst", req);
            if (r.statusCode() == 200) acknowledged.add(id);
          }
          return null;
        }));
      }
      for (Future<?> d : done) d.get();
      clients.shutdown();
      assertThat(acknowledged).hasSize(1600);
      Set<String> logged = new HashSet<>();
      long size = f.store.log().head().size();
      for (long i = 0; i < size; i++) logged.add(f.store.log().entry(i).orElseThrow().entry().id());
      assertThat(logged).containsAll(acknowledged);
      VerifyReport v = f.store.log().verify();
      assertThat(v.ok()).as(String.valueOf(v.problem())).isTrue();
      assertThat(v.checked()).isEqualTo(1600);
    }
  }
}
