package org.caveat.server.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.caveat.Caveat;
import org.caveat.geo.ReferenceGeography;
import org.caveat.policy.PolicyVersion;

/**
 * Builds the engine the service decides with: the policy packs plus the versions published
 * through change requests ({@code grant/version.yaml} → YAML text), and finds the text of a pack
 * version for {@code GET /v1/grants/{grant}/versions/{version}}.
 */
public interface EngineFactory {
  /** @throws org.caveat.policy.PolicyException when the packs or a version do not load or compile */
  default Caveat build(Map<String, String> publishedVersions) {
    return build(publishedVersions, Map.of());
  }

  /**
   * The engine with assumption overrides ({@code NAME → text}, as {@code caveat check --assume}).
   *
   * @throws org.caveat.policy.PolicyException also for an unknown assumption or a value of the wrong type
   */
  Caveat build(Map<String, String> publishedVersions, Map<String, String> assumptions);

  /** The YAML text of a version that came from the packs (published versions are in the store). */
  Optional<String> packText(PolicyVersion version);

  /**
   * The built-in packs (or those of {@code packs}, when not null) plus the published versions;
   * the shipped geography is loaded once and shared by every engine built.
   */
  static EngineFactory packs(Path packs) {
    return new EngineFactory() {
      @Override
      public Caveat build(Map<String, String> versions, Map<String, String> assumptions) {
        Caveat.Builder b = Caveat.builder().geography(ReferenceGeography.shipped());
        if (packs != null) b.packs(packs);
        versions.forEach(b::addVersion);
        assumptions.forEach(b::assume);
        return b.build();
      }

      @Override
      public Optional<String> packText(PolicyVersion v) {
        try {
          if (packs != null) {
            Path p = Path.of(v.file());
            return Files.isRegularFile(p) ? Optional.of(Files.readString(p, StandardCharsets.UTF_8)) : Optional.empty();
          }
          // Built-in pack files are named packs/GRANT/VERSION.yaml, under /caveat/ on the classpath.
          try (InputStream in = Caveat.class.getResourceAsStream("/caveat/" + v.file())) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    };
  }
}
