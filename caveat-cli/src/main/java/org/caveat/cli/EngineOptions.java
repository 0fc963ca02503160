package org.caveat.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.caveat.Caveat;
import org.caveat.policy.Reliability;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code --packs}, {@code --assume} and {@code --reliability}: the options that say which engine
 * decides, mixed into {@code check}, {@code diff} and {@code replay}. The descriptions below are
 * {@code check}'s; a command whose wording differs has it in {@code EngineOptions.properties},
 * under the command's qualified name.
 */
@Command(resourceBundle = "org.caveat.cli.EngineOptions")
final class EngineOptions {
  @Option(names = "--packs", paramLabel = "DIR",
      description = "A folder of policy packs (or one grant folder); default: the built-in packs.")
  private Path packs;

  @Option(names = "--assume", paramLabel = "NAME=VALUE",
      description = "Overrides a pack assumption for this run, e.g. kharkiv_band_depth_km=40. Repeatable.")
  private Map<String, String> assumptions = new LinkedHashMap<>();

  @Option(names = "--reliability", paramLabel = "LIST", split = ",", converter = Options.ReliabilityName.class,
      description = "Admit only versions of these reliabilities (official, reported, disputed; comma-separated)"
          + " when choosing the version in force; the previous admitted version applies, and answers list the"
          + " versions left out under \"skipped\".")
  private Set<Reliability> reliability;

  /**
   * The engine these options name, from the compiled-pack cache when it holds it; a
   * {@link org.caveat.policy.PolicyException} reaches the top-level handler.
   */
  Caveat engine() {
    return Engines.cached(packs, assumptions, reliability);
  }

  /**
   * A new engine with one more override on top of {@code --assume} (replacing one of the same
   * name), for one value of {@code --vary}.
   */
  Caveat engine(String name, String value) {
    Map<String, String> a = new LinkedHashMap<>(assumptions);
    a.put(name, value);
    return Engines.compile(packs, a, reliability);
  }

  /** The packs folder, or null for the built-in packs. */
  Path packs() {
    return packs;
  }
}
