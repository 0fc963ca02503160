package org.caveat.explain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.caveat.decide.Basis;
import org.caveat.decide.Decision;
import org.caveat.decide.GrantDecision;
import org.caveat.geo.ReferenceGeography;
import org.caveat.geo.Zone;
import org.caveat.model.Attribute;
import org.caveat.model.Request;
import org.caveat.policy.PolicyVersion;
import org.caveat.policy.Source;
import org.caveat.program.CompiledRule;
import org.caveat.program.CompiledVersion;
import org.caveat.program.EvalContext;

/** Builds {@link Answer}s. Thread-safe; each call uses its own evaluation context. */
public final class Explainer {
  private static final int MAX_SHARED = 10_000;
  private final ReferenceGeography geo;
  private final Zone border;
  private final Map<PartKey, Explained> shared = new ConcurrentHashMap<>();

  public Explainer(ReferenceGeography geo) {
    this.geo = geo;
    this.border = geo.uaRuBorder();
  }

  public Answer explain(Decision d) {
    return explain(d, new EvalContext(geo).reset(d.request()));
  }

  /**
   * Explains with the context the decision was made with (already reset to its request), so the
   * facts it memoised are not computed again.
   */
  public Answer explain(Decision d, EvalContext ctx) {
    List<Answer.GrantAnswer> grants = new ArrayList<>(d.grants().size());
    Map<String, Source> sources = null;
    String explanation = ""; // most answers have one grant: its shared sentence, not a copy
    for (GrantDecision g : d.grants()) {
      Explained e = explained(g, ctx, d.request());
      grants.add(e.answer());
      sources = sources == null ? e.sources() : merge(sources, e.sources());
      if (g.outcome() == d.outcome()) {
        explanation = explanation.isEmpty() ? e.sentence() : explanation + ' ' + e.sentence();
      }
    }
    var loc = d.request().targetLocation();
    double km = border.distanceKmToTheMetre(loc.lat(), loc.lon(), ctx.geoMemo());
    var where = ctx.location();
    Answer.Facts facts = new Answer.Facts(where.country(), where.region(), Numbers.round(km, 3),
        where.waters().label(), where.onBorder());
    String text = d.grants().isEmpty() ? Sentences.notApplicable(d.request()) : explanation;
    return new Answer(d.request().id(), d.outcome(), grants, facts, text, sources == null ? Map.of() : sources);
  }

  /** A grant's part of an answer, its sentence and the sources it cites. */
  private record Explained(Answer.GrantAnswer answer, String sentence, Map<String, Source> sources) {}

  /**
   * Permitted, forbidden and missing-attribute parts depend only on the version, the determining
   * rules and the missing attributes, so they are built once and shared (answers are immutable).
   * A not-permitted part also names the closest miss: it is shared too when the miss is an
   * equality or membership test (its words depend only on the failing value), and built every
   * time for a numeric comparison (its words carry the request's own figure).
   */
  private Explained explained(GrantDecision g, EvalContext ctx, Request request) {
    List<CompiledVersion> skipped = g.grant().skippedAt(request.time(), g.version());
    if (g.basis() == Basis.NO_VERSION_IN_FORCE) {
      return build(g, ctx, request, skipped, null);
    }
    ClosestPermit.Miss miss = null;
    Object actual = null;
    if (g.basis() == Basis.NOT_PERMITTED) {
      miss = ClosestPermit.find(g.version(), ctx);
      if (miss != null && miss.failed().measure(ctx) != null) {
        return build(g, ctx, request, skipped, miss);
      }
      actual = miss == null ? null : miss.failed().actual(ctx);
    }
    PartKey key = new PartKey(g.version(), g.basis(), g.determining(), g.missing(), skipped, miss, actual);
    Explained e = shared.get(key);
    if (e == null) {
      if (shared.size() >= MAX_SHARED) shared.clear();
      e = build(g, ctx, request, skipped, miss);
      shared.put(key, e);
    }
    return e;
  }

  private Explained build(GrantDecision g, EvalContext ctx, Request request, List<CompiledVersion> skippedVersions,
      ClosestPermit.Miss miss) {
    CompiledVersion v = g.version();
    PolicyVersion p = v == null ? null : v.policy();
    Map<String, Source> sources = new TreeMap<>();
    List<String> determining = new ArrayList<>();
    List<Answer.Reason> reasons = new ArrayList<>();
    for (CompiledRule r : g.determining()) {
      determining.add(r.rule().id());
      reasons.add(new Answer.Reason(r.rule().id(), r.rule().effect().label(), r.rule().text(), r.rule().sources()));
      for (String s : r.rule().sources()) sources.put(s, p.source(s));
    }
    List<String> missing = new ArrayList<>();
    for (Attribute a : Attribute.values()) {
      if ((g.missing() & a.bit()) != 0) missing.add(a.celName());
    }
    Answer.Closest closest = miss == null ? null : ClosestPermit.describe(miss, ctx);
    if (closest != null) {
      for (CompiledRule r : v.rules()) {
        if (r.rule().id().equals(closest.rule())) {
          for (String s : r.rule().sources()) sources.put(s, p.source(s));
        }
      }
    }
    Answer.GrantAnswer a = new Answer.GrantAnswer(g.grant().grant().id(), p == null ? null : p.version(),
        p == null ? null : p.contentHash(), p == null ? null : p.reliability().label(), g.outcome(),
        g.basis().label(), List.copyOf(determining), List.copyOf(reasons), List.copyOf(missing), closest,
        skipped(skippedVersions));
    return new Explained(a, Sentences.forGrant(g, a, request), Collections.unmodifiableMap(sources));
  }

  private static List<Answer.Skipped> skipped(List<CompiledVersion> versions) {
    if (versions.isEmpty()) return List.of();
    List<Answer.Skipped> out = new ArrayList<>(versions.size());
    for (CompiledVersion v : versions) {
      out.add(new Answer.Skipped(v.policy().version(), v.policy().reliability().label()));
    }
    return out;
  }

  private static Map<String, Source> merge(Map<String, Source> a, Map<String, Source> b) {
    Map<String, Source> out = new TreeMap<>(a);
    out.putAll(b);
    return out;
  }
}
