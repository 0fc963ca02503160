package org.caveat.flink;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The versions already in a published-versions folder when the job is built: each
 * {@code grant/version.yaml} (not a grant's {@code tests/}). They are in force from the job's first
 * event, so a re-run over the same folder decides the same; files added later arrive on the
 * policy stream.
 */
final class PolicySeed {
  private PolicySeed() {}

  static Map<String, String> read(String dir) {
    Map<String, String> versions = new TreeMap<>();
    if (dir == null) return versions;
    Path root = Path.of(dir);
    try (Stream<Path> grants = Files.list(root)) {
      for (Path grant : grants.filter(Files::isDirectory).sorted().toList()) {
        try (Stream<Path> files = Files.list(grant)) {
          for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
            String n = f.getFileName().toString();
            if (n.endsWith(".yaml") || n.endsWith(".yml")) {
              versions.put(grant.getFileName() + "/" + n, Files.readString(f, StandardCharsets.UTF_8));
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the published versions in " + dir, e);
    }
    return versions;
  }
}
