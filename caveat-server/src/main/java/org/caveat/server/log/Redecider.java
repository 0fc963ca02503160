package org.caveat.server.log;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.caveat.Caveat;
import org.caveat.GrantInfo;
import org.caveat.explain.Answer;
import org.caveat.geo.ReferenceGeography;
import org.caveat.json.AnswerWriter;
import org.caveat.json.Json;
import org.caveat.json.RequestReader;
import org.caveat.policy.PolicyException;
import org.caveat.server.policy.LiveEngine;
import org.caveat.store.DecisionEntry;
import org.caveat.store.VersionTexts;

/**
 * Rebuilds a compact log entry's full answer by deciding its request again against exactly the
 * versions it pinned, with its what-if overrides and quotes flag. A pinned version is found by
 * content hash in the store's version texts (every version the server decided with is recorded
 * there, so entries stay decidable after a release edits a built-in pack file), else among the
 * versions the service holds now (pack versions and published ones). An answer is a pure function
 * of these, so the bytes equal those the service answered. Engines are built once per set of pins
 * and overrides and cached. Thread-safe.
 */
public final class Redecider {
  private static final int MAX_ENGINES = 64;

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
  private final VersionTexts recorded;
  private final Map<Key, Caveat> engines = new ConcurrentHashMap<>();
  private final Map<String, VersionTexts.Named> known = new ConcurrentHashMap<>();

  /** @param recorded the store's version texts, looked up first */
  public Redecider(LiveEngine live, VersionTexts recorded) {
    this.live = live;
    this.recorded = recorded;
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

  /**
   * Only the pinned versions, in the answer's order, with the overrides that any of them defines
   * (an override naming none of them did not apply to the answer either).
   */
  private Caveat build(Key key) {
    Caveat plain = builder(key).build();
    if (key.assumed().isEmpty()) return plain;
    Set<String> names = new HashSet<>();
    for (GrantInfo g : plain.grants()) {
      for (var v : g.versions()) v.policy().assumptions().forEach(a -> names.add(a.name()));
    }
    Caveat.Builder b = builder(key);
    key.assumed().forEach((name, value) -> {
      if (names.contains(name)) b.assume(name, value);
    });
    return b.build();
  }

  private Caveat.Builder builder(Key key) {
    Caveat.Builder b = Caveat.builder().withoutPacks().geography(ReferenceGeography.shipped());
    for (String hash : key.pins()) {
      VersionTexts.Named v = version(hash);
      b.addVersion(v.fileName(), v.yaml());
    }
    return b;
  }

  private VersionTexts.Named version(String hash) {
    VersionTexts.Named v = known.get(hash);
    if (v != null) return v;
    v = recorded.find(hash).map(t -> new VersionTexts.Named(t.fileName(), t.yaml())).orElse(null);
    if (v == null) v = live.versionFiles().get(hash); // held by the service now (a CLI, or not recorded yet)
    if (v == null) throw new IllegalStateException("no version with content hash " + hash + " is recorded in the store"
        + " or held by the service");
    known.put(hash, v);
    return v;
  }
}
