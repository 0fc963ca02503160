package org.caveat.store;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Change requests and their state machine, enforced atomically by the store: of two concurrent
 * approvals exactly one wins, the other gets {@link StoreConflict} {@code change_request.state}.
 * The store also refuses, as defence in depth behind the service's checks: approval or rejection
 * by the author's person ({@code change_request.four_eyes}; two tokens of one person are one
 * person), and a second approved or published request for one grant and one {@code in_force}
 * date ({@code change_request.same_date}).
 */
public interface ChangeRequests {

  /**
   * Records a new change request in state SUBMITTED.
   *
   * @param retroactiveReason why a version dated before the grant's published history should be
   *     accepted (the caller decides whether it is retroactive); null when it is not
   * @throws IllegalArgumentException for a blank field or a blank reason
   * @throws StoreConflict {@code change_request.version_exists} when that version is already
   *     published; {@code change_request.same_date} when a request for that grant and date is
   *     already approved or published
   */
  ChangeRequest submit(Principal author, String grant, String version, LocalDate inForce, String yamlText,
      String impactJson, String retroactiveReason);

  Optional<ChangeRequest> get(String id);

  /** Every change request, oldest first. */
  List<ChangeRequest> list();

  /** SUBMITTED → APPROVED, by a person other than the author; at most one approved request per grant and date. */
  ChangeRequest approve(String id, Principal by, String comment);

  /** SUBMITTED → REJECTED, by a person other than the author. */
  ChangeRequest reject(String id, Principal by, String comment);

  /** APPROVED → PUBLISHED, inserting the {@link PublishedVersion} in the same transaction. */
  ChangeRequest publish(String id, Principal by);

  /*
   * For callers that know only a token name: the person is then the normalised name, as for a
   * token created without a person.
   */

  default ChangeRequest submit(String author, String grant, String version, LocalDate inForce, String yamlText,
      String impactJson) {
    return submit(new Principal(author, Set.of()), grant, version, inForce, yamlText, impactJson, null);
  }

  default ChangeRequest approve(String id, String principal, String comment) {
    return approve(id, new Principal(principal, Set.of()), comment);
  }

  default ChangeRequest reject(String id, String principal, String comment) {
    return reject(id, new Principal(principal, Set.of()), comment);
  }

  default ChangeRequest publish(String id, String principal) {
    return publish(id, new Principal(principal, Set.of()));
  }
}
