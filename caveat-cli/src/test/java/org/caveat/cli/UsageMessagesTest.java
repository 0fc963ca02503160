package org.caveat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Wrong usage is answered in Caveat's words with exit 64: what was wrong, named as typed, and a
 * did-you-mean where one fits; none of picocli's raw messages ("Unmatched arguments from index 0",
 * "Value for option option", "Expected parameter") leak.
 */
class UsageMessagesTest {
  @ParameterizedTest(name = "caveat {0}")
  @CsvSource(delimiter = '|', value = {
      "chek x                          | unknown command `chek` (did you mean `check`?); commands: check, validate, test,",
      "valdate packs                   | unknown command `valdate` (did you mean `validate`?)",
      "token creat                     | unknown command `creat` (did you mean `create`?); commands: create, list, revoke",
      "check --quote x                 | unknown option `--quote` (did you mean `--quotes`?)",
      "check --bogus x                 | unknown option `--bogus`",
      "validate a b                    | unexpected argument `b`: `caveat validate` takes PACK_DIR only",
      "check                           | missing FILE|-",
      "diff                            | missing FROM and TO",
      "check --format                  | `--format` needs a value (json|text)",
      "check --format --quotes x       | `--format` needs a value (json|text)",
      "check --format jsn x            | `--format jsn`: expected one of json, text (did you mean `json`?)",
      "check --threads abc x           | `--threads abc`: expected a whole number",
      "check --assume x x              | `--assume` takes NAME=VALUE, got `x` (e.g. --assume kharkiv_band_depth_km=40)",
      "check --threads 1 --threads 2 x | `--threads` is given more than once: give it once",
      "schema pak                      | `pak`: expected one of pack, pack-test, request (did you mean `pack`?)",
      "schema                          | missing pack|pack-test|request",
  })
  void wrongUsageIsExplained(String args, String expected) {
    Cli.Result r = Cli.run(args.trim().split("\\s+"));
    assertThat(r.code()).isEqualTo(64);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).startsWith("caveat: ").contains(expected.trim()).contains("--help'.")
        .doesNotContain("Unmatched argument").doesNotContain("Value for option option")
        .doesNotContain("Expected parameter").doesNotContain("Invalid value for option").doesNotContain("Exception");
  }
}
