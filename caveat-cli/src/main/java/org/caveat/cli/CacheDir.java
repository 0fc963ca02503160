package org.caveat.cli;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.caveat.geo.GeographyCache;

/**
 * The folder where the command line keeps the shipped geography's compact form between runs:
 * {@code CAVEAT_CACHE_DIR}, else {@code $XDG_CACHE_HOME/caveat}, else {@code ~/.cache/caveat}
 * ({@code CAVEAT_CACHE_DIR=off} keeps nothing). One file per content key, so a geography made
 * from other GeoJSON is never read; writing a new one removes the others. Every failure only costs
 * speed: an unreadable or unwritable folder means the GeoJSON is read as before.
 */
final class GeographyCacheDir implements GeographyCache {
  private static final String PREFIX = "geography-";
  private static final String SUFFIX = ".bin";

  private final Path dir;

  GeographyCacheDir(Path dir) {
    this.dir = dir;
  }

  /** The folder the environment names, or null when caching is off or no folder can be named. */
  static GeographyCacheDir fromEnvironment() {
    String explicit = System.getenv("CAVEAT_CACHE_DIR");
    if ("off".equals(explicit)) return null;
    if (explicit != null && !explicit.isBlank()) return new GeographyCacheDir(Path.of(explicit));
    String xdg = System.getenv("XDG_CACHE_HOME");
    if (xdg != null && !xdg.isBlank()) return new GeographyCacheDir(Path.of(xdg, "caveat"));
    String home = System.getProperty("user.home");
    return home == null || home.isBlank() ? null : new GeographyCacheDir(Path.of(home, ".cache", "caveat"));
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
      Path tmp = Files.createTempFile(dir, PREFIX, ".tmp");
      try {
        Files.write(tmp, bytes);
        Files.move(tmp, file(key), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(tmp);
      }
      removeOthers(key);
    } catch (IOException | RuntimeException unwritable) {
      // Only speed is lost: the next run reads the GeoJSON again.
    }
  }

  private void removeOthers(String key) throws IOException {
    Path keep = file(key);
    try (DirectoryStream<Path> old = Files.newDirectoryStream(dir, PREFIX + "*" + SUFFIX)) {
      for (Path p : old) {
        if (!p.equals(keep)) Files.deleteIfExists(p);
      }
    }
  }

  private Path file(String key) {
    return dir.resolve(PREFIX + key + SUFFIX);
  }
}
