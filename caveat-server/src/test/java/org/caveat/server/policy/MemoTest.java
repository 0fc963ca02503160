package org.caveat.server.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A memo keeps what was computed and forgets every failed computation, so a key never waits on it. */
class MemoTest {
  @Test
  void aValueIsComputedOnce() {
    Memo<String, String> memo = new Memo<>(4);
    assertThat(memo.get("k", () -> "first")).isEqualTo("first");
    assertThat(memo.get("k", () -> "second")).isEqualTo("first");
  }

  @Test
  void aFailedComputationIsForgotten() {
    Memo<String, String> memo = new Memo<>(4);
    assertThatThrownBy(() -> memo.get("k", () -> {
      throw new IllegalArgumentException("bad override");
    })).hasMessage("bad override");
    assertThat(memo.get("k", () -> "again")).isEqualTo("again");
  }

  // The timeout only stops a regression from hanging the build: a computation that failed with an
  // Error used to stay registered, and the next caller for its key waited for it forever.
  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void aComputationFailingWithAnErrorIsForgottenToo() {
    Memo<String, String> memo = new Memo<>(4);
    assertThatThrownBy(() -> memo.get("k", () -> {
      throw new OutOfMemoryError("building the engine");
    })).isInstanceOf(OutOfMemoryError.class);
    assertThat(memo.get("k", () -> "again")).isEqualTo("again");
  }
}
