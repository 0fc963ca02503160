package org.caveat.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The storage contract every database passes: subclasses say how to open a fresh, empty database
 * and how to reach it with raw JDBC (to tamper with rows behind the store's back). The decision
 * log's tests are here; tokens, change requests and crash safety are in the interfaces this class
 * implements ({@link TokensContract}, {@link ChangeRequestsContract}, {@link FourEyesContract},
 * {@link CrashContract}, {@link LogIntegrityContract}), so that each database runs all of them.
 */
abstract class StoreContract
    implements TokensContract, ChangeRequestsContract, FourEyesContract, CrashContract, LogIntegrityContract,
    VersionTextsContract {

  static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  protected TestClock clock;
  protected Store store;

  /** A config naming a fresh, empty database. Called once per test. */
  protected abstract StoreConfig freshConfig() throws Exception;

  /** A raw connection to the database of the last {@link #freshConfig()}. */
  @Override
  public abstract Connection raw() throws SQLException;

  protected StoreConfig config;

  @Override
  public Store store() {
    return store;
  }

  @Override
  public TestClock clock() {
    return clock;
  }

  @Override
  public StoreConfig config() {
    return config;
  }

  @Override
  public void closeStoreForChild() {
    store.close();
    store = null;
  }

  @Override
  public void reopenStoreAfterChild() {
    store = Store.open(config);
  }

  @BeforeEach
  void openStore() throws Exception {
    clock = new TestClock(T0);
    config = freshConfig().clock(clock);
    store = Store.open(config);
  }

  @AfterEach
  void closeStore() {
    if (store != null) {
      store.close();
    }
  }

  @Override
  public void reopenStore() {
    reopen();
  }

  protected void reopen() {
    store.close();
    store = Store.open(config);
  }

  static DecisionEntry entry(int i) {
    return new DecisionEntry("d-" + i, T0.plusMillis(i), ("{\"id\":\"d-" + i + "\",\"use\":{\"weapon\":\"w\"}}")
        .getBytes(java.nio.charset.StandardCharsets.UTF_8), List.of("sha256:aa", "sha256:bb"), java.util.Map.of(), false,
        "PERMIT", List.of(new DecisionEntry.GrantVerdict("us-ua", "PERMIT", List.of("r" + i))));
  }

  /**
   * Entries {@code 0..n-1} as a store of an earlier release wrote them (leaf format 1, one row
   * each, in {@code log_entry}); the store is reopened to read them.
   */
  @Override
  public void legacy(int n) throws Exception {
    try (Connection c = raw()) {
      org.caveat.store.jdbc.LegacyLog.write(c, T0, 0, n);
    }
    reopen();
  }

  protected List<Long> appendMany(int n) throws Exception {
    List<CompletableFuture<Long>> futures = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      futures.add(store.log().append(entry(i)));
    }
    List<Long> out = new ArrayList<>();
    for (CompletableFuture<Long> f : futures) {
      out.add(f.get());
    }
    return out;
  }

  @Override
  public void sql(String statement) throws SQLException {
    LogIntegrityContract.super.sql(statement);
  }

  @Test
  void emptyLogHasTheEmptyTreeHash() {
    LogHead head = store.log().head();
    assertThat(head.size()).isZero();
    assertThat(head.rootHex()).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    assertThat(head.time()).isEqualTo(T0);
    assertThat(store.log().verify().ok()).isTrue();
    assertThat(store.log().entry(0)).isEmpty();
  }

  @Test
  void appendsGetConsecutiveIndexesAndTheHeadIsTheTreeOfTheirLeaves() throws Exception {
    assertThat(appendMany(40)).containsExactlyElementsOf(java.util.stream.LongStream.range(0, 40).boxed().toList());
    long[] more = store.log().appendAll(List.of(entry(40), entry(41), entry(42))).get();
    assertThat(more).containsExactly(40, 41, 42);
    List<byte[]> leaves = new ArrayList<>();
    for (int i = 0; i < 43; i++) {
      LogRecord r = store.log().entry(i).orElseThrow();
      assertThat(r.index()).isEqualTo(i);
      assertThat(r.decision()).isEqualTo(entry(i));
      assertThat(r.format()).isEqualTo(3);
      leaves.add(IndependentMerkle.unhex(r.leafHashHex()));
    }
    assertThat(store.log().head().rootHex()).isEqualTo(IndependentMerkle.hex(IndependentMerkle.mth(leaves)));
    assertThat(store.log().head().size()).isEqualTo(43);
  }

  @Test
  void leafIsTheLengthPrefixedEncodingOfTheEntryWithItsIndex() throws Exception {
    appendMany(3);
    DecisionEntry e = new DecisionEntry("x\"1", Instant.parse("2026-03-01T10:00:00.5Z"),
        "{\"a\": [1, 2]}".getBytes(java.nio.charset.StandardCharsets.UTF_8), List.of("sha256:01", "sha256:02"),
        java.util.Map.of("k", "é"), true, "DENY", List.of(new DecisionEntry.GrantVerdict("g", "DENY", List.of("r"))));
    assertThat(store.log().append(e).get()).isEqualTo(3);
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    java.io.DataOutputStream leaf = new java.io.DataOutputStream(bytes);
    leaf.write("caveat-log-leaf/3".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    str(leaf, "x\"1");
    leaf.writeLong(Instant.parse("2026-03-01T10:00:00Z").getEpochSecond());
    leaf.writeInt(500_000_000);
    str(leaf, "{\"a\": [1, 2]}");
    leaf.writeInt(2);
    str(leaf, "sha256:01");
    str(leaf, "sha256:02");
    leaf.writeInt(1);
    str(leaf, "k");
    str(leaf, "é");
    leaf.writeByte(1);
    str(leaf, "DENY");
    leaf.writeInt(1);
    str(leaf, "g");
    str(leaf, "DENY");
    leaf.writeInt(1);
    str(leaf, "r");
    leaf.writeLong(3);
    LogRecord r = store.log().entry(3).orElseThrow();
    assertThat(r.leafHashHex()).isEqualTo(IndependentMerkle.hex(IndependentMerkle.leaf(bytes.toByteArray())));
    assertThat(r.decision()).isEqualTo(e);
    assertThat(r.entry().answerJson()).isNull();
    assertThat(r.entry().requestJson()).isEqualTo("{\"a\": [1, 2]}");
  }

  private static void str(java.io.DataOutputStream out, String s) throws java.io.IOException {
    byte[] utf8 = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    out.writeInt(utf8.length);
    out.write(utf8);
  }

  @Test
  void oldEntriesKeepTheirLeavesAndNewOnesFollowInTheCompactFormat() throws Exception {
    legacy(5);
    String oldRoot = store.log().head().rootHex();
    String oldLeaf = store.log().entry(2).orElseThrow().leafHashHex();
    assertThat(store.log().entry(2).orElseThrow().format()).isEqualTo(1);
    assertThat(store.log().entry(2).orElseThrow().entry().answerJson()).isEqualTo("{\"id\":\"d-2\",\"outcome\":\"PERMIT\"}");
    assertThat(store.log().appendAll(List.of(entry(5), entry(6))).get()).containsExactly(5, 6);
    assertThat(store.log().entry(2).orElseThrow().leafHashHex()).isEqualTo(oldLeaf);
    assertThat(store.log().consistency(5, 7).fromRootHex()).isEqualTo(oldRoot);
    assertThat(store.log().entry(6).orElseThrow().decision()).isEqualTo(entry(6));
    VerifyReport r = store.log().verify();
    assertThat(r.ok()).as(r.problem()).isTrue();
    assertThat(r.checked()).isEqualTo(7);
    reopen();
    assertThat(store.log().verify().ok()).isTrue();
    assertThat(store.log().append(entry(7)).get()).isEqualTo(7);
  }

  @Test
  void decisionsOfOneCommitShareOneCompressedRow() throws Exception {
    List<DecisionEntry> many = new ArrayList<>();
    for (int i = 0; i < 500; i++) many.add(entry(i));
    store.log().appendAll(many).get();
    try (Connection c = raw(); var q = c.createStatement();
        var rs = q.executeQuery("SELECT first_idx, count, length(entries) FROM log_batch")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getLong(1)).isZero();
      assertThat(rs.getInt(2)).isEqualTo(500);
      assertThat(rs.getInt(3)).as("compressed bytes per entry").isLessThan(500 * 40);
      assertThat(rs.next()).isFalse();
    }
    List<LogRecord> all = new ArrayList<>();
    store.log().forEach(0, all::add);
    assertThat(all).extracting(LogRecord::decision).containsExactlyElementsOf(many);
  }

  @Test
  void verifyNamesAnEditedVerdictInACompactRow() throws Exception {
    appendMany(3);
    store.log().appendAll(List.of(entry(3), entry(4), entry(5))).get();
    try (Connection c = raw()) {
      byte[] row;
      try (var q = c.prepareStatement("SELECT entries FROM log_batch WHERE first_idx <= 4 ORDER BY first_idx DESC")) {
        try (var rs = q.executeQuery()) {
          rs.next();
          row = rs.getBytes(1);
        }
      }
      byte[] plain = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(row)).readAllBytes();
      String text = new String(plain, java.nio.charset.StandardCharsets.ISO_8859_1);
      int at = text.indexOf("d-4\",");
      int verdict = text.indexOf("PERMIT", at);
      plain[verdict] = 'X';
      java.io.ByteArrayOutputStream z = new java.io.ByteArrayOutputStream();
      try (var gz = new java.util.zip.GZIPOutputStream(z)) {
        gz.write(plain);
      }
      try (var u = c.prepareStatement("UPDATE log_batch SET entries = ? WHERE first_idx <= 4 AND first_idx + count > 4")) {
        u.setBytes(1, z.toByteArray());
        assertThat(u.executeUpdate()).isEqualTo(1);
      }
    }
    VerifyReport r = store.log().verify();
    assertThat(r.firstBad()).hasValue(4);
    assertThat(r.problem()).isEqualTo("entry 4: content does not match its leaf hash");
    assertThat(store.log().entry(4).orElseThrow().decision().decision()).isEqualTo("XERMIT");
  }

  @Test
  void inclusionProofsCheckOutWithAnIndependentVerifier() throws Exception {
    int n = 600;
    appendMany(n);
    List<byte[]> leaves = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      leaves.add(IndependentMerkle.unhex(store.log().entry(i).orElseThrow().leafHashHex()));
    }
    long[] sizes = {1, 2, 3, 7, 8, 9, 255, 256, 257, 300, 511, 512, 513, 599, 600};
    int checked = 0;
    for (long size : sizes) {
      byte[] root = IndependentMerkle.mth(leaves.subList(0, (int) size));
      for (long index : new long[] {0, 1, size / 2, size - 2, size - 1, (size * 7) / 11}) {
        if (index < 0 || index >= size) {
          continue;
        }
        InclusionProof p = store.log().proof(index, size);
        assertThat(p.rootHex()).isEqualTo(IndependentMerkle.hex(root));
        assertThat(p.leafHashHex()).isEqualTo(IndependentMerkle.hex(leaves.get((int) index)));
        List<byte[]> path = p.pathHex().stream().map(IndependentMerkle::unhex).toList();
        assertThat(IndependentMerkle.verifyInclusion(index, size, leaves.get((int) index), path, root))
            .as("proof of %d in %d", index, size).isTrue();
        byte[] other = leaves.get((int) ((index + 1) % size));
        assertThat(IndependentMerkle.verifyInclusion(index, size, other, path, root)).isEqualTo(size == 1);
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(60);
    assertThat(store.log().proof(599, 600).rootHex()).isEqualTo(store.log().head().rootHex());
  }

  @Test
  void proofOutsideTheLogIsAClearError() throws Exception {
    appendMany(3);
    assertThatThrownBy(() -> store.log().proof(3, 3)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("index 3 is outside 0..2 for tree size 3");
    assertThatThrownBy(() -> store.log().proof(0, 4)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("tree size 4 is outside 1..3 (the log has 3 entries)");
  }

  @Test
  void badEntriesAreRefusedAndNothingIsWritten() throws Exception {
    appendMany(2);
    String root = store.log().head().rootHex();
    var empty = new DecisionEntry("d-x", T0, new byte[0], List.of(), null, false, "PERMIT", List.of());
    assertThatThrownBy(() -> store.log().append(empty).get()).isInstanceOf(ExecutionException.class)
        .cause().isInstanceOf(IllegalArgumentException.class)
        .hasMessage("log entry: request is empty; nothing was logged");
    var blank = new DecisionEntry(" ", T0, new byte[] {'{', '}'}, List.of(), null, false, "PERMIT", List.of());
    assertThatThrownBy(() -> store.log().appendAll(List.of(entry(5), blank)).get())
        .cause().hasMessageStartingWith("log entry 1 of 2: id is empty");
    var unhashed = new DecisionEntry("d-y", T0, new byte[] {'{', '}'}, List.of(" "), null, false, "PERMIT", List.of());
    assertThatThrownBy(() -> store.log().append(unhashed).get()).cause().hasMessageContaining("version hash 0 is empty");
    assertThat(store.log().head().size()).isEqualTo(2);
    assertThat(store.log().head().rootHex()).isEqualTo(root);
    assertThat(store.log().append(entry(2)).get()).isEqualTo(2);
  }

  @Test
  void verifyPassesOnAnUntouchedLog() throws Exception {
    appendMany(700);
    VerifyReport r = store.log().verify();
    assertThat(r.ok()).as(r.problem()).isTrue();
    assertThat(r.checked()).isEqualTo(700);
    assertThat(r.firstBad()).isEmpty();
  }

  @Test
  void verifyNamesAnEditedRow() throws Exception {
    legacy(30);
    sql("UPDATE log_entry SET answer = '{\"id\":\"d-17\",\"outcome\":\"DENY\"}' WHERE idx = 17");
    VerifyReport r = store.log().verify();
    assertThat(r.ok()).isFalse();
    assertThat(r.firstBad()).hasValue(17);
    assertThat(r.problem()).isEqualTo("entry 17: content does not match its leaf hash");
  }

  @Test
  void verifyNamesAnEditedRootOrTime() throws Exception {
    legacy(10);
    sql("UPDATE log_entry SET root_after = (SELECT root_after FROM log_entry WHERE idx = 2) WHERE idx = 6");
    assertThat(store.log().verify().problem()).isEqualTo("entry 6: stored root after it differs from the recomputed root");
    sql("UPDATE log_entry SET time_utc = '2026-03-01T10:00:00.004Z' WHERE idx = 3");
    assertThat(store.log().verify().problem()).isEqualTo("entry 3: content does not match its leaf hash");
  }

  @Test
  void verifyNamesADamagedHashesColumn() throws Exception {
    legacy(4);
    sql("UPDATE log_entry SET version_hashes = 'sha256:aa' WHERE idx = 2");
    assertThat(store.log().verify().problem()).startsWith("entry 2: version hashes column is damaged");
    assertThatThrownBy(() -> store.log().entry(2)).isInstanceOf(StoreException.class)
        .hasMessageStartingWith("log entry 2 is damaged").hasMessageEndingWith("run `caveat log verify`");
  }

  @Test
  void aFailedCommitAcknowledgesNothingAndTheLogCarriesOn() throws Exception {
    legacy(5);
    String root = store.log().head().rootHex();
    // A row behind the store's back takes the next index: the commit fails on the primary key.
    sql("INSERT INTO log_batch (first_idx, count, entries, leaf_hashes, root_after)"
        + " SELECT 5, 1, leaf_hash, leaf_hash, root_after FROM log_entry WHERE idx = 0");
    assertThatThrownBy(() -> store.log().append(entry(5)).get()).cause().isInstanceOf(StoreException.class)
        .hasMessageStartingWith("could not write the decision log (" + config.describe() + "): ");
    assertThat(store.log().head().size()).isEqualTo(5);
    assertThat(store.log().head().rootHex()).isEqualTo(root);
    sql("DELETE FROM log_batch WHERE first_idx = 5");
    assertThat(store.log().append(entry(5)).get()).isEqualTo(5);
    assertThat(store.log().verify().ok()).isTrue();
  }

  /**
   * PostgreSQL: another store (a replica) appends to the same log, and this one's next batch
   * catches up under the sequencing lock and takes the next index, without failing. SQLite: one
   * appending store per data folder; the other is refused and this one carries on.
   */
  @Test
  void aWriterCatchesUpWithEntriesCommittedBehindItsBack() throws Exception {
    appendMany(5);
    if (config.kind() == StoreConfig.Kind.SQLITE) {
      try (Store other = Store.open(config)) {
        assertThatThrownBy(() -> other.log().append(entry(5)).get()).cause().isInstanceOf(StoreException.class)
            .hasMessageContaining("a SQLite store has one writing process");
      }
      assertThat(store.log().append(entry(5)).get()).isEqualTo(5);
      assertThat(store.log().verify().ok()).isTrue();
      return;
    }
    try (Store other = Store.open(config)) {
      assertThat(other.log().appendAll(List.of(entry(5), entry(6), entry(7))).get()).containsExactly(5, 6, 7);
    }
    assertThat(store.log().append(entry(8)).get()).isEqualTo(8);
    assertThat(store.log().head().size()).isEqualTo(9);
    assertThat(store.log().proof(6, 9).rootHex()).isEqualTo(store.log().head().rootHex());
    assertThat(store.log().verify().ok()).isTrue();
  }

  @Test
  void verifyNamesADeletedRow() throws Exception {
    legacy(30);
    sql("DELETE FROM log_entry WHERE idx = 17");
    VerifyReport r = store.log().verify();
    assertThat(r.firstBad()).hasValue(17);
    assertThat(r.problem()).isEqualTo("entry 17 missing (indexes jump 16 → 18)");
    assertThat(r.checked()).isEqualTo(17);
  }

  @Test
  void verifyNamesTheFirstOrLastRowDeleted() throws Exception {
    legacy(5);
    sql("DELETE FROM log_entry WHERE idx = 4");
    assertThat(store.log().verify().problem())
        .isEqualTo("entry 4 missing (the last commit recorded 5 entries, only 4 are stored)");
    sql("DELETE FROM log_entry WHERE idx = 0");
    assertThat(store.log().verify().problem()).isEqualTo("entry 0 missing (indexes start at 1)");
  }

  @Test
  void verifyNamesReorderedRows() throws Exception {
    legacy(30);
    // Swap every column but the index between rows 9 and 21, hashes and roots included.
    String cols = "id, time_utc, request, answer, version_hashes, leaf_hash, root_after";
    sql("CREATE TABLE swap AS SELECT idx, " + cols + " FROM log_entry WHERE idx IN (9, 21)");
    for (String col : cols.split(", ")) {
      sql("UPDATE log_entry SET " + col + " = (SELECT s." + col + " FROM swap s WHERE s.idx = 30 - log_entry.idx)"
          + " WHERE idx IN (9, 21)");
    }
    assertThat(store.log().entry(9).orElseThrow().entry().id()).isEqualTo("d-21");
    VerifyReport r = store.log().verify();
    assertThat(r.firstBad()).hasValue(9);
    assertThat(r.problem()).isEqualTo("entry 9: content does not match its leaf hash");
  }

  @Test
  void concurrentAppendsFromEightThreadsAreContiguousAndVerify() throws Exception {
    int threads = 8;
    int each = 400;
    List<Thread> workers = new ArrayList<>();
    List<Long> indexes = java.util.Collections.synchronizedList(new ArrayList<>());
    List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    for (int t = 0; t < threads; t++) {
      int base = t * each;
      workers.add(new Thread(() -> {
        try {
          for (int i = 0; i < each; i++) {
            indexes.add(store.log().append(entry(base + i)).get());
          }
        } catch (Throwable e) {
          failures.add(e);
        }
      }));
    }
    workers.forEach(Thread::start);
    for (Thread w : workers) {
      w.join();
    }
    assertThat(failures).isEmpty();
    assertThat(indexes).hasSize(threads * each).doesNotHaveDuplicates()
        .allMatch(i -> i >= 0 && i < threads * each);
    assertThat(store.log().head().size()).isEqualTo(threads * each);
    assertThat(store.log().verify().ok()).isTrue();
  }

  @Test
  void aSecondStoreBesideABusyOneCanManageTokensAndVerify() throws Exception {
    java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
    java.util.concurrent.atomic.AtomicInteger appended = new java.util.concurrent.atomic.AtomicInteger();
    Thread busy = new Thread(() -> {
      while (!stop.get()) {
        store.log().append(entry(appended.get())).join();
        appended.incrementAndGet();
      }
    });
    busy.start();
    try (Store beside = Store.open(config)) {
      IssuedToken t = beside.tokens().create("cli-made", java.util.Set.of("reader"));
      assertThat(store.tokens().authenticate(t.secret())).isPresent();
      assertThat(beside.log().verify().ok()).isTrue();
    } finally {
      stop.set(true);
      busy.join();
    }
    assertThat(appended.get()).isPositive();
    assertThat(store.log().verify().ok()).isTrue();
  }

  @Test
  void reopeningRestoresTheHeadAndContinuesTheLog() throws Exception {
    appendMany(300);
    LogHead before = store.log().head();
    InclusionProof proof = store.log().proof(123, 300);
    reopen();
    clock.advance(Duration.ofMinutes(1));
    LogHead after = store.log().head();
    assertThat(after.size()).isEqualTo(before.size());
    assertThat(after.rootHex()).isEqualTo(before.rootHex());
    assertThat(after.time()).isEqualTo(T0.plus(Duration.ofMinutes(1)));
    assertThat(store.log().proof(123, 300)).isEqualTo(proof);
    assertThat(store.log().append(entry(300)).get()).isEqualTo(300);
    assertThat(store.log().verify().ok()).isTrue();
  }

  @Test
  void forEachRequestStreamsInIndexOrder() throws Exception {
    appendMany(25);
    List<String> seen = new ArrayList<>();
    store.log().forEachRequest(seen::add);
    assertThat(seen).hasSize(25);
    assertThat(seen.get(0)).contains("\"d-0\"");
    assertThat(seen.get(24)).contains("\"d-24\"");
  }

  @Test
  void closedStoreRefusesAppendsWithAClearError() throws Exception {
    appendMany(1);
    store.close();
    assertThatThrownBy(() -> store.log().append(entry(1)).get()).cause()
        .isInstanceOf(StoreException.class).hasMessageContaining("closed");
    store = Store.open(config);
    assertThat(store.log().head().size()).isEqualTo(1);
  }
}
