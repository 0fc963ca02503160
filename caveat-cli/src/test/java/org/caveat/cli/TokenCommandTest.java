package org.caveat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.caveat.store.Store;
import org.caveat.store.StoreConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code caveat token create|list|revoke} against a real SQLite store. */
class TokenCommandTest {
  @TempDir
  Path dir;

  @BeforeEach
  void createStore() {
    Store.open(StoreConfig.sqlite(dir)).close();
  }

  @Test
  void createPrintsTheSecretWhichThenAuthenticates() {
    Cli.Result r = Cli.run("token", "create", "--name", "alice", "--role", "analyst", "--role", "approver:US",
        "--data", dir.toString());
    assertThat(r.code()).as(r.err()).isZero();
    String secret = r.out().strip();
    assertThat(secret).doesNotContain(" ").hasSizeGreaterThan(20);
    assertThat(r.err()).contains("shown once");
    try (Store s = Store.open(StoreConfig.sqlite(dir))) {
      var p = s.tokens().authenticate(secret).orElseThrow();
      assertThat(p.name()).isEqualTo("alice");
      assertThat(p.has("approver:US")).isTrue();
    }
    Cli.Result list = Cli.run("token", "list", "--data", dir.toString());
    assertThat(list.out()).contains("alice").contains("analyst,approver:US").doesNotContain(secret);
    assertThat(Cli.run("token", "revoke", "--name", "alice", "--data", dir.toString()).code()).isZero();
    assertThat(Cli.run("token", "list", "--data", dir.toString()).out()).contains("revoked");
  }

  @Test
  void personIsNormalisedDefaultsToTheNameAndIsListed() {
    Cli.Result r = Cli.run("token", "create", "--name", "Alice", "--role", "analyst", "--data", dir.toString());
    assertThat(r.err()).as(r.err()).contains("token `Alice` of person `alice` created");
    Cli.Result laptop = Cli.run("token", "create", "--name", "ann-laptop", "--person", "  Ann   LEE ", "--role",
        "analyst", "--data", dir.toString());
    assertThat(laptop.code()).as(laptop.err()).isZero();
    try (Store s = Store.open(StoreConfig.sqlite(dir))) {
      assertThat(s.tokens().authenticate(laptop.out().strip()).orElseThrow().person()).isEqualTo("ann lee");
    }
    assertThat(Cli.run("token", "list", "--data", dir.toString()).out()).containsPattern("ann-laptop +ann lee +analyst")
        .containsPattern("Alice +alice +analyst");
    Cli.Result blank = Cli.run("token", "create", "--name", "bob", "--person", " ", "--role", "analyst", "--data",
        dir.toString());
    assertThat(blank.code()).isEqualTo(CaveatCli.USAGE);
    assertThat(blank.err()).contains("the person is blank");
  }

  @Test
  void unknownRoleIsAUsageErrorWithAHint() {
    Cli.Result r = Cli.run("token", "create", "--name", "bob", "--role", "analist", "--data", dir.toString());
    assertThat(r.code()).isEqualTo(CaveatCli.USAGE);
    assertThat(r.err()).contains("did you mean `analyst`");
  }

  @Test
  void duplicateNameAndMissingStoreFailInOneLine() {
    Cli.run("token", "create", "--name", "carol", "--role", "reader", "--data", dir.toString());
    Cli.Result dup = Cli.run("token", "create", "--name", "carol", "--role", "reader", "--data", dir.toString());
    assertThat(dup.code()).isEqualTo(CaveatCli.FAILED);
    assertThat(dup.err()).startsWith("caveat: ").doesNotContain("\tat ");
    Cli.Result none = Cli.run("token", "list", "--data", dir.resolve("nowhere").toString());
    assertThat(none.code()).isEqualTo(CaveatCli.FAILED);
    assertThat(none.err()).contains("no Caveat store");
  }
}
