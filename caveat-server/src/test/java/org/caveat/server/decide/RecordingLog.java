package org.caveat.server.decide;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.caveat.store.ConsistencyProof;
import org.caveat.store.DecisionEntry;
import org.caveat.store.DecisionLog;
import org.caveat.store.InclusionProof;
import org.caveat.store.LogHead;
import org.caveat.store.LogRecord;
import org.caveat.store.VerifyReport;

/** The store's real log, keeping a copy of every entry appended so a test can compare what was logged. */
final class RecordingLog implements DecisionLog {
  private final DecisionLog log;
  private final List<DecisionEntry> appended = new ArrayList<>();

  RecordingLog(DecisionLog log) {
    this.log = log;
  }

  /** The entries appended since the last call. */
  synchronized List<DecisionEntry> taken() {
    List<DecisionEntry> out = List.copyOf(appended);
    appended.clear();
    return out;
  }

  @Override
  public synchronized CompletableFuture<Long> append(DecisionEntry entry) {
    appended.add(entry);
    return log.append(entry);
  }

  @Override
  public synchronized CompletableFuture<long[]> appendAll(List<DecisionEntry> entries) {
    appended.addAll(entries);
    return log.appendAll(entries);
  }

  @Override
  public LogHead head() {
    return log.head();
  }

  @Override
  public InclusionProof proof(long index, long treeSize) {
    return log.proof(index, treeSize);
  }

  @Override
  public ConsistencyProof consistency(long fromSize, long toSize) {
    return log.consistency(fromSize, toSize);
  }

  @Override
  public Optional<LogRecord> entry(long index) {
    return log.entry(index);
  }

  @Override
  public void forEach(long from, Consumer<LogRecord> each) {
    log.forEach(from, each);
  }

  @Override
  public void forEachRequest(Consumer<String> requestJson) {
    log.forEachRequest(requestJson);
  }

  @Override
  public VerifyReport verify() {
    return log.verify();
  }

  @Override
  public VerifyReport verify(long size, String rootHex) {
    return log.verify(size, rootHex);
  }
}
