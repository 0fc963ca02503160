package org.caveat.flink;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.caveat.Caveat;

/**
 * Engines of a packs folder plus published versions ({@code grant/version.yaml} → YAML), compiled
 * once per JVM for each distinct set (keyed by the packs folder and each file's name and SHA-256),
 * so the slots of one task manager share them. Only the few latest sets are kept.
 */
final class PolicyEngines {
  private static final int KEPT = 4;
  private static final Map<String, Caveat> ENGINES = new ConcurrentHashMap<>();

  private PolicyEngines() {}

  /** The engine; throws {@code PolicyException} naming every problem of a version (the engine is then not kept). */
  static Caveat engine(String packs, Map<String, String> versions) {
    if (versions.isEmpty()) return DecideFunction.engine(packs);
    Map<String, String> sorted = new TreeMap<>(versions);
    StringBuilder key = new StringBuilder(packs == null ? "" : packs);
    sorted.forEach((name, text) -> key.append('\n').append(name).append(' ').append(sha256(text)));
    Caveat cached = ENGINES.get(key.toString());
    if (cached != null) return cached;
    Caveat.Builder b = DecideFunction.builder(packs);
    sorted.forEach(b::addVersion);
    Caveat built = b.build();
    if (ENGINES.size() >= KEPT) ENGINES.clear();
    ENGINES.put(key.toString(), built);
    return built;
  }

  static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
