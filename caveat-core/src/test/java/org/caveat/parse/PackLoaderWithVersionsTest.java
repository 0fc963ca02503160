package org.caveat.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.caveat.policy.Grant;
import org.caveat.policy.PolicyException;
import org.junit.jupiter.api.Test;

/** Single version files added on top of loaded packs, as change requests publish them. */
class PackLoaderWithVersionsTest {
  private static byte[] seedWithDate(String date) throws Exception {
    String text = Files.readString(Path.of("../packs/us-ua/2024-05-30.yaml"));
    return text.replace("version: \"2024-05-30\"", "version: \"" + date + "\"")
        .replace("in_force: 2024-05-30", "in_force: " + date).getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void addsAVersionToItsGrant() throws Exception {
    List<Grant> grants = PackLoader.withVersions(PackLoader.builtIn(), Map.of("us-ua/2026-01-01.yaml", seedWithDate("2026-01-01")));
    Grant us = grants.stream().filter(g -> g.id().equals("us-ua")).findFirst().orElseThrow();
    assertThat(us.versions()).extracting(v -> v.version()).contains("2026-01-01", "2024-05-30");
    assertThat(us.versions().get(us.versions().size() - 1).version()).isEqualTo("2026-01-01");
  }

  @Test
  void refusesATakenDateAWrongNameAndAMismatchedGrant() throws Exception {
    assertThatThrownBy(() -> PackLoader.withVersions(PackLoader.builtIn(), Map.of("us-ua/2024-05-30.yaml", seedWithDate("2024-05-30"))))
        .isInstanceOf(PolicyException.class).hasMessageContaining("grant.duplicate_date");
    assertThatThrownBy(() -> PackLoader.withVersions(PackLoader.builtIn(), Map.of("2026-01-01.yaml", seedWithDate("2026-01-01"))))
        .isInstanceOf(PolicyException.class).hasMessageContaining("grant/version.yaml");
    assertThatThrownBy(() -> PackLoader.withVersions(PackLoader.builtIn(), Map.of("gb-ua/2026-01-01.yaml", seedWithDate("2026-01-01"))))
        .isInstanceOf(PolicyException.class).hasMessageContaining("grant.mismatch");
  }
}
