package org.caveat.store;

import java.util.List;

/**
 * Versions that became part of the service's policy by publishing a change request. Each is also
 * an entry of the decision log (kind {@code version}), which holds its text: the rows here can
 * be checked against the log, and rewritten from it.
 */
public interface PublishedVersions {

  /** Every published version, in publish order. */
  List<PublishedVersion> all();

  /**
   * A value that changes whenever the published versions do (a publish, a restore from the log),
   * read with one small query: how a process keeping an engine built from {@link #all()} notices a
   * version another process (a replica) published. Equal values: the same rows.
   */
  String revision();

  /**
   * What does not match between the published versions and the log, one line each, e.g.
   * {@code published version us-ua/2024-07-01 differs from the text logged at entry 57}; empty
   * when every published version hashes to its content hash and is exactly as logged, and every
   * logged version is published. The server refuses to start unless this is empty.
   */
  List<String> check();

  /** {@link #check()} of rows already read by {@link #all()} (a caller that needs both reads them once). */
  List<String> check(List<PublishedVersion> rows);

  /**
   * Rewrites the published versions from the log's version entries (the way out after
   * {@link #check()} found a difference), once {@link DecisionLog#verify()} passes.
   *
   * @return the differences found before the rewrite (empty: nothing was changed)
   * @throws StoreException when the log does not verify, naming its first bad entry
   */
  List<String> restoreFromLog();
}
