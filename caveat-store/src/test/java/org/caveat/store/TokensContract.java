package org.caveat.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Tokens: part of the storage contract every database passes. */
interface TokensContract extends StoreFixture {

  @Test
  default void tokensStoreOnlyTheHashOfTheSecret() throws Exception {
    IssuedToken t = store().tokens().create("alice", Set.of("analyst", "approver:US"));
    assertThat(t.secret()).startsWith("cvt_").hasSizeGreaterThan(40);
    assertThat(t.toString()).doesNotContain(t.secret());
    StringBuilder everything = new StringBuilder();
    try (Connection c = raw(); ResultSet rs = c.createStatement().executeQuery(
        "SELECT name, secret_sha256, roles, created_at FROM access_token")) {
      while (rs.next()) {
        for (int i = 1; i <= 4; i++) {
          everything.append(rs.getString(i)).append('|');
        }
      }
    }
    assertThat(everything.toString()).doesNotContain(t.secret()).doesNotContain(t.secret().substring(4))
        .contains(IndependentMerkle.hex(IndependentMerkle.sha256(t.secret().getBytes())));
  }

  @Test
  default void authenticateFindsThePrincipalUntilRevoked() {
    IssuedToken t = store().tokens().create("alice", Set.of("analyst"));
    store().tokens().create("bob", Set.of("admin"));
    Principal p = store().tokens().authenticate(t.secret()).orElseThrow();
    assertThat(p.name()).isEqualTo("alice");
    assertThat(p.roles()).containsExactly("analyst");
    assertThat(p.has("reader")).isTrue();
    assertThat(p.has("admin")).isFalse();
    assertThat(store().tokens().authenticate(t.secret() + "x")).isEmpty();
    assertThat(store().tokens().authenticate("")).isEmpty();
    assertThat(store().tokens().authenticate(null)).isEmpty();
    assertThat(store().tokens().count()).isEqualTo(2);
    assertThat(store().tokens().revoke("alice")).isTrue();
    assertThat(store().tokens().revoke("alice")).isFalse();
    assertThat(store().tokens().authenticate(t.secret())).isEmpty();
    assertThat(store().tokens().count()).isEqualTo(1);
    assertThat(store().tokens().list()).extracting(TokenInfo::name, TokenInfo::active)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("alice", false),
            org.assertj.core.groups.Tuple.tuple("bob", true));
    IssuedToken again = store().tokens().create("alice", Set.of("reader"));
    assertThat(store().tokens().authenticate(again.secret()).orElseThrow().roles()).containsExactly("reader");
  }

  @Test
  default void tokenNamesAndRolesAreValidated() {
    store().tokens().create("alice", Set.of("reader"));
    assertThatThrownBy(() -> store().tokens().create("alice", Set.of("reader")))
        .isInstanceOf(StoreConflict.class).hasMessageContaining("already exists")
        .extracting(e -> ((StoreConflict) e).code()).isEqualTo("token.exists");
    assertThatThrownBy(() -> store().tokens().create("carol", Set.of("analist")))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("unknown role `analist`: did you mean `analyst`?");
    assertThatThrownBy(() -> store().tokens().create("carol", Set.of("approver:us")))
        .hasMessage("unknown role `approver:us`: did you mean `approver:US`?");
    assertThatThrownBy(() -> store().tokens().create("carol", Set.of()))
        .hasMessageStartingWith("a token needs at least one role");
    assertThatThrownBy(() -> store().tokens().create("bad name", Set.of("reader")))
        .hasMessageStartingWith("token name `bad name` is not valid");
    assertThat(store().tokens().count()).isEqualTo(1);
  }

  @Test
  default void everyTokenCarriesANormalisedPerson() {
    IssuedToken plain = store().tokens().create("Alice", Set.of("reader"));
    assertThat(plain.person()).as("default: the normalised name").isEqualTo("alice");
    IssuedToken wide = store().tokens().create("ci-bot", "\uFF21\uFF2C\uFF29\uFF23\uFF25 Stra\u00DFe", Set.of("reader"));
    assertThat(wide.person()).isEqualTo("alice strasse");
    assertThat(store().tokens().authenticate(wide.secret()).orElseThrow().person()).isEqualTo("alice strasse");
    assertThat(store().tokens().list()).extracting(TokenInfo::name, TokenInfo::person).containsExactly(
        org.assertj.core.groups.Tuple.tuple("Alice", "alice"), org.assertj.core.groups.Tuple.tuple("ci-bot", "alice strasse"));
    assertThatThrownBy(() -> store().tokens().create("carol", " \u200B ", Set.of("reader")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("the person is blank");
    assertThatThrownBy(() -> store().tokens().create("carol", "carol\u0007", Set.of("reader")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("control character (U+0007)");
    assertThat(store().tokens().count()).isEqualTo(2);
  }
}
