package org.caveat.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import org.caveat.store.merkle.ProofVerifier;
import org.caveat.store.merkle.Rfc6962;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two stores on one PostgreSQL database, as two replicas of the service hold them, appending at
 * once: every index is handed out once and the indexes are contiguous, both trees end equal, the
 * log verifies, and either store proves the entries the other appended. SQLite refuses a second
 * appending store with a message that says why.
 */
class ReplicatedLogTest {

  @TempDir
  Path dir;

  @Test
  void twoStoresAppendingToOnePostgresLogShareOneContiguousTree() throws Exception {
    try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
      StoreConfig config = StoreConfig.jdbc("jdbc:postgresql://localhost:" + pg.getPort() + "/postgres", "postgres", null);
      try (Store a = Store.open(config); Store b = Store.open(config)) {
        List<Long> indexes = Collections.synchronizedList(new ArrayList<>());
        AtomicReference<LogHead> midway = new AtomicReference<>();
        List<Throwable> failures = StoreFixture.racing(8, t -> {
          Store mine = t % 2 == 0 ? a : b;
          for (int i = 0; i < 60; i++) {
            int n = t * 1000 + i;
            if (i % 3 == 0) {
              for (long index : mine.log().appendAll(List.of(entry(n, 0), entry(n, 1), entry(n, 2))).join()) {
                indexes.add(index);
              }
            } else {
              indexes.add(mine.log().append(entry(n, 0)).join());
            }
            if (t == 1 && i == 30) {
              midway.set(b.log().head());
            }
          }
        });
        assertThat(failures).isEmpty();
        long n = indexes.size();
        assertThat(n).isEqualTo(8 * (40 + 20 * 3));
        assertThat(indexes.stream().sorted().toList()).isEqualTo(java.util.stream.LongStream.range(0, n).boxed().toList());

        LogHead ha = a.log().head();
        LogHead hb = b.log().head();
        assertThat(ha.size()).isEqualTo(n);
        assertThat(hb.size()).isEqualTo(n);
        assertThat(hb.rootHex()).isEqualTo(ha.rootHex());
        VerifyReport v = b.log().verify();
        assertThat(v.ok()).as(String.valueOf(v.problem())).isTrue();

        for (long i = 0; i < n; i += 37) {
          InclusionProof p = (i % 2 == 0 ? a : b).log().proof(i, n);
          assertThat(ProofVerifier.inclusionProblem(i, n, Rfc6962.unhex(p.leafHashHex()),
              p.pathHex().stream().map(Rfc6962::unhex).toList(), Rfc6962.unhex(ha.rootHex()))).isNull();
        }
        LogHead mid = midway.get();
        ConsistencyProof c = a.log().consistency(mid.size(), n);
        assertThat(c.fromRootHex()).isEqualTo(mid.rootHex());
        assertThat(ProofVerifier.consistencyProblem(mid.size(), n, Rfc6962.unhex(mid.rootHex()),
            Rfc6962.unhex(ha.rootHex()), c.pathHex().stream().map(Rfc6962::unhex).toList())).isNull();

        Map<String, Integer> seen = new HashMap<>();
        a.log().forEach(0, r -> seen.merge(r.entry().id(), 1, Integer::sum));
        assertThat(seen).hasSize((int) n);
        assertThat(seen.values()).containsOnly(1);
      }
    }
  }

  @Test
  void anEntryAppendedThroughOneStoreIsReadAndProvedThroughTheOtherAtOnce() throws Exception {
    try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
      StoreConfig config = StoreConfig.jdbc("jdbc:postgresql://localhost:" + pg.getPort() + "/postgres", "postgres", null);
      try (Store a = Store.open(config); Store b = Store.open(config)) {
        for (int i = 0; i < 5; i++) {
          long index = a.log().append(entry(i, 0)).join();
          assertThat(b.log().entry(index)).map(r -> r.entry().id()).contains("r-" + i + "-0");
          InclusionProof p = b.log().proof(index, index + 1);
          assertThat(p.rootHex()).isEqualTo(a.log().head().rootHex());
          long next = b.log().append(entry(100 + i, 0)).join();
          assertThat(next).isEqualTo(index + 1);
        }
      }
    }
  }

  @Test
  void sqliteRefusesASecondAppendingStoreAndSaysWhy() {
    StoreConfig config = StoreConfig.sqlite(dir);
    try (Store a = Store.open(config); Store b = Store.open(config)) {
      assertThat(a.log().append(entry(1, 0)).join()).isZero();
      assertThatThrownBy(() -> b.log().append(entry(2, 0)).join())
          .isInstanceOf(CompletionException.class)
          .cause().isInstanceOf(StoreException.class)
          .hasMessageContaining("a SQLite store has one writing process")
          .hasMessageContaining("PostgreSQL (--db) to run several replicas");
      try (Store reader = Store.open(config)) { // reading and verifying beside the writer is fine
        assertThat(reader.log().head().size()).isEqualTo(1);
        assertThat(reader.log().verify().ok()).isTrue();
      }
      assertThat(b.tokens().create("reader-1", java.util.Set.of("reader")).secret()).startsWith("cvt_");
    }
    try (Store c = Store.open(config)) { // the first writer closed: its claim is released
      assertThat(c.log().append(entry(3, 0)).join()).isEqualTo(1);
      assertThat(c.log().verify().ok()).isTrue();
    }
  }

  private static DecisionEntry entry(int n, int k) {
    String id = "r-" + n + "-" + k;
    return new DecisionEntry(id, java.time.Instant.parse("2026-01-01T00:00:00Z").plusMillis(n),
        ("{\"id\":\"" + id + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8), List.of("sha256:aa"),
        Map.of(), false, "PERMIT", List.of(new DecisionEntry.GrantVerdict("us-ua", "PERMIT", List.of("r"))));
  }

}
