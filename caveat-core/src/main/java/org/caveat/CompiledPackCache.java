package org.caveat;

/**
 * Where compiled packs are kept between runs (the command line keeps them in a folder), so that
 * an engine of unchanged packs is read back instead of compiled: no YAML reading, CEL checking or
 * lowering. The engine does no file I/O of its own through it.
 *
 * <p>An entry is named by a key covering the engine build, every byte of the pack folder (or the
 * built-in packs) and the assumption overrides, and is written only after a build without any problem; its bytes end with
 * their SHA-256. Anything unreadable, damaged or stale is read as absent and the packs are
 * compiled and checked in full, as without a cache.
 */
public interface CompiledPackCache {
  /**
   * Names the code that compiles (e.g. its jar's size and time): entries written by another build
   * are never read, since a change of the compiler could change what it makes. When the built-in
   * packs are in the same jar, it names them too (their bytes are then not hashed), so it must
   * change whenever the jar does; null means nothing is cached.
   */
  String build();

  /** The bytes stored under {@code key}, or null when there are none (or they cannot be read). */
  byte[] read(String key);

  /** Stores {@code bytes} under {@code key}; a failure only means the next run compiles again. */
  void write(String key, byte[] bytes);
}
