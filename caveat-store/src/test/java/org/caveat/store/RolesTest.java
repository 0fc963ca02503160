package org.caveat.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The role vocabulary: what is accepted, what each role implies, and the messages for typos. */
class RolesTest {

  @Test
  void theVocabularyIsAccepted() {
    for (String role : List.of("reader", "analyst", "admin", "approver:US", "approver:GB")) {
      assertThat(Roles.validate(role)).isEqualTo(role);
    }
    assertThat(Roles.approver("UA")).isEqualTo("approver:UA");
  }

  @Test
  void typosGetASuggestion() {
    String[][] cases = {
        {"Reader", "unknown role `Reader`: did you mean `reader`?"},
        {"analist", "unknown role `analist`: did you mean `analyst`?"},
        {"admn", "unknown role `admn`: did you mean `admin`?"},
        {"approver:us", "unknown role `approver:us`: did you mean `approver:US`?"},
        {"approver:USA", "unknown role `approver:USA`: the grantor is a two-letter upper-case country code, e.g. approver:US"},
        {"approver", "unknown role `approver`: approver roles name a grantor, e.g. approver:US"},
        {"superuser", "unknown role `superuser`: roles are reader, analyst, admin, approver:<grantor> (e.g. approver:US)"},
        {" ", "empty role; roles are reader, analyst, admin, approver:<grantor> (e.g. approver:US)"},
    };
    for (String[] c : cases) {
      assertThatThrownBy(() -> Roles.validate(c[0])).as(c[0]).isInstanceOf(IllegalArgumentException.class)
          .hasMessage(c[1]);
    }
  }

  @Test
  void adminImpliesEverythingAndEveryRoleMayRead() {
    Principal admin = new Principal("root", Set.of("admin"));
    assertThat(admin.has("approver:US")).isTrue();
    assertThat(admin.has("analyst")).isTrue();
    Principal approver = new Principal("ann", Set.of("approver:US"));
    assertThat(approver.has("approver:US")).isTrue();
    assertThat(approver.has("approver:GB")).isFalse();
    assertThat(approver.has("reader")).isTrue();
    assertThat(approver.has("analyst")).isFalse();
    assertThat(approver.has("admin")).isFalse();
    Principal analyst = new Principal("al", Set.of("analyst"));
    assertThat(analyst.has("reader")).isTrue();
    assertThat(analyst.has("approver:US")).isFalse();
    Principal reader = new Principal("rd", Set.of("reader"));
    assertThat(reader.has("analyst")).isFalse();
  }
}
