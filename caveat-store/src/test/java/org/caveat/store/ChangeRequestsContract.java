package org.caveat.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.caveat.store.ChangeRequest.State;
import org.junit.jupiter.api.Test;

/** Change requests and published versions: part of the storage contract every database passes. */
interface ChangeRequestsContract extends StoreFixture {

  String YAML = "grant: us-ua\nversion: v2\n";

  default ChangeRequest submitted() {
    return submitted("2026-04-01");
  }

  default ChangeRequest submitted(String inForce) {
    return store().changeRequests().submit("alice", "us-ua", "v2", LocalDate.parse(inForce), YAML,
        "{\"flips\":[]}");
  }

  default String code(Throwable e) {
    return e instanceof StoreConflict c ? c.code() : String.valueOf(e);
  }

  @Test
  default void lifecycleRecordsEveryStepWithWhoAndWhen() {
    ChangeRequest cr = submitted();
    assertThat(cr.id()).isEqualTo("cr-1");
    assertThat(cr.state()).isEqualTo(State.SUBMITTED);
    assertThat(cr.contentHash()).isEqualTo("sha256:"
        + IndependentMerkle.hex(IndependentMerkle.sha256(YAML.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
    clock().advance(Duration.ofHours(1));
    ChangeRequest approved = store().changeRequests().approve(cr.id(), "bob", "checked the zones");
    assertThat(approved.state()).isEqualTo(State.APPROVED);
    clock().advance(Duration.ofHours(1));
    ChangeRequest published = store().changeRequests().publish(cr.id(), "carol");
    assertThat(published.state()).isEqualTo(State.PUBLISHED);
    assertThat(published.history()).extracting(ChangeRequest.Step::action, ChangeRequest.Step::principal,
        ChangeRequest.Step::at, ChangeRequest.Step::comment).containsExactly(
        org.assertj.core.groups.Tuple.tuple("submit", "alice", StoreContract.T0, null),
        org.assertj.core.groups.Tuple.tuple("approve", "bob", StoreContract.T0.plus(Duration.ofHours(1)),
            "checked the zones"),
        org.assertj.core.groups.Tuple.tuple("publish", "carol", StoreContract.T0.plus(Duration.ofHours(2)), null));
    assertThat(published.history()).extracting(ChangeRequest.Step::person).containsExactly("alice", "bob", "carol");
    assertThat(published.authorPerson()).isEqualTo("alice");
    assertThat(published.retroactiveReason()).isNull();
    assertThat(store().published().all()).singleElement().satisfies(v -> {
      assertThat(v.fileName()).isEqualTo("us-ua/v2.yaml");
      assertThat(v.yamlText()).isEqualTo(YAML);
      assertThat(v.contentHash()).isEqualTo(cr.contentHash());
      assertThat(v.changeRequestId()).isEqualTo("cr-1");
      assertThat(v.publishedAt()).isEqualTo(StoreContract.T0.plus(Duration.ofHours(2)));
    });
    assertThat(store().changeRequests().get("cr-1")).contains(published);
    assertThat(store().changeRequests().list()).containsExactly(published);
  }

  @Test
  default void theAuthorCannotApproveOrRejectTheirOwnRequest() {
    ChangeRequest cr = submitted();
    assertThatThrownBy(() -> store().changeRequests().approve(cr.id(), "alice", "lgtm"))
        .isInstanceOf(StoreConflict.class).satisfies(e -> assertThat(code(e)).isEqualTo("change_request.four_eyes"))
        .hasMessage("cr-1 was submitted by `alice`; someone else must approve it (four-eyes rule)");
    assertThatThrownBy(() -> store().changeRequests().reject(cr.id(), "alice", null))
        .satisfies(e -> assertThat(code(e)).isEqualTo("change_request.four_eyes"));
    assertThat(store().changeRequests().get(cr.id()).orElseThrow().history()).hasSize(1);
  }

  @Test
  default void transitionsOutOfOrderAreConflicts() {
    ChangeRequest cr = submitted();
    assertThatThrownBy(() -> store().changeRequests().publish(cr.id(), "bob"))
        .satisfies(e -> assertThat(code(e)).isEqualTo("change_request.state"))
        .hasMessage("cr-1 is SUBMITTED; only an APPROVED change request can be published");
    store().changeRequests().reject(cr.id(), "bob", "zone too wide");
    assertThatThrownBy(() -> store().changeRequests().approve(cr.id(), "carol", null))
        .satisfies(e -> assertThat(code(e)).isEqualTo("change_request.state"))
        .hasMessage("cr-1 is REJECTED; only a SUBMITTED change request can be approved");
    assertThatThrownBy(() -> store().changeRequests().approve("cr-99", "carol", null))
        .satisfies(e -> assertThat(code(e)).isEqualTo("change_request.not_found"));
    assertThatThrownBy(() -> store().changeRequests().approve("nonsense", "carol", null))
        .satisfies(e -> assertThat(code(e)).isEqualTo("change_request.not_found"));
    assertThat(store().changeRequests().get("nonsense")).isEmpty();
    assertThat(store().published().all()).isEmpty();
  }

  @Test
  default void aPublishedVersionCannotBeSubmittedOrPublishedAgain() {
    ChangeRequest first = submitted();
    ChangeRequest second = submitted("2026-04-02");
    assertThat(second.id()).isEqualTo("cr-2");
    store().changeRequests().approve(first.id(), "bob", null);
    store().changeRequests().approve(second.id(), "bob", null);
    store().changeRequests().publish(first.id(), "bob");
    assertThatThrownBy(() -> store().changeRequests().publish(second.id(), "bob"))
        .satisfies(e -> assertThat(code(e)).isEqualTo("change_request.version_exists"));
    assertThat(store().changeRequests().get(second.id()).orElseThrow().state()).isEqualTo(State.APPROVED);
    assertThatThrownBy(this::submitted).satisfies(e -> assertThat(code(e)).isEqualTo("change_request.version_exists"));
    assertThatThrownBy(() -> store().changeRequests().submit("alice", " ", "v3", LocalDate.parse("2026-05-01"),
        YAML, null)).isInstanceOf(IllegalArgumentException.class).hasMessage("grant is missing or blank");
    assertThatThrownBy(() -> store().changeRequests().submit("alice", "us-ua", "v3", LocalDate.parse("2026-05-01"),
        YAML, "{oops")).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("impactJson is not valid JSON");
    assertThat(store().published().all()).hasSize(1);
  }

  @Test
  default void ofConcurrentApprovalsExactlyOneWins() throws Exception {
    for (int round = 0; round < 3; round++) {
      ChangeRequest cr = store().changeRequests().submit("alice", "us-ua", "v" + (10 + round),
          LocalDate.parse("2026-04-0" + (1 + round)), YAML, null);
      List<Throwable> thrown = race(8, t -> store().changeRequests().approve(cr.id(), "approver-" + t, null));
      assertThat(thrown).allSatisfy(e -> assertThat(code(e)).isEqualTo(StoreConflict.STATE)).hasSize(7);
      assertThat(store().changeRequests().get(cr.id()).orElseThrow().history()).hasSize(2);
    }
  }
}
