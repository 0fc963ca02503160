package org.caveat.server.log;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.caveat.Caveat;
import org.caveat.decide.Decision;
import org.caveat.explain.Answer;
import org.caveat.geo.ReferenceGeography;
import org.caveat.json.AnswerWriter;
import org.caveat.json.Json;
import org.caveat.json.RequestDefaults;
import org.caveat.json.RequestReader;
import org.caveat.model.Request;
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
  private final Map<Key, CompletableFuture<Caveat>> engines = new ConcurrentHashMap<>();
  private final Map<String, VersionTexts.Named> known = new ConcurrentHashMap<>();

  /** @param recorded the store's version texts, looked up first */
  public Redecider(LiveEngine live, VersionTexts recorded) {
    this.live = live;
    this.recorded = recorded;
  }

  /** The entry decided again, with its answer's JSON as the service sent it. */
  public Rebuilt rebuild(DecisionEntry e) {
    Caveat engine;
    Request request;
    try {
      engine = engine(e);
      request = request(e);
    } catch (Unreadable | PolicyException | IllegalStateException ex) {
      return new Rebuilt(null, null, ex.getMessage());
    }
    Answer a = engine.answer(request);
    String json = e.assumed().isEmpty() ? AnswerWriter.toJson(a, e.quotes())
        : AnswerWriter.toJson(a, e.quotes(), e.assumed());
    return new Rebuilt(a, json, null);
  }

  /** An entry's verdict decided again (no explanation, no JSON), or why it cannot be. */
  public record Redecided(Decision decision, String problem) {

    /** Whether the stored verdict and determining rules are those decided now. */
    public boolean matches(DecisionEntry e) {
      if (decision == null || !decision.outcome().name().equals(e.decision())) return false;
      List<Decision.GrantVerdict> now = decision.verdicts();
      if (now.size() != e.grants().size()) return false;
      for (int i = 0; i < now.size(); i++) {
        Decision.GrantVerdict g = now.get(i);
        DecisionEntry.GrantVerdict stored = e.grants().get(i);
        if (!g.grant().equals(stored.grant()) || !g.outcome().name().equals(stored.decision())
            || !g.determining().equals(stored.rules())) {
          return false;
        }
      }
      return true;
    }
  }

  /**
   * The entry's verdict decided again, without explaining it: what {@code caveat log verify
   * --redecide} compares. The same verdict and rules as {@link #rebuild}'s answer
   * ({@link Decision#verdicts()}), at a fraction of its cost.
   */
  public Redecided redecide(DecisionEntry e) {
    try {
      return new Redecided(engine(e).decide(request(e)), null);
    } catch (Unreadable | PolicyException | IllegalStateException ex) {
      return new Redecided(null, ex.getMessage());
    }
  }

  /** A logged request that no longer reads (never, unless the store was edited). */
  private static final class Unreadable extends RuntimeException {
    Unreadable(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * The logged request: bound straight from its canonical bytes (no tree), as {@code check} binds
   * a well-formed line; should the binder give up, the general reader says what is wrong.
   */
  private static Request request(DecisionEntry e) {
    Request bound = RequestReader.bind(e.request(), RequestDefaults.NONE, UnaryOperator.identity());
    if (bound != null) return bound;
    JsonNode node;
    try {
      node = Json.MAPPER.readTree(e.request());
    } catch (IOException ex) {
      throw new Unreadable("the logged request is not JSON: " + ex.getMessage());
    }
    RequestReader.Parsed p = RequestReader.read(node);
    if (p.error() != null) throw new Unreadable("the logged request does not read: " + p.error().message());
    return p.request();
  }

  /** A thread's last engine and what it was built for: consecutive entries mostly pin the same versions. */
  private static final class LastEngine {
    List<String> pins;
    Map<String, String> assumed;
    Caveat engine;
  }

  private final ThreadLocal<LastEngine> last = ThreadLocal.withInitial(LastEngine::new);

  /** {@link #cachedEngine}, skipping its key and map look-up when the thread's last entry had the same pins. */
  private Caveat engine(DecisionEntry e) {
    LastEngine m = last.get();
    if (m.engine != null && m.pins.equals(e.versionHashes()) && m.assumed.equals(e.assumed())) return m.engine;
    Caveat engine = cachedEngine(e);
    m.pins = e.versionHashes();
    m.assumed = e.assumed();
    m.engine = engine;
    return engine;
  }

  /**
   * The engine of the entry's pins and overrides, built once: the first caller of a key builds it
   * outside the map (a compile inside {@code computeIfAbsent} would hold the map's bin lock for
   * seconds), later and concurrent callers wait for that build. A failed build is not kept, so a
   * later call tries again (a version may be recorded meanwhile).
   */
  private Caveat cachedEngine(DecisionEntry e) {
    Key key = new Key(e.versionHashes(), new LinkedHashMap<>(e.assumed()));
    CompletableFuture<Caveat> found = engines.get(key);
    if (found == null) {
      if (engines.size() >= MAX_ENGINES) engines.clear();
      CompletableFuture<Caveat> mine = new CompletableFuture<>();
      found = engines.putIfAbsent(key, mine);
      if (found == null) {
        found = mine;
        try {
          mine.complete(build(key));
        } catch (RuntimeException ex) {
          engines.remove(key, mine);
          mine.completeExceptionally(ex);
        }
      }
    }
    try {
      return found.join();
    } catch (java.util.concurrent.CompletionException ex) {
      throw ex.getCause() instanceof RuntimeException r ? r : ex;
    }
  }

  /**
   * Only the pinned versions, in the answer's order, with the overrides that any of them defines
   * (an override naming none of them did not apply to the answer either): one compile.
   */
  private Caveat build(Key key) {
    Caveat.Builder b = builder(key);
    if (!key.assumed().isEmpty()) {
      b.ignoreUndefinedAssumptions();
      key.assumed().forEach(b::assume);
    }
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
