package org.caveat.geo;

import java.net.URL;

/**
 * Whether a classpath resource ships in the same jar as the engine's classes. Then whatever names
 * that jar (a cache's build: its size and time) names the resource's bytes too, so a cache key
 * can be made from the name instead of hashing the bytes on every run. Only resource URLs are
 * compared; no file is opened.
 */
public final class EngineJar {
  private EngineJar() {}

  /** True when {@code resource} (absolute) and {@code anchor}'s class file are entries of one jar. */
  public static boolean holds(Class<?> anchor, String resource) {
    URL entry = anchor.getResource(resource);
    URL self = anchor.getResource(anchor.getSimpleName() + ".class");
    return entry != null && self != null && entry.getProtocol().equals("jar") && self.getProtocol().equals("jar")
        && jarOf(entry).equals(jarOf(self));
  }

  private static String jarOf(URL entry) {
    String s = entry.toString();
    int bang = s.indexOf("!/");
    return bang < 0 ? s : s.substring(0, bang);
  }
}
