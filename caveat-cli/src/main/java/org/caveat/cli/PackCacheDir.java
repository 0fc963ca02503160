package org.caveat.cli;

import java.nio.file.Path;
import org.caveat.CompiledPackCache;

/**
 * Compiled packs kept in the cache folder ({@link CacheDir}, {@code packs-KEY.bin}, the eight
 * most recent: the built-in packs, and a few of other folders or overrides). The engine build is
 * the jar the engine runs from, by size and modification time (the launcher stamps each build),
 * so a rebuilt jar never reads what an older one compiled; run from class folders (tests, an IDE)
 * there is no jar to name and nothing is cached.
 */
final class PackCacheDir implements CompiledPackCache {
  private static final int KEEP = 8;

  private final CacheDir files;
  private final String build;

  PackCacheDir(Path dir, String build) {
    this.files = new CacheDir(dir, "packs-", KEEP, build);
    this.build = build;
  }

  /** The cache the environment names, or null when caching is off or the engine is not run from a jar. */
  static PackCacheDir fromEnvironment() {
    Path dir = CacheDir.fromEnvironment();
    String build = dir == null ? null : CacheDir.engineJar();
    return build == null ? null : new PackCacheDir(dir, build);
  }

  @Override
  public String build() {
    return build;
  }

  @Override
  public byte[] read(String key) {
    return files.read(key);
  }

  @Override
  public void write(String key, byte[] bytes) {
    files.write(key, bytes);
  }
}
