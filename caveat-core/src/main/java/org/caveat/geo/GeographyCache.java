package org.caveat.geo;

/**
 * Where the shipped geography's compact form is kept between runs (the command line keeps it in
 * a folder): the seam through which {@link ReferenceGeography#shipped(GeographyCache)} reads and
 * writes it, so the geography itself does no file I/O beyond its classpath resources.
 */
public interface GeographyCache {
  /** The bytes stored under {@code key}, or null when there are none (or they cannot be read). */
  byte[] read(String key);

  /** Stores {@code bytes} under {@code key}; a failure only means the next run reads the GeoJSON again. */
  void write(String key, byte[] bytes);

  /**
   * Names the jar the engine runs from (e.g. its size and time), or null. When the shipped
   * GeoJSON is inside that jar, the compact form is keyed by this name instead of by the SHA-256
   * of the 1.9 MB of GeoJSON, which then need not be read on every run; it must change whenever
   * the jar does.
   */
  default String build() {
    return null;
  }
}
