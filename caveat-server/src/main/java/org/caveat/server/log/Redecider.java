package org.caveat.server.log;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.caveat.Caveat;
import org.caveat.GrantInfo;
import org.caveat.explain.Answer;
import org.caveat.geo.ReferenceGeography;
import org.caveat.json.AnswerWriter;
import org.caveat.json.Json;
import org.caveat.json.RequestReader;
import org.caveat.policy.PolicyException;
import org.caveat.policy.PolicyVersion;
import org.caveat.server.policy.LiveEngine;
import org.caveat.store.DecisionEntry;

/**
 * Rebuilds a compact log entry's full answer by deciding its request again against exactly the
 * versions it pinned (found by content hash among every version the service holds: pack versions
 * and published ones), with its what-if overrides and quotes flag. An answer is a pure function of
 * these, so the bytes equal those the service answered. Engines are built once per set of pins
 * and overrides and cached. Thread-safe.
 */
public final class Redecider {
  private static final int MAX_ENGINES = 64;

  /** A version the service holds: its file name for the engine builder, text, and assumption names. */
  private record Known(String fileName, String yaml, List<String> assumptions) {}

  private record Key(List<String> pins, Map<String, String> assumed) {}

  /** The rebuilt answer and its JSON, or why the entry cannot be decided again. */
  public record Rebuilt(Answer answer, String json, String problem) {

    /** Whether the stored verdict and determining rules are those decided now. */
    public boolean matches(DecisionEntry e) {
      if (answer == null || !answer.decision().name().equals(e.decision())) return false;
      List<DecisionEntry.GrantVerdict> now = new ArrayList<>();
      for (Answer.GrantAnswer g : answer.grants()) {
        now.add(new DecisionEntry.GrantVerdict(g.grant(), g.decision().name(), g.determining()));
      }
      return now.equals(e.grants());
    }
  }

  private final LiveEngine live;
  private final Map<Key, Caveat> engines = new ConcurrentHashMap<>();
  private volatile Map<String, Known> known = Map.of();

  public Redecider(LiveEngine live) {
    this.live = live;
  }

  public Rebuilt rebuild(DecisionEntry e) {
    Caveat engine;
    try {
      engine = engine(e);
    } catch (PolicyException | IllegalStateException ex) {
      return new Rebuilt(null, null, ex.getMessage());
    }
    JsonNode node;
    try {
      node = Json.MAPPER.readTree(e.request());
    } catch (IOException ex) {
      return new Rebuilt(null, null, "the logged request is not JSON: " + ex.getMessage());
    }
    RequestReader.Parsed p = RequestReader.read(node);
    if (p.error() != null) return new Rebuilt(null, null, "the logged request does not read: " + p.error().message());
    Answer a = engine.answer(p.request());
    String json = e.assumed().isEmpty() ? AnswerWriter.toJson(a, e.quotes())
        : AnswerWriter.toJson(a, e.quotes(), e.assumed());
    return new Rebuilt(a, json, null);
  }

  private Caveat engine(DecisionEntry e) {
    Key key = new Key(e.versionHashes(), new LinkedHashMap<>(e.assumed()));
    Caveat found = engines.get(key);
    if (found != null) return found;
    if (engines.size() >= MAX_ENGINES) engines.clear();
    return engines.computeIfAbsent(key, this::build);
  }

  /** Only the pinned versions, in the answer's order, with the overrides that any of them defines. */
  private Caveat build(Key key) {
    Caveat.Builder b = Caveat.builder().withoutPacks().geography(ReferenceGeography.shipped());
    List<String> names = new ArrayList<>();
    for (String hash : key.pins()) {
      Known k = known(hash);
      b.addVersion(k.fileName(), k.yaml());
      names.addAll(k.assumptions());
    }
    key.assumed().forEach((name, value) -> {
      if (names.contains(name)) b.assume(name, value);
    });
    return b.build();
  }

  private Known known(String hash) {
    Known k = known.get(hash);
    if (k == null) {
      known = versions(); // a version published since the last look
      k = known.get(hash);
    }
    if (k == null) throw new IllegalStateException("no version with content hash " + hash + " is known to the service");
    return k;
  }

  private Map<String, Known> versions() {
    Map<String, Known> out = new ConcurrentHashMap<>();
    for (GrantInfo g : live.current().grants()) {
      for (var v : g.versions()) {
        PolicyVersion p = v.policy();
        live.text(p).ifPresent(text -> out.put(p.contentHash(), new Known(p.grant() + "/" + p.version() + ".yaml", text,
            p.assumptions().stream().map(a -> a.name()).toList())));
      }
    }
    return out;
  }
}
