package org.caveat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cache folder serves bytes only under the key they were written with, and keeps one key. */
class GeographyCacheDirTest {
  @TempDir Path dir;

  @Test
  void servesWhatWasWrittenUnderTheSameKeyOnly() {
    GeographyCacheDir cache = new GeographyCacheDir(dir.resolve("made/on/write"));
    assertThat(cache.read("k1")).isNull();
    cache.write("k1", new byte[] {1, 2, 3});
    assertThat(cache.read("k1")).containsExactly(1, 2, 3);
    assertThat(cache.read("k2")).isNull();
  }

  @Test
  void aNewKeyReplacesTheOldFile() throws IOException {
    GeographyCacheDir cache = new GeographyCacheDir(dir);
    cache.write("k1", new byte[] {1});
    cache.write("k2", new byte[] {2});
    assertThat(cache.read("k1")).isNull();
    assertThat(cache.read("k2")).containsExactly(2);
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("geography-k2.bin");
    }
  }

  @Test
  void anUnusableFolderOnlyMeansNoCache() throws IOException {
    Path file = Files.writeString(dir.resolve("a-file"), "not a folder");
    GeographyCacheDir cache = new GeographyCacheDir(file.resolve("below"));
    cache.write("k1", new byte[] {1});
    assertThat(cache.read("k1")).isNull();
  }
}
