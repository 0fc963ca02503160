package org.caveat.store;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Change requests and their state machine, enforced atomically by the store: of two concurrent
 * approvals exactly one wins, the other gets {@link StoreConflict} {@code change_request.state}.
 * The store also refuses approval or rejection by the author ({@code change_request.four_eyes}),
 * as defence in depth behind the service's role checks.
 */
public interface ChangeRequests {

  /**
   * Records a new change request in state SUBMITTED.
   *
   * @throws IllegalArgumentException for a blank field
   * @throws StoreConflict {@code change_request.version_exists} when that version is already published
   */
  ChangeRequest submit(String author, String grant, String version, LocalDate inForce, String yamlText,
      String impactJson);

  Optional<ChangeRequest> get(String id);

  /** Every change request, oldest first. */
  List<ChangeRequest> list();

  /** SUBMITTED → APPROVED, by someone other than the author. */
  ChangeRequest approve(String id, String principal, String comment);

  /** SUBMITTED → REJECTED, by someone other than the author. */
  ChangeRequest reject(String id, String principal, String comment);

  /** APPROVED → PUBLISHED, inserting the {@link PublishedVersion} in the same transaction. */
  ChangeRequest publish(String id, String principal);
}
