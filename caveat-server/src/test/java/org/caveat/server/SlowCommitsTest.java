package org.caveat.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.caveat.store.DecisionLog;
import org.caveat.store.Store;
import org.caveat.store.StoreConfig;
import org.caveat.store.StoreException;
import org.junit.jupiter.api.Test;

/**
 * Single decisions whose log commit is slow (a slow disk): they are answered once durable,
 * asynchronously, counted in the metrics, their wait holds no slot of the token's limit, and a
 * commit that fails is a 503 problem.
 */
class SlowCommitsTest {
  private static final long COMMIT_MS = 400;

  @Test
  void slowCommitsAreAnsweredOnceDurableAndHoldNoSlot() throws Exception {
    Store real = Store.open(StoreConfig.sqlite(Files.createTempDirectory("caveat-slow-commits")));
    try (ServerFixture f = new ServerFixture(slow(real, false), b -> b.maxRequestsPerToken(1))) {
      List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        sent.add(f.http.sendAsync(post(f, "slow-" + i), HttpResponse.BodyHandlers.ofString()));
        // the next one only once this one waits for its commit (committed, not yet acknowledged)
        while (real.log().head().size() < i + 1) Thread.sleep(5);
        Thread.sleep(50);
      }
      for (int i = 0; i < sent.size(); i++) {
        HttpResponse<String> r = sent.get(i).join();
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).contains("\"id\":\"slow-" + i + "\"").contains("\"decision\":\"PERMIT\"").endsWith("}\n");
      }
      // answered only once logged: every answer's entry is in the log when the answers are in
      assertThat(real.log().head().size()).isEqualTo(4);
      assertThat(f.get("/metrics", null).body()).contains("caveat_decisions_total{outcome=\"PERMIT\"} 4");
    }
  }

  @Test
  void aCommitFailingAfterTheWaitIsA503Problem() throws Exception {
    Store real = Store.open(StoreConfig.sqlite(Files.createTempDirectory("caveat-slow-commits")));
    try (ServerFixture f = new ServerFixture(slow(real, true), b -> {})) {
      HttpResponse<String> r = f.http.send(post(f, "lost"), HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as(r.body()).isEqualTo(503);
      assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
      assertThat(r.body()).doesNotContain("\"decision\"").doesNotContain("\tat ");
    }
  }

  private static HttpRequest post(ServerFixture f, String id) {
    return HttpRequest.newBuilder(f.uri("/v1/decisions")).header("Authorization", "Bearer " + f.tokens.get("analyst"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(ServerFixture.permitRequest(id))).build();
  }

  /** {@code store} whose log completes each append COMMIT_MS after the real commit (or then fails). */
  private static Store slow(Store store, boolean fail) {
    Executor later = CompletableFuture.delayedExecutor(COMMIT_MS, TimeUnit.MILLISECONDS);
    DecisionLog log = (DecisionLog) Proxy.newProxyInstance(DecisionLog.class.getClassLoader(),
        new Class<?>[] {DecisionLog.class}, (proxy, m, args) -> {
          Object result = call(m, store.log(), args);
          if (!m.getName().equals("appendAll")) return result;
          return ((CompletableFuture<?>) result).thenApplyAsync(x -> {
            if (fail) throw new StoreException("the disk is gone");
            return x;
          }, later);
        });
    return (Store) Proxy.newProxyInstance(Store.class.getClassLoader(), new Class<?>[] {Store.class},
        (proxy, m, args) -> m.getName().equals("log") ? log : call(m, store, args));
  }

  private static Object call(java.lang.reflect.Method m, Object target, Object[] args) throws Throwable {
    try {
      return m.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
