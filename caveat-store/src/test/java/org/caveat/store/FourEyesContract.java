package org.caveat.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.caveat.store.ChangeRequest.State;
import org.junit.jupiter.api.Test;

/**
 * Four-eyes between persons, not token names; one approved request per grant and date; the
 * declared reason of a retroactive version. Part of the contract every database passes.
 */
interface FourEyesContract extends StoreFixture {

  String VERSION_YAML = "grant: us-ua\nversion: v2\n";

  private ChangeRequest submit(Principal author, String version, String inForce) {
    return store().changeRequests().submit(author, "us-ua", version, LocalDate.parse(inForce), VERSION_YAML, null, null);
  }

  private Principal login(String secret) {
    return store().tokens().authenticate(secret).orElseThrow();
  }

  private static String code(Throwable e) {
    return e instanceof StoreConflict c ? c.code() : String.valueOf(e);
  }

  @Test
  default void aliceCannotApproveTheRequestOfAlice() {
    Principal lower = login(store().tokens().create("alice", Set.of("analyst")).secret());
    Principal upper = login(store().tokens().create("Alice", Set.of("approver:US")).secret());
    assertThat(upper.person()).isEqualTo("alice");
    ChangeRequest cr = submit(lower, "v2", "2026-04-01");
    assertThatThrownBy(() -> store().changeRequests().approve(cr.id(), upper, "lgtm"))
        .satisfies(e -> assertThat(code(e)).isEqualTo(StoreConflict.FOUR_EYES))
        .hasMessage("cr-1 was submitted by `alice`, the same person (alice) as `Alice`; someone else must approve"
            + " it (four-eyes rule)");
    assertThatThrownBy(() -> store().changeRequests().reject(cr.id(), upper, null))
        .satisfies(e -> assertThat(code(e)).isEqualTo(StoreConflict.FOUR_EYES));
    assertThat(store().changeRequests().get(cr.id()).orElseThrow().history()).hasSize(1);
  }

  @Test
  default void twoTokensOfOnePersonAreOnePerson() {
    Principal laptop = login(store().tokens().create("ann-laptop", "Ann Lee", Set.of("analyst")).secret());
    Principal phone = login(store().tokens().create("ann-phone", "  ANN\u200B  LEE ", Set.of("approver:US")).secret());
    assertThat(laptop.person()).isEqualTo("ann lee");
    assertThat(phone.person()).isEqualTo("ann lee");
    ChangeRequest cr = submit(laptop, "v2", "2026-04-01");
    assertThat(cr.author()).isEqualTo("ann-laptop");
    assertThat(cr.authorPerson()).isEqualTo("ann lee");
    assertThatThrownBy(() -> store().changeRequests().approve(cr.id(), phone, null))
        .satisfies(e -> assertThat(code(e)).isEqualTo(StoreConflict.FOUR_EYES))
        .hasMessageContaining("the same person (ann lee) as `ann-phone`");

    Principal bob = login(store().tokens().create("bob", Set.of("approver:US")).secret());
    ChangeRequest approved = store().changeRequests().approve(cr.id(), bob, "checked");
    assertThat(approved.history()).extracting(ChangeRequest.Step::principal, ChangeRequest.Step::person)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("ann-laptop", "ann lee"),
            org.assertj.core.groups.Tuple.tuple("bob", "bob"));
    assertThat(store().tokens().list()).extracting(TokenInfo::name, TokenInfo::person).contains(
        org.assertj.core.groups.Tuple.tuple("ann-phone", "ann lee"));
  }

  @Test
  default void oneApprovedRequestPerGrantAndDate() {
    Principal alice = new Principal("alice", Set.of("analyst"));
    Principal bob = new Principal("bob", Set.of("approver:US"));
    ChangeRequest a = submit(alice, "v2", "2026-04-01");
    ChangeRequest b = submit(alice, "v3", "2026-04-01");
    store().changeRequests().approve(a.id(), bob, null);
    assertThatThrownBy(() -> store().changeRequests().approve(b.id(), bob, null))
        .satisfies(e -> assertThat(code(e)).isEqualTo(StoreConflict.SAME_DATE))
        .hasMessage("cr-1 for grant `us-ua` in force from 2026-04-01 is already APPROVED; two versions cannot take"
            + " effect on one date: choose another in_force or reject cr-1");
    assertThat(store().changeRequests().get(b.id()).orElseThrow().state()).isEqualTo(State.SUBMITTED);
    assertThatThrownBy(() -> submit(alice, "v4", "2026-04-01"))
        .satisfies(e -> assertThat(code(e)).isEqualTo(StoreConflict.SAME_DATE));
    store().changeRequests().publish(a.id(), bob);
    assertThatThrownBy(() -> submit(alice, "v4", "2026-04-01"))
        .satisfies(e -> assertThat(code(e)).isEqualTo(StoreConflict.SAME_DATE)).hasMessageContaining("PUBLISHED");
    assertThat(submit(alice, "v4", "2026-04-02").state()).isEqualTo(State.SUBMITTED);
    assertThat(store().changeRequests().reject(b.id(), bob, "superseded").state()).isEqualTo(State.REJECTED);
  }

  @Test
  default void ofConcurrentApprovalsOfTwoRequestsForOneDateExactlyOneWins() throws Exception {
    Principal alice = new Principal("alice", Set.of("analyst"));
    for (int round = 0; round < 3; round++) {
      String date = "2026-05-0" + (1 + round);
      List<ChangeRequest> rivals = List.of(submit(alice, "a" + round, date), submit(alice, "b" + round, date));
      List<Throwable> thrown = race(8, t -> store().changeRequests().approve(rivals.get(t % 2).id(),
          new Principal("approver-" + t, Set.of("approver:US")), null));
      assertThat(thrown).allSatisfy(e -> assertThat(code(e)).isIn(StoreConflict.STATE, StoreConflict.SAME_DATE))
          .hasSize(7);
      assertThat(rivals).filteredOn(cr -> store().changeRequests().get(cr.id()).orElseThrow().state() == State.APPROVED)
          .hasSize(1);
    }
  }

  @Test
  default void theReasonForARetroactiveVersionIsRecorded() {
    Principal alice = new Principal("alice", Set.of("analyst"));
    ChangeRequest cr = store().changeRequests().submit(alice, "us-ua", "v2", LocalDate.parse("2024-01-01"), VERSION_YAML,
        null, "the statement of 2024-01-01 was only published in 2026");
    assertThat(store().changeRequests().get(cr.id()).orElseThrow().retroactiveReason())
        .isEqualTo("the statement of 2024-01-01 was only published in 2026");
    assertThatThrownBy(() -> store().changeRequests().submit(alice, "us-ua", "v3", LocalDate.parse("2024-01-02"),
        VERSION_YAML, null, "  ")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("retroactiveReason is missing or blank");
  }
}
