package org.caveat.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.caveat.store.merkle.ProofVerifier;
import org.junit.jupiter.api.Test;

/**
 * What the log proves beyond its own rows: consistency proofs, a saved head that catches a log cut
 * short or rewritten (which {@link DecisionLog#verify()} alone cannot), and published versions
 * held by the log and checked against it. Part of the storage contract every database passes.
 */
interface LogIntegrityContract extends StoreFixture {

  /** Reopens the store over the same database (to pick up rows changed behind its back). */
  void reopenStore();

  default void sql(String statement) throws SQLException {
    try (Connection c = raw(); var s = c.createStatement()) {
      s.executeUpdate(statement);
    }
  }

  /** Entries 0..n-1 as an earlier release wrote them, one row each (see {@code StoreContract.legacy}). */
  void legacy(int n) throws Exception;

  default void append(int from, int to) {
    List<DecisionEntry> entries = new ArrayList<>();
    for (int i = from; i < to; i++) {
      entries.add(StoreContract.entry(i));
    }
    store().log().appendAll(entries).join();
  }

  @Test
  default void consistencyProofsCheckOutWithTheIndependentRecursionAndTheVerifier() {
    append(0, 300);
    List<byte[]> leaves = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      leaves.add(IndependentMerkle.unhex(store().log().entry(i).orElseThrow().leafHashHex()));
    }
    for (int[] pair : new int[][] {{1, 300}, {7, 8}, {8, 300}, {100, 257}, {255, 256}, {256, 300}, {299, 300}, {300, 300}}) {
      ConsistencyProof p = store().log().consistency(pair[0], pair[1]);
      List<byte[]> path = p.pathHex().stream().map(IndependentMerkle::unhex).toList();
      assertThat(path).as("%d → %d", pair[0], pair[1]).usingElementComparator(java.util.Arrays::compare)
          .containsExactlyElementsOf(IndependentMerkle.consistencyProof(pair[0], leaves.subList(0, pair[1])));
      assertThat(p.fromRootHex()).isEqualTo(IndependentMerkle.hex(IndependentMerkle.mth(leaves.subList(0, pair[0]))));
      assertThat(p.toRootHex()).isEqualTo(IndependentMerkle.hex(IndependentMerkle.mth(leaves.subList(0, pair[1]))));
      assertThat(ProofVerifier.consistencyProblem(pair[0], pair[1], IndependentMerkle.unhex(p.fromRootHex()),
          IndependentMerkle.unhex(p.toRootHex()), path)).isNull();
    }
    assertThat(store().log().consistency(300, 300).toRootHex()).isEqualTo(store().log().head().rootHex());
    assertThatThrownBy(() -> store().log().consistency(0, 5)).hasMessage("old tree size 0 is outside 1..5");
    assertThatThrownBy(() -> store().log().consistency(5, 301))
        .hasMessage("tree size 301 is outside 1..300 (the log has 300 entries)");
  }

  @Test
  default void aTruncatedTailWithARewrittenCheckpointPassesVerifyButNotTheSavedHead() throws Exception {
    legacy(100);
    LogHead saved = store().log().head();
    assertThat(store().log().verify(saved.size(), saved.rootHex()).ok()).isTrue();
    sql("DELETE FROM log_entry WHERE idx >= 90");
    sql("UPDATE log_checkpoint SET size = 90, root = (SELECT root_after FROM log_entry WHERE idx = 89)");
    reopenStore();
    assertThat(store().log().verify().ok()).as("the database alone cannot tell").isTrue();
    VerifyReport r = store().log().verify(saved.size(), saved.rootHex());
    assertThat(r.ok()).isFalse();
    assertThat(r.problem()).isEqualTo("the log has 90 entries; the saved head has 100: entries 90..99 were removed");
    assertThat(r.firstBad()).hasValue(90);
  }

  @Test
  default void aTailReplacedByOtherEntriesFailsTheSavedHeadAndOnlyIt() throws Exception {
    legacy(40);
    LogHead saved = store().log().head();
    sql("DELETE FROM log_entry WHERE idx >= 30");
    sql("UPDATE log_checkpoint SET size = 30, root = (SELECT root_after FROM log_entry WHERE idx = 29)");
    reopenStore();
    append(1000, 1015);
    assertThat(store().log().verify().ok()).isTrue();
    VerifyReport r = store().log().verify(saved.size(), saved.rootHex());
    assertThat(r.problem()).startsWith("the root over the first 40 entries is ")
        .endsWith("; the saved head has " + saved.rootHex()
            + ": entries before 40 were changed, removed or replaced since the head was signed");
    LogHead now = store().log().head();
    assertThat(store().log().verify(now.size(), now.rootHex()).ok()).isTrue();
    assertThat(store().log().verify(0, IndependentMerkle.hex(IndependentMerkle.sha256())).ok()).isTrue();
  }

  @Test
  default void publishingLogsTheVersionAndTheRowsAreCheckedAgainstTheLog() throws Exception {
    append(0, 3);
    ChangeRequest cr = store().changeRequests().submit("alice", "us-ua", "v2", LocalDate.parse("2026-04-01"),
        ChangeRequestsContract.YAML, null);
    store().changeRequests().approve(cr.id(), "bob", null);
    store().changeRequests().publish(cr.id(), "bob");
    append(3, 5);
    LogRecord logged = store().log().entry(3).orElseThrow();
    assertThat(logged.kind()).isEqualTo(LogRecord.VERSION);
    assertThat(logged.entry().id()).isEqualTo("us-ua/v2");
    assertThat(logged.entry().requestJson()).isEqualTo("{\"grant\":\"us-ua\",\"version\":\"v2\",\"change_request\":\"cr-1\","
        + "\"yaml\":\"grant: us-ua\\nversion: v2\\n\"}");
    PublishedVersion published = store().published().all().get(0);
    assertThat(logged.entry().versionHashes()).containsExactly(published.contentHash());
    assertThat(store().log().entry(4).orElseThrow().kind()).isEqualTo(LogRecord.DECISION);
    List<String> requests = new ArrayList<>();
    store().log().forEachRequest(requests::add);
    assertThat(requests).hasSize(5).noneMatch(r -> r.contains("yaml"));
    assertThat(store().log().verify().ok()).isTrue();
    assertThat(store().published().check()).isEmpty();

    // permit → forbid behind the store's back, with a matching content hash
    String edited = ChangeRequestsContract.YAML + "forbid: everything\n";
    sql("UPDATE published_version SET yaml = '" + edited + "', content_hash = '"
        + "sha256:" + IndependentMerkle.hex(IndependentMerkle.sha256(edited.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
        + "'");
    assertThat(store().published().check()).containsExactly("published version us-ua/v2 differs from the text logged at entry 3");
    assertThat(store().published().all().get(0).yamlText()).isEqualTo(edited);
    assertThat(store().published().restoreFromLog())
        .containsExactly("published version us-ua/v2 differs from the text logged at entry 3");
    assertThat(store().published().check()).isEmpty();
    assertThat(store().published().all()).singleElement().satisfies(v -> {
      assertThat(v.yamlText()).isEqualTo(ChangeRequestsContract.YAML);
      assertThat(v.contentHash()).isEqualTo(published.contentHash());
      assertThat(v.changeRequestId()).isEqualTo("cr-1");
      assertThat(v.publishedAt()).isEqualTo(published.publishedAt());
    });
    assertThat(store().published().restoreFromLog()).isEmpty();
  }

  @Test
  default void everyWayARowCanDifferFromTheLogIsNamed() throws Exception {
    for (String v : List.of("v2", "v3")) {
      // one approved version per grant and date: v2 takes effect on 2026-04-02, v3 on 2026-04-03
      ChangeRequest cr = store().changeRequests().submit("alice", "us-ua", v,
          LocalDate.parse("2026-04-0" + v.substring(1)),
          "grant: us-ua\nversion: " + v + "\n", null);
      store().changeRequests().approve(cr.id(), "bob", null);
      store().changeRequests().publish(cr.id(), "bob");
    }
    sql("UPDATE published_version SET yaml = 'grant: us-ua' WHERE version = 'v2'");
    sql("DELETE FROM published_version WHERE version = 'v3'");
    assertThat(store().published().check()).containsExactly(
        "published version us-ua/v2: its YAML does not match its content hash (stored "
            + store().published().all().get(0).contentHash() + ", the YAML hashes to sha256:"
            + IndependentMerkle.hex(IndependentMerkle.sha256("grant: us-ua".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
            + ")",
        "published version us-ua/v2 differs from the text logged at entry 0",
        "published version us-ua/v3 (logged at entry 1) is missing from the published versions");
    assertThat(store().published().restoreFromLog()).hasSize(3);
    assertThat(store().published().check()).isEmpty();
    assertThat(store().published().all()).extracting(PublishedVersion::version).containsExactly("v2", "v3");

    sql("INSERT INTO published_version (grant_name, version, yaml, content_hash, cr_seq, published_at)"
        + " SELECT grant_name, 'v9', yaml, content_hash, cr_seq, published_at FROM published_version WHERE version = 'v2'");
    assertThat(store().published().check())
        .containsExactly("published version us-ua/v9 is not in the decision log (it was not published through the"
            + " service, or its log entry was removed)");
    store().published().restoreFromLog();
    assertThat(store().published().all()).extracting(PublishedVersion::version).containsExactly("v2", "v3");
  }

  @Test
  default void anEditedVersionEntryFailsVerifyAndIsNeverRestoredFrom() throws Exception {
    ChangeRequest cr = store().changeRequests().submit("alice", "us-ua", "v2", LocalDate.parse("2026-04-01"),
        ChangeRequestsContract.YAML, null);
    store().changeRequests().approve(cr.id(), "bob", null);
    store().changeRequests().publish(cr.id(), "bob");
    append(0, 2);
    sql("UPDATE log_entry SET request = replace(request, 'version: v2', 'version: v2 # forbid') WHERE idx = 0");
    assertThat(store().log().verify().problem()).isEqualTo("entry 0: content does not match its leaf hash");
    assertThat(store().published().check()).contains("log entry 0 (published version us-ua/v2) does not match its leaf hash");
    assertThatThrownBy(() -> store().published().restoreFromLog()).isInstanceOf(StoreException.class)
        .hasMessageStartingWith("the decision log does not verify (entry 0: content does not match its leaf hash)");
    sql("UPDATE log_entry SET kind = 'decision', request = replace(request, ' # forbid', '') WHERE idx = 0");
    assertThat(store().log().verify().problem()).as("a version cannot pass for a decision")
        .isEqualTo("entry 0: content does not match its leaf hash");
  }
}
