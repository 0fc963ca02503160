package org.caveat.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.caveat.compile.CompiledRule;
import org.caveat.compile.CompiledVersion;
import org.caveat.compile.EvalContext;
import org.caveat.decide.Basis;
import org.caveat.decide.Decision;
import org.caveat.decide.GrantDecision;
import org.caveat.geo.ReferenceGeography;
import org.caveat.model.Attribute;
import org.caveat.policy.PolicyVersion;
import org.caveat.policy.Source;

/** Builds {@link Answer}s. Thread-safe; each call uses its own evaluation context. */
public final class Explainer {
  private final ReferenceGeography geo;

  public Explainer(ReferenceGeography geo) {
    this.geo = geo;
  }

  public Answer explain(Decision d) {
    EvalContext ctx = new EvalContext(geo).reset(d.request());
    List<Answer.GrantAnswer> grants = new ArrayList<>();
    Map<String, Source> sources = new TreeMap<>();
    List<String> sentences = new ArrayList<>();
    for (GrantDecision g : d.grants()) {
      Answer.GrantAnswer a = grant(g, ctx, sources);
      grants.add(a);
      if (g.outcome() == d.outcome()) {
        sentences.add(Sentences.forGrant(g, a, d.request()));
      }
    }
    var loc = d.request().targetLocation();
    double border = geo.uaRuBorder().distanceKm(loc.lat(), loc.lon());
    Answer.Facts facts = new Answer.Facts(ctx.country(), ctx.region(), Numbers.round(border, 3));
    String explanation = d.grants().isEmpty()
        ? Sentences.notApplicable(d.request())
        : String.join(" ", sentences);
    return new Answer(d.request().id(), d.outcome(), grants, facts, explanation, sources);
  }

  private Answer.GrantAnswer grant(GrantDecision g, EvalContext ctx, Map<String, Source> sources) {
    CompiledVersion v = g.version();
    PolicyVersion p = v == null ? null : v.policy();
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
    Answer.Closest closest = g.basis() == Basis.NOT_PERMITTED ? ClosestPermit.find(v, ctx) : null;
    if (closest != null) {
      for (CompiledRule r : v.rules()) {
        if (r.rule().id().equals(closest.rule())) {
          for (String s : r.rule().sources()) sources.put(s, p.source(s));
        }
      }
    }
    return new Answer.GrantAnswer(g.grant().grant().id(), p == null ? null : p.version(),
        p == null ? null : p.contentHash(), p == null ? null : p.reliability().label(), g.outcome(),
        g.basis().label(), determining, reasons, missing, closest);
  }
}
