package org.caveat.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One decision as logged: the decision's id, when it was made, the request and answer exactly as
 * JSON text, and the content hashes of the policy versions that decided it.
 */
public record LogEntry(String id, Instant time, String requestJson, String answerJson, List<String> versionHashes) {

  public LogEntry {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(requestJson, "requestJson");
    Objects.requireNonNull(answerJson, "answerJson");
    versionHashes = versionHashes == null ? List.of() : List.copyOf(versionHashes);
  }
}
