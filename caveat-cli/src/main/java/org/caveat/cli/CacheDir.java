package org.caveat.cli;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.caveat.geo.GeographyCache;

/**
 * The folder where the command line keeps what is slow to make and quick to read between runs:
 * the shipped geography's compact form ({@code geography-KEY.bin}) and compiled packs
 * ({@code packs-KEY.bin}, {@link PackCacheDir}). It is {@code CAVEAT_CACHE_DIR}, else
 * {@code $XDG_CACHE_HOME/caveat}, else {@code ~/.cache/caveat} ({@code CAVEAT_CACHE_DIR=off} keeps
 * nothing). One file per content key, so bytes made from other sources are never read; writing
 * a new one removes the oldest of the same kind beyond {@code keep}. Every failure only costs
 * speed: an unreadable or unwritable folder means making it again.
 */
final class CacheDir implements GeographyCache {
  private static final String SUFFIX = ".bin";

  private final Path dir;
  private final String prefix;
  private final int keep;
  private final String build;

  /**
   * @param keep  files of this kind kept (the one just written included)
   * @param build the engine's jar ({@link #engineJar}), or null
   */
  CacheDir(Path dir, String prefix, int keep, String build) {
    this.dir = dir;
    this.prefix = prefix;
    this.keep = keep;
    this.build = build;
  }

  /** The geography's cache in {@code dir}: one file, the geography of this jar. */
  static CacheDir geography(Path dir) {
    return new CacheDir(dir, "geography-", 1, engineJar());
  }

  /**
   * The size and time of the jar holding the engine (the launcher stamps each build with its own
   * time), or null when the engine is not run from a jar (tests, an IDE): what names the engine's
   * code and the packs and geography shipped in it.
   */
  static String engineJar() {
    try {
      var source = org.caveat.Caveat.class.getProtectionDomain().getCodeSource();
      if (source == null) return null;
      Path jar = Path.of(source.getLocation().toURI());
      if (!Files.isRegularFile(jar)) return null;
      return "jar:" + Files.size(jar) + ":" + Files.getLastModifiedTime(jar).toMillis();
    } catch (java.net.URISyntaxException | IOException | RuntimeException unknown) {
      return null;
    }
  }

  @Override
  public String build() {
    return build;
  }

  /** The folder the environment names, or null when caching is off or no folder can be named. */
  static Path fromEnvironment() {
    String explicit = System.getenv("CAVEAT_CACHE_DIR");
    if ("off".equals(explicit)) return null;
    if (explicit != null && !explicit.isBlank()) return Path.of(explicit);
    String xdg = System.getenv("XDG_CACHE_HOME");
    if (xdg != null && !xdg.isBlank()) return Path.of(xdg, "caveat");
    String home = System.getProperty("user.home");
    return home == null || home.isBlank() ? null : Path.of(home, ".cache", "caveat");
  }

  @Override
  public byte[] read(String key) {
    try {
      return Files.readAllBytes(file(key));
    } catch (IOException | RuntimeException absentOrUnreadable) {
      return null;
    }
  }

  @Override
  public void write(String key, byte[] bytes) {
    try {
      Files.createDirectories(dir);
      // Written under a temporary name and moved, so a concurrent run never reads half a file.
      Path tmp = Files.createTempFile(dir, prefix, ".tmp");
      try {
        Files.write(tmp, bytes);
        Files.move(tmp, file(key), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(tmp);
      }
      removeOldest(key);
    } catch (IOException | RuntimeException unwritable) {
      // Only speed is lost: the next run makes it again.
    }
  }

  private void removeOldest(String key) throws IOException {
    Path kept = file(key);
    List<Path> others = new ArrayList<>();
    try (DirectoryStream<Path> old = Files.newDirectoryStream(dir, prefix + "*" + SUFFIX)) {
      for (Path p : old) {
        if (!p.equals(kept)) others.add(p);
      }
    }
    others.sort(Comparator.comparing(CacheDir::modified).reversed());
    for (int i = keep - 1; i < others.size(); i++) Files.deleteIfExists(others.get(i));
  }

  private static FileTime modified(Path p) {
    try {
      return Files.getLastModifiedTime(p);
    } catch (IOException gone) {
      return FileTime.fromMillis(0);
    }
  }

  private Path file(String key) {
    return dir.resolve(prefix + key + SUFFIX);
  }
}
