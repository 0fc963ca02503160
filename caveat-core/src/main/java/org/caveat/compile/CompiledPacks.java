package org.caveat.compile;

import dev.cel.runtime.CelRuntime;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.caveat.cache.Decoder;
import org.caveat.cache.Decoder.Corrupt;
import org.caveat.cache.Encoder;
import org.caveat.check.CelEnvironment;
import org.caveat.decide.CompiledGrant;
import org.caveat.geo.ReferenceGeography;
import org.caveat.geo.Zones;
import org.caveat.policy.Diagnostic;
import org.caveat.policy.Grant;
import org.caveat.policy.PolicyVersion;
import org.caveat.policy.ZoneSpec;
import org.caveat.program.CelFallback;
import org.caveat.program.CompiledCondition;
import org.caveat.program.CompiledRule;
import org.caveat.program.CompiledVersion;
import org.caveat.program.ProgramCodec;
import org.caveat.program.ZoneRef;

/**
 * Compiled grants in the compact form the compiled-pack cache keeps: per version its pack model
 * ({@link PolicyCodec}), the assumption values it was compiled with, and its lowered scope and
 * rules ({@link ProgramCodec}). Zones are not stored: they are rebuilt from their specs against the
 * geography when a request first reaches one of the version's zones ({@link Zones#lazy}), so a run
 * that decides with one version builds that version's zones only. The form starts with the key it was
 * stored under, so bytes stored under another key are refused, and ends with the SHA-256 of
 * everything before it, checked before anything is decoded: damaged bytes read as absent.
 */
public final class CompiledPacks {
  private static final String MAGIC = "caveat-compiled-packs/1";
  private static final int DIGEST_BYTES = 32;

  private CompiledPacks() {}

  public static byte[] write(String key, List<CompiledGrant> grants) {
    Encoder out = new Encoder();
    out.string(MAGIC).string(key).uint(grants.size());
    for (CompiledGrant g : grants) {
      out.string(g.grant().id()).string(g.grant().grantor()).string(g.grant().grantee()).uint(g.versions().size());
      for (CompiledVersion v : g.versions()) version(out, v);
    }
    byte[] body = out.toByteArray();
    byte[] all = Arrays.copyOf(body, body.length + DIGEST_BYTES);
    System.arraycopy(sha256(body, body.length), 0, all, body.length, DIGEST_BYTES);
    return all;
  }

  private static void version(Encoder out, CompiledVersion v) {
    PolicyCodec.write(out, v.policy());
    Map<String, Object> assumptions = v.assumptions();
    out.uint(assumptions.size());
    // In the file's order, so the same engine always writes the same bytes.
    v.policy().assumptions().forEach(a -> {
      if (assumptions.containsKey(a.name())) PolicyCodec.value(out.string(a.name()), assumptions.get(a.name()));
    });
    if (v.rules().size() != v.policy().rules().size()) {
      throw new IllegalArgumentException("version " + v.policy().file() + " has rules that did not compile");
    }
    ProgramCodec.write(out, v.scope());
    v.rules().forEach(r -> ProgramCodec.write(out, r.condition()));
  }

  /**
   * The grants stored in {@code bytes}, with every version admitted; null when the bytes are
   * missing, damaged, of another format or stored under another key.
   *
   * @param geo the geography the zones are rebuilt against (the one they were compiled with),
   *            asked for only when a zone or an interpreted condition is first used, so decoding
   *            need not wait for it to load
   */
  public static List<CompiledGrant> read(String key, byte[] bytes, Supplier<ReferenceGeography> geo) {
    if (bytes == null || bytes.length < DIGEST_BYTES) return null;
    int body = bytes.length - DIGEST_BYTES;
    if (!Arrays.equals(sha256(bytes, body), 0, DIGEST_BYTES, bytes, body, bytes.length)) return null;
    try {
      Decoder in = new Decoder(Arrays.copyOf(bytes, body), 0);
      if (!MAGIC.equals(in.string()) || !key.equals(in.string())) return null;
      Supplier<CelRuntime> runtime = memoised(() -> CelFallback.runtime(CelEnvironment.OPTIONS, geo.get()));
      AtomicInteger slots = new AtomicInteger();
      int n = in.count();
      List<CompiledGrant> grants = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        String id = in.text(), grantor = in.text(), grantee = in.text();
        int m = in.count();
        if (m == 0) throw new Corrupt("a grant without versions");
        List<CompiledVersion> versions = new ArrayList<>(m);
        List<PolicyVersion> policies = new ArrayList<>(m);
        for (int j = 0; j < m; j++) {
          CompiledVersion v = version(in, geo, slots, runtime);
          versions.add(v);
          policies.add(v.policy());
        }
        grants.add(new CompiledGrant(new Grant(id, grantor, grantee, policies), versions));
      }
      if (in.position() != body) throw new Corrupt("bytes after the last grant");
      return grants;
    } catch (RuntimeException damagedOrStale) {
      // Corrupt, or a form that no longer builds (e.g. a zone): compiled again from the packs.
      return null;
    }
  }

  private static CompiledVersion version(Decoder in, Supplier<ReferenceGeography> geo, AtomicInteger slots,
      Supplier<CelRuntime> runtime) {
    PolicyVersion v = PolicyCodec.read(in);
    int n = in.count();
    Map<String, Object> assumptions = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) assumptions.put(in.text(), PolicyCodec.value(in));
    // The version's zones are rebuilt together (they refer to each other) when one is first used.
    Supplier<Map<String, ZoneRef>> built = memoised(() -> {
      List<Diagnostic> diagnostics = new ArrayList<>();
      Map<String, ZoneRef> all = new ZoneCompiler(geo.get(), assumptions, new AtomicInteger(), diagnostics).compile(v.zones());
      if (!diagnostics.isEmpty() || all.size() != v.zones().size()) {
        // Cannot happen for a key that names this jar (its geography, its compiler): say which.
        throw new IllegalStateException("zones of cached version " + v.file() + " no longer compile: " + diagnostics);
      }
      return all;
    });
    Map<String, ZoneRef> zones = new LinkedHashMap<>();
    for (ZoneSpec z : v.zones()) {
      String name = z.name();
      if (zones.containsKey(name)) throw new Corrupt("zone `" + name + "` twice");
      zones.put(name, new ZoneRef(name, Zones.lazy(name, () -> built.get().get(name).zone()), slots.getAndIncrement()));
    }
    ProgramCodec.Fallbacks fallbacks = (ast, reads) ->
        new CelFallback(runtime, ast, reads, ConditionCompiler.fallbackConstants(zones, assumptions));
    CompiledCondition scope = ProgramCodec.read(in, zones::get, fallbacks);
    List<CompiledRule> rules = new ArrayList<>(v.rules().size());
    for (var r : v.rules()) rules.add(new CompiledRule(r, ProgramCodec.read(in, zones::get, fallbacks)));
    return new CompiledVersion(v, scope, rules, zones, assumptions);
  }

  private static <T> Supplier<T> memoised(Supplier<T> make) {
    Object[] made = new Object[1];
    return () -> {
      synchronized (made) {
        if (made[0] == null) made[0] = make.get();
        @SuppressWarnings("unchecked")
        T t = (T) made[0];
        return t;
      }
    };
  }

  /**
   * The key of a compiled-pack cache entry: SHA-256 (hex) of the engine build, the digest of the
   * pack files and the assumption overrides (sorted by name): anything that changes what the
   * compiler would make changes the key.
   */
  public static String key(String build, byte[] packsDigest, Map<String, String> overrides) {
    MessageDigest sha = sha();
    sha.update((MAGIC + "\n" + build + "\n").getBytes(StandardCharsets.UTF_8));
    sha.update(packsDigest);
    new java.util.TreeMap<>(overrides).forEach((name, value) ->
        sha.update(("\n" + name.length() + ":" + name + "=" + value.length() + ":" + value).getBytes(StandardCharsets.UTF_8)));
    return java.util.HexFormat.of().formatHex(sha.digest());
  }

  private static byte[] sha256(byte[] bytes, int length) {
    MessageDigest sha = sha();
    sha.update(bytes, 0, length);
    return sha.digest();
  }

  static MessageDigest sha() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }
}
