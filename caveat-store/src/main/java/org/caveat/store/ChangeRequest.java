package org.caveat.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A proposed policy version under four-eyes review.
 *
 * @param author the token name that submitted it
 * @param authorPerson the person behind that token ({@link Persons}); four-eyes compares persons
 * @param contentHash {@code sha256:<hex>} of the YAML text (line endings normalised to LF), the
 *     same hash caveat-core gives a version file without sibling files
 * @param impactJson what the change would flip among the logged requests, as computed at submission
 * @param retroactiveReason why a version dated before the grant's published history was accepted,
 *     as the submitter declared it; null when it was not retroactive
 * @param history every step, oldest first, starting with {@code submit}
 */
public record ChangeRequest(String id, String grant, String version, LocalDate inForce, String author,
    String authorPerson, State state, String yamlText, String contentHash, String impactJson,
    String retroactiveReason, List<Step> history) {

  public ChangeRequest {
    history = List.copyOf(history);
  }

  /** SUBMITTED → APPROVED or REJECTED; APPROVED → PUBLISHED. REJECTED and PUBLISHED are final. */
  public enum State { SUBMITTED, APPROVED, REJECTED, PUBLISHED }

  /**
   * One recorded step: {@code submit}, {@code approve}, {@code reject} or {@code publish}, the
   * token that took it ({@code principal}), the person behind that token, and when (from the
   * store's clock).
   */
  public record Step(String action, String principal, String person, Instant at, String comment) {}
}
