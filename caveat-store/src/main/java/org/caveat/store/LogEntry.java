package org.caveat.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A log entry as stored: its id, time, request exactly as JSON text, the answer as stored, and the
 * content hashes of the policy versions it names. Decisions logged in leaf format 1 and published
 * versions (format 2) store their answer; decisions of format 3 ({@link DecisionEntry}) do not, and
 * {@code answerJson} is then null (the answer is rebuilt by deciding again).
 */
public record LogEntry(String id, Instant time, String requestJson, String answerJson, List<String> versionHashes) {

  public LogEntry {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(requestJson, "requestJson");
    versionHashes = versionHashes == null ? List.of() : List.copyOf(versionHashes);
  }
}
