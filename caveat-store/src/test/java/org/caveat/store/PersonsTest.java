package org.caveat.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** One spelling per person: the spellings four-eyes must treat as one. */
class PersonsTest {

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(delimiter = '|', value = {
      "alice|alice", "Alice|alice", "'  ALICE  '|alice", "\uFF21lice|alice", "ali\u200Bce|alice",
      "Ann   Lee|ann lee", "ann\tlee|ann lee", "Straße|strasse", "STRASSE|strasse", "\uFB01sh|fish",
      "Zoë|zoë", "Zoe\u0308|zoë", "bob@example.org|bob@example.org"})
  void spellingsOfOnePersonNormaliseToOne(String given, String expected) {
    assertThat(Persons.normalise(given)).isEqualTo(expected);
    assertThat(Persons.normalise(expected)).as("idempotent").isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "\u200B", "a\u0000b", "x\u001Fy"})
  void blankOrControlCharactersAreRefused(String bad) {
    assertThatThrownBy(() -> Persons.normalise(bad)).isInstanceOf(IllegalArgumentException.class);
  }

  @org.junit.jupiter.api.Test
  void nullAndOverLongAreRefused() {
    assertThatThrownBy(() -> Persons.normalise(null)).hasMessage("the person is missing");
    assertThatThrownBy(() -> Persons.normalise("x".repeat(129))).hasMessageContaining("longer than 128");
    assertThat(Persons.normalise("x".repeat(128))).hasSize(128);
  }
}
