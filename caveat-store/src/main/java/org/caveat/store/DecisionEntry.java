package org.caveat.store;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One decision as the log keeps it (leaf format 3): what determines the answer, not the answer.
 * An answer is a pure function of the request, the policy versions in force and the what-if
 * overrides, so the log stores those and the verdict, and the full answer is rebuilt by deciding
 * the request again against the versions pinned here by their content hashes.
 *
 * @param id the decision's id (the request's, or one derived from it)
 * @param time when it was decided
 * @param request the request exactly as decided, UTF-8 JSON (its {@code time} filled in when the
 *     call supplied a default); the caller builds it once, the store never re-encodes or re-parses it
 * @param versionHashes content hashes of the versions that decided it, one per grant in the answer's
 *     order (for a grant with no version in force yet, its first version, whose scope applied)
 * @param assumed the what-if overrides it was decided with ({@code NAME → text}, in the order the
 *     answer's {@code "assumed"} lists them); empty for none
 * @param quotes whether the answer carried the full source records
 * @param decision the verdict ({@code PERMIT}, {@code DENY}, …)
 * @param grants each grant's verdict and determining rule ids, in the answer's order
 */
public record DecisionEntry(String id, Instant time, byte[] request, List<String> versionHashes,
    Map<String, String> assumed, boolean quotes, String decision, List<GrantVerdict> grants) {

  /** One grant's part of the verdict. */
  public record GrantVerdict(String grant, String decision, List<String> rules) {
    public GrantVerdict {
      Objects.requireNonNull(grant, "grant");
      Objects.requireNonNull(decision, "decision");
      rules = List.copyOf(rules);
    }
  }

  public DecisionEntry {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(decision, "decision");
    versionHashes = versionHashes == null ? List.of() : List.copyOf(versionHashes);
    assumed = assumed == null || assumed.isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(
        new LinkedHashMap<>(assumed));
    grants = grants == null ? List.of() : List.copyOf(grants);
  }

  /** The request as text. */
  public String requestJson() {
    return new String(request, StandardCharsets.UTF_8);
  }

  /** Equal content, the request compared byte by byte. */
  @Override
  public boolean equals(Object o) {
    return o instanceof DecisionEntry e && id.equals(e.id) && time.equals(e.time)
        && java.util.Arrays.equals(request, e.request) && versionHashes.equals(e.versionHashes)
        && List.copyOf(assumed.entrySet()).equals(List.copyOf(e.assumed.entrySet())) && quotes == e.quotes
        && decision.equals(e.decision) && grants.equals(e.grants);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, time, java.util.Arrays.hashCode(request), versionHashes, decision);
  }

  @Override
  public String toString() {
    return "DecisionEntry[" + id + " " + time + " " + decision + " " + grants + "]";
  }
}
