package org.caveat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cache folder serves bytes only under the key they were written with, and keeps the newest keys of each kind. */
class CacheDirTest {
  @TempDir Path dir;

  @Test
  void servesWhatWasWrittenUnderTheSameKeyOnly() {
    CacheDir cache = CacheDir.geography(dir.resolve("made/on/write"));
    assertThat(cache.read("k1")).isNull();
    cache.write("k1", new byte[] {1, 2, 3});
    assertThat(cache.read("k1")).containsExactly(1, 2, 3);
    assertThat(cache.read("k2")).isNull();
  }

  @Test
  void aNewKeyReplacesTheOldFile() throws IOException {
    CacheDir cache = CacheDir.geography(dir);
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
    CacheDir cache = CacheDir.geography(file.resolve("below"));
    cache.write("k1", new byte[] {1});
    assertThat(cache.read("k1")).isNull();
  }

  @Test
  void compiledPacksKeepTheEightNewestAndLeaveTheGeographyAlone() throws IOException {
    CacheDir geography = CacheDir.geography(dir);
    geography.write("g", new byte[] {9});
    PackCacheDir packs = new PackCacheDir(dir, "build-1");
    for (int i = 0; i < 10; i++) {
      packs.write("k" + i, new byte[] {(byte) i});
      Files.setLastModifiedTime(dir.resolve("packs-k" + i + ".bin"), java.nio.file.attribute.FileTime.fromMillis(1000L * i));
    }
    assertThat(packs.read("k0")).isNull();
    assertThat(packs.read("k1")).isNull();
    assertThat(packs.read("k2")).containsExactly(2);
    assertThat(packs.read("k9")).containsExactly(9);
    assertThat(geography.read("g")).containsExactly(9);
    assertThat(packs.build()).isEqualTo("build-1");
  }
}
