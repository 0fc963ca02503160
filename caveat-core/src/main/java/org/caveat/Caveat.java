package org.caveat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.caveat.compile.CompiledPacks;
import org.caveat.compile.VersionCompiler;
import org.caveat.decide.CompiledGrant;
import org.caveat.decide.Decider;
import org.caveat.decide.Decision;
import org.caveat.explain.Answer;
import org.caveat.explain.Explainer;
import org.caveat.geo.ReferenceGeography;
import org.caveat.geo.Zone;
import org.caveat.model.Request;
import org.caveat.parse.PackLoader;
import org.caveat.policy.Assumption;
import org.caveat.policy.Diagnostic;
import org.caveat.policy.Grant;
import org.caveat.policy.PolicyException;
import org.caveat.policy.PolicyVersion;
import org.caveat.policy.Reliability;
import org.caveat.policy.Setting;
import org.caveat.policy.Suggest;
import org.caveat.program.CompiledVersion;
import org.caveat.program.EvalContext;

/**
 * The engine: policy packs loaded and compiled once, then any number of decisions. Immutable
 * and thread-safe.
 *
 * <pre>{@code
 * Caveat caveat = Caveat.builder().assume("kharkiv_band_depth_km", "80").build();
 * Answer a = caveat.answer(request);
 * }</pre>
 */
public final class Caveat {
  private final Decider decider;
  private final Explainer explainer;
  private final ReferenceGeography geography;
  private final ThreadLocal<EvalContext> contexts;
  private final List<GrantInfo> grants;

  private Caveat(Decider decider, ReferenceGeography geography) {
    this.decider = decider;
    this.geography = geography;
    this.explainer = new Explainer(geography);
    this.contexts = ThreadLocal.withInitial(() -> new EvalContext(geography));
    this.grants = decider.grants().stream().map(Caveat::describe).toList();
  }

  /**
   * The folder of the built-in packs (inside the jar when run from one): what
   * {@code builder()} loads when given no packs, for tools that copy or export them.
   */
  public static Path builtInPacks() {
    return PackLoader.builtInDir();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The verdict only: the fast path, without facts or explanation. */
  public Decision decide(Request request) {
    EvalContext ctx = contexts.get();
    ctx.geoMemo().expectFacts(false);
    return decider.decide(request, ctx);
  }

  /** The full answer (docs/SEMANTICS.md): verdict, reasons, facts and explanation. */
  public Answer answer(Request request) {
    EvalContext ctx = contexts.get();
    ctx.geoMemo().expectFacts(true); // the facts' border distance is computed anyway: thresholds may share it
    return explainer.explain(decider.decide(request, ctx), ctx);
  }

  public Answer explain(Decision decision) {
    return explainer.explain(decision);
  }

  /** Answers in input order; the stream may be consumed in parallel by the caller. */
  public Stream<Answer> decideAll(Stream<Request> requests) {
    return requests.map(this::answer);
  }

  /** The loaded grants, described: what a front end lists, shows, maps or resolves a version in. */
  public List<GrantInfo> grants() {
    return grants;
  }

  /**
   * The compiled grants, for core's own tools ({@code diff}) that decide with one version alone.
   * Core-internal: other modules use {@link #grants()}; their ArchitectureTest forbids this call
   * and every compiled type.
   */
  public List<CompiledGrant> compiledGrants() {
    return decider.grants();
  }

  private static GrantInfo describe(CompiledGrant g) {
    List<VersionInfo> versions = new ArrayList<>(g.versions().size());
    for (CompiledVersion v : g.versions()) {
      Map<String, Zone> zones = new LinkedHashMap<>();
      v.zones().forEach((name, ref) -> zones.put(name, ref.zone()));
      versions.add(new VersionInfo(v.policy(), v.assumptions(), zones));
    }
    return new GrantInfo(g.grant(), versions, g.admitted());
  }

  public ReferenceGeography geography() {
    return geography;
  }

  /** Configures and builds a {@link Caveat}; {@link #build()} validates everything at once. */
  public static final class Builder {
    private Path packs;
    private boolean withoutPacks;
    private final Map<String, String> assumptions = new LinkedHashMap<>();
    private ReferenceGeography geography;
    private Set<Reliability> reliability = EnumSet.allOf(Reliability.class);
    private final Map<String, byte[]> extraVersions = new LinkedHashMap<>();
    private boolean undefinedAssumptionsIgnored;
    private CompiledPackCache cache;
    private static final byte[] BUILT_IN_JAR = "the built-in packs of the engine's jar".getBytes(
        java.nio.charset.StandardCharsets.UTF_8);

    /** Packs from a folder; without it, the built-in packs. */
    public Builder packs(Path dir) {
      this.packs = dir;
      return this;
    }

    /**
     * No packs at all, only the versions given by {@link #addVersion}: an engine of exactly the
     * versions a logged decision pinned by their content hashes, to decide it again.
     */
    public Builder withoutPacks() {
      this.withoutPacks = true;
      return this;
    }

    /** Overrides an assumption in every version that defines it; the text is parsed by its type. */
    public Builder assume(String name, String value) {
      assumptions.put(name, value);
      return this;
    }

    /**
     * Drops an override that no loaded version defines instead of refusing it
     * ({@code assumption.unknown}): a logged decision is decided again by the versions it pinned
     * alone, and of its overrides only those these versions define applied to its answer.
     */
    public Builder ignoreUndefinedAssumptions() {
      this.undefinedAssumptionsIgnored = true;
      return this;
    }

    /**
     * Admits only versions of these reliabilities when choosing the version in force (default:
     * all); a version left out gives way to the previous admitted one, and answers name it.
     *
     * @throws PolicyException at once for an empty set
     */
    public Builder reliability(Set<Reliability> admitted) {
      if (admitted == null || admitted.isEmpty()) {
        throw new PolicyException(List.of(Setting.noReliabilityAdmitted()));
      }
      this.reliability = EnumSet.copyOf(admitted);
      return this;
    }

    /**
     * Adds one version file on top of the packs, named {@code grant/version.yaml} (e.g. a version
     * published through a change request); checked like any pack file when built.
     */
    public Builder addVersion(String name, String yaml) {
      extraVersions.put(name, yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return this;
    }

    public Builder geography(ReferenceGeography g) {
      this.geography = g;
      return this;
    }

    /**
     * Keeps compiled packs in {@code cache}: a later build of the same packs, overrides and engine
     * build reads them back instead of compiling (an engine that answers byte for byte the same).
     * Only for the packs of a folder or the built-in ones, with the shipped geography, and no
     * {@link #addVersion}; tools that must check packs in full ({@code validate}, {@code test})
     * build without it.
     */
    public Builder cache(CompiledPackCache cache) {
      this.cache = cache;
      return this;
    }

    /** @throws PolicyException with every problem of the packs or the overrides */
    public Caveat build() {
      // Start-up work in parallel: the geography loads while packs are read and CEL warms up.
      CompletableFuture<ReferenceGeography> loading = geography != null
          ? CompletableFuture.completedFuture(geography)
          : CompletableFuture.supplyAsync(ReferenceGeography::shipped);
      String key = cacheKey();
      if (key != null) {
        byte[] stored = cache.read(key);
        if (stored != null) {
          // Decoded while the geography loads: only zones and interpreted conditions need it, when first used.
          List<CompiledGrant> kept = CompiledPacks.read(key, stored, loading::join);
          if (kept != null) {
            return new Caveat(new Decider(kept.stream().map(g -> new CompiledGrant(g.grant(), g.versions(), reliability))
                .toList()), loading.join());
          }
        }
      }
      Caveat built = compile(loading);
      // Stored only if the packs did not change while they compiled: the key must name what was compiled.
      if (key != null && key.equals(cacheKey())) {
        try {
          cache.write(key, CompiledPacks.write(key, built.decider.grants()));
        } catch (IllegalArgumentException noCacheForm) {
          // A construct the cache cannot hold: this engine is simply compiled every time.
        }
      }
      return built;
    }

    /** The compiled-pack cache key of this build, or null when no cache applies. */
    private String cacheKey() {
      // An engine that drops undefined overrides must never be read back by a build that refuses them.
      if (cache == null || withoutPacks || geography != null || !extraVersions.isEmpty()
          || undefinedAssumptionsIgnored) return null;
      String build = cache.build();
      // Built-in packs inside the engine's jar are named by the build; elsewhere their bytes are hashed.
      byte[] digest = packs != null ? PackLoader.digest(packs)
          : PackLoader.builtInInEngineJar() ? BUILT_IN_JAR : PackLoader.builtInDigest();
      return build == null || digest == null ? null : CompiledPacks.key(build, digest, assumptions);
    }

    private Caveat compile(CompletableFuture<ReferenceGeography> loading) {
      List<Grant> grants;
      try {
        grants = PackLoader.withVersions(withoutPacks ? List.of()
            : packs == null ? PackLoader.builtIn() : PackLoader.load(packs), extraVersions);
      } catch (PolicyException structural) {
        List<PolicyVersion> readable = new ArrayList<>(withoutPacks ? List.of()
            : packs == null ? PackLoader.readableBuiltInVersions() : PackLoader.readableVersions(packs));
        readable.addAll(PackLoader.readableVersions(extraVersions));
        throw AllProblems.with(structural, readable, new VersionCompiler(loading.join()), this::typed);
      }
      checkOverrides(grants);
      VersionCompiler.warmUp();
      ReferenceGeography geo = loading.join();
      VersionCompiler compiler = new VersionCompiler(geo);
      // Versions compile independently, so on all cores; results are collected in file order.
      List<Object> results = grants.stream().flatMap(g -> g.versions().stream()).toList().parallelStream()
          .map(v -> compileOrDiagnose(compiler, v)).toList();
      List<Diagnostic> diagnostics = new ArrayList<>();
      List<CompiledGrant> compiled = new ArrayList<>();
      int next = 0;
      for (Grant g : grants) {
        List<CompiledVersion> versions = new ArrayList<>();
        for (int i = 0; i < g.versions().size(); i++) {
          Object r = results.get(next++);
          if (r instanceof CompiledVersion cv) versions.add(cv);
          else diagnostics.addAll(((PolicyException) r).diagnostics());
        }
        if (versions.size() == g.versions().size()) compiled.add(new CompiledGrant(g, versions, reliability));
      }
      if (!diagnostics.isEmpty()) throw new PolicyException(diagnostics);
      return new Caveat(new Decider(compiled), geo);
    }

    private Object compileOrDiagnose(VersionCompiler compiler, PolicyVersion v) {
      try {
        return compiler.compile(v, typed(v));
      } catch (PolicyException e) {
        return e;
      }
    }

    private void checkOverrides(List<Grant> grants) {
      if (undefinedAssumptionsIgnored) return; // typed() applies an override only to a version defining it
      TreeSet<String> known = new TreeSet<>();
      grants.forEach(g -> g.versions().forEach(v -> v.assumptions().forEach(a -> known.add(a.name()))));
      List<Diagnostic> bad = new ArrayList<>();
      for (String name : assumptions.keySet()) {
        if (!known.contains(name)) {
          Setting override = new Setting(Setting.Kind.ASSUMPTION, name, null);
          bad.add(new Diagnostic("assumption.unknown", override.at(), "no version defines assumption `"
              + name + "`", Suggest.didYouMean(name, known), override));
        }
      }
      if (!bad.isEmpty()) throw new PolicyException(bad);
    }

    /** Override texts converted to the type of the version's own value. */
    private Map<String, Object> typed(PolicyVersion v) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Assumption a : v.assumptions()) {
        String text = assumptions.get(a.name());
        if (text == null) continue;
        out.put(a.name(), parse(a, text));
      }
      return out;
    }

    private static Object parse(Assumption a, String text) {
      if (a.value() instanceof Double) {
        try {
          double d = Double.parseDouble(text);
          if (Double.isFinite(d)) return d;
        } catch (NumberFormatException ignored) {
          // reported below
        }
        Setting override = new Setting(Setting.Kind.ASSUMPTION, a.name(), String.valueOf(a.value()));
        throw new PolicyException(List.of(new Diagnostic("assumption.type", override.at(),
            "assumption `" + a.name() + "` is a number" + (a.unit() == null ? "" : " (" + a.unit() + ")")
                + ", got `" + text + "`", override.exampleHint(), override)));
      }
      if (a.value() instanceof Boolean) {
        if (text.equals("true") || text.equals("false")) return Boolean.valueOf(text);
        Setting override = new Setting(Setting.Kind.ASSUMPTION, a.name(), null);
        throw new PolicyException(List.of(new Diagnostic("assumption.type", override.at(),
            "assumption `" + a.name() + "` is true or false, got `" + text + "`", null, override)));
      }
      return text;
    }
  }
}
