package org.caveat.timeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Test packs built from the two us-ua versions these tests may rely on (2022-06-01, 2024-05-30),
 * so versions being added to packs/ meanwhile do not change the results.
 */
final class TestPacks {
  static final Path US_UA = Path.of("..", "packs", "us-ua");

  private TestPacks() {}

  /** {@code dir/us-ua} with the 2022-06-01 and 2024-05-30 versions only. */
  static Path twoVersions(Path dir) throws IOException {
    Path grant = Files.createDirectories(dir.resolve("us-ua"));
    for (String v : new String[] {"2022-06-01", "2024-05-30"}) {
      Files.copy(US_UA.resolve(v + ".yaml"), grant.resolve(v + ".yaml"));
    }
    return dir;
  }

  /** The two versions plus a copy of 2024-05-30 in force from 2024-07-01, marked disputed. */
  static Path withDisputed(Path dir) throws IOException {
    twoVersions(dir);
    String text = Files.readString(US_UA.resolve("2024-05-30.yaml"))
        .replace("version: \"2024-05-30\"", "version: \"2024-07-01\"")
        .replace("in_force: 2024-05-30", "in_force: 2024-07-01\nreliability: disputed");
    Files.writeString(dir.resolve("us-ua").resolve("2024-07-01.yaml"), text);
    return dir;
  }
}
