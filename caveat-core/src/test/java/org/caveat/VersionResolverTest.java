package org.caveat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.caveat.VersionResolver.Failure;
import org.caveat.VersionResolver.Found;
import org.caveat.VersionResolver.Resolution;
import org.caveat.VersionResolver.Unresolved;
import org.caveat.policy.Reliability;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The one rule for GRANT@VERSION, GRANT@latest and GRANT at a time (docs/SEMANTICS.md, "Naming a version"). */
class VersionResolverTest {
  /** The shipped packs; us-ua's newest version (2025-10-22) is disputed. */
  static List<GrantInfo> all;
  /** The same grants admitting official and reported versions only. */
  static List<GrantInfo> filtered;

  @BeforeAll
  static void build() {
    all = Caveat.builder().build().grants();
    filtered = all.stream().map(g -> new GrantInfo(g.grant(), g.versions(),
        EnumSet.of(Reliability.OFFICIAL, Reliability.REPORTED))).toList();
  }

  static String version(Resolution r) {
    assertThat(r).isInstanceOf(Found.class);
    return ((Found) r).version().policy().version();
  }

  static Unresolved failed(Resolution r, Failure expected) {
    assertThat(r).isInstanceOf(Unresolved.class);
    Unresolved u = (Unresolved) r;
    assertThat(u.failure()).isEqualTo(expected);
    return u;
  }

  @Test
  void latestIsTheNewestAdmittedVersion() {
    assertThat(version(VersionResolver.resolve(all, "us-ua@latest", null))).isEqualTo("2025-10-22");
    assertThat(version(VersionResolver.resolve(filtered, "us-ua@latest", null))).isEqualTo("2025-08-23");
    GrantInfo none = new GrantInfo(all.get(0).grant(), all.get(0).versions(), EnumSet.noneOf(Reliability.class));
    assertThat(failed(VersionResolver.version(none, "latest"), Failure.NONE_ADMITTED).message())
        .endsWith("has no version of an admitted reliability");
  }

  @Test
  void aNamedVersionIsThatVersionUnlessTheFilterLeavesItOut() {
    assertThat(version(VersionResolver.resolve(filtered, "us-ua@2024-05-30", null))).isEqualTo("2024-05-30");
    Unresolved u = failed(VersionResolver.resolve(filtered, "us-ua@2025-10-22", null), Failure.NOT_ADMITTED);
    assertThat(u.version().policy().version()).isEqualTo("2025-10-22");
    assertThat(u.message()).isEqualTo("version us-ua@2025-10-22 is disputed, a reliability not admitted");
    assertThat(version(VersionResolver.resolve(all, "us-ua@2025-10-22", null))).isEqualTo("2025-10-22");
  }

  @Test
  void aBareGrantTakesTheAdmittedVersionInForceAtTheTimeGiven() {
    Instant late = Instant.parse("2026-01-01T00:00:00Z");
    assertThat(version(VersionResolver.resolve(all, "us-ua", late))).isEqualTo("2025-10-22");
    assertThat(version(VersionResolver.resolve(filtered, "us-ua", late))).isEqualTo("2025-08-23");
    assertThat(failed(VersionResolver.resolve(all, "us-ua", Instant.parse("2020-01-01T00:00:00Z")),
        Failure.NOT_IN_FORCE).message())
        .isEqualTo("grant us-ua has no version in force at 2020-01-01T00:00:00Z; its first is 2022-06-01");
    assertThat(failed(VersionResolver.resolve(all, "us-ua", null), Failure.NO_VERSION_NAMED).grant().grant().id())
        .isEqualTo("us-ua");
  }

  @Test
  void unknownAndMalformedReferencesSaySoWithSuggestions() {
    Unresolved grant = failed(VersionResolver.resolve(all, "us-au@latest", null), Failure.UNKNOWN_GRANT);
    assertThat(grant.message()).isEqualTo("unknown grant `us-au`; did you mean `us-ua`?");
    assertThat(grant.known()).contains("us-ua", "de-ua");
    Unresolved version = failed(VersionResolver.resolve(all, "us-ua@2024-05-31", null), Failure.UNKNOWN_VERSION);
    assertThat(version.message()).startsWith("grant us-ua has no version `2024-05-31`; did you mean `2024-05-30`");
    assertThat(version.known()).startsWith("2022-06-01", "2024-05-30");
    for (String bad : List.of("@2024-05-30", "us-ua@", "us-ua@a@b")) {
      assertThat(failed(VersionResolver.resolve(all, bad, null), Failure.MALFORMED).message())
          .isEqualTo("malformed version reference `" + bad + "`: expected GRANT@VERSION, e.g. us-ua@2024-05-30");
    }
  }
}
