package org.caveat.server.policy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.caveat.Caveat;
import org.caveat.GrantInfo;
import org.caveat.policy.PolicyVersion;
import org.caveat.store.PublishedVersion;
import org.caveat.store.PublishedVersions;
import org.caveat.store.StoreException;
import org.caveat.store.VersionTexts;

/**
 * The engine in force. Decisions read it without locking; publishing builds a new engine off
 * to the side and swaps it in with one atomic write, so every decision sees either the old policy
 * or the new one, never a mixture. A version takes effect from its own {@code in_force} date
 * because the engine picks the version in force at each request's time.
 *
 * <p>Several processes (replicas on one PostgreSQL) may publish: each remembers the
 * {@link PublishedVersions#revision()} its engine was built from, and a {@link PolicyWatcher}
 * reloads when the store's differs and, through {@link #guardWith}, stops the engine from being
 * used while it cannot confirm it is current.
 */
public final class LiveEngine {
  private final EngineFactory factory;
  private final PublishedVersions published;
  private final VersionTexts recordTo;
  private final AtomicReference<Pinned> current = new AtomicReference<>();
  /** The published versions' revision the engine in force was built from. */
  private volatile String revision;
  /** Run before the engine in force is handed out; throws when it may be stale. */
  private volatile Runnable guard = () -> { };

  /**
   * The engine in force at one moment and the published versions it was built from, so that an
   * engine derived from it (a what-if) decides with the same policy even after a publish.
   */
  public record Pinned(Caveat engine, Map<String, String> publishedVersions) {}

  /**
   * Builds the first engine at once, so a bad pack or published version fails at start-up; so
   * does a published version that differs from the one the decision log holds (edited behind the
   * service's back), since deciding with it would silently change decisions.
   *
   * @throws StoreException naming each difference and the way out
   */
  public LiveEngine(EngineFactory factory, PublishedVersions published) {
    this(factory, published, null);
  }

  /**
   * As above, and records the text of every version of each engine it builds (at start and at
   * every reload) in {@code recordTo} by content hash, so that a log entry pinning one can be
   * decided again after a later release changed or dropped its pack file.
   *
   * @param recordTo where version texts are kept; null for a reader that must not write (the CLI)
   */
  public LiveEngine(EngineFactory factory, PublishedVersions published, VersionTexts recordTo) {
    this.factory = factory;
    this.published = published;
    this.recordTo = recordTo;
    String builtFrom = published.revision(); // before the rows: a publish in between is seen by the next check
    List<PublishedVersion> rows = published.all(); // read once: checked, then built
    List<String> problems = published.check(rows);
    if (!problems.isEmpty()) {
      throw new StoreException("the published versions do not match the decision log, so nothing is served:\n  - "
          + String.join("\n  - ", problems) + "\nRun `caveat log verify` to check the log, then `caveat log"
          + " restore-versions` to rewrite the published versions from it.");
    }
    swap(pinned(files(rows)));
    revision = builtFrom;
  }

  /**
   * Has {@code check} run before the engine in force is handed out ({@link #current()},
   * {@link #pin()}); it throws (a {@code StoreException}) when the engine may be stale, so nothing is
   * decided with a policy that may have been replaced elsewhere.
   */
  public void guardWith(Runnable check) {
    this.guard = java.util.Objects.requireNonNull(check, "check");
  }

  public Caveat current() {
    guard.run();
    return current.get().engine();
  }

  /** The engine in force now, with what it was built from; a batch decides with one pin throughout. */
  public Pinned pin() {
    guard.run();
    return current.get();
  }

  /** The engine as it would be with one more version file; throws PolicyException if invalid. */
  public Caveat withCandidate(String fileName, String yaml) {
    Map<String, String> files = new LinkedHashMap<>(pin().publishedVersions());
    files.put(fileName, yaml);
    return factory.build(files);
  }

  /**
   * The engine of {@code base} with assumption overrides (a what-if), built anew from the versions
   * {@code base} was built from; callers cache it ({@link WhatIfEngines}). Throws PolicyException
   * for an unknown name or a bad value.
   */
  public Caveat withAssumptions(Pinned base, Map<String, String> assumptions) {
    return factory.build(base.publishedVersions(), assumptions);
  }

  /** Rebuilds from the store's published versions and swaps the result in. */
  public synchronized void reload() {
    String builtFrom = published.revision();
    List<PublishedVersion> rows = published.all();
    swap(pinned(files(rows)));
    revision = builtFrom;
  }

  /**
   * Reloads when the store's published versions are no longer those of the engine in force
   * ({@code storeRevision}, just read from {@link PublishedVersions#revision()}).
   *
   * @return whether it reloaded
   */
  public synchronized boolean reloadIfChanged(String storeRevision) {
    if (storeRevision.equals(revision)) return false;
    reload();
    return true;
  }

  private Pinned pinned(Map<String, String> files) {
    return new Pinned(factory.build(files), Collections.unmodifiableMap(files));
  }

  private void swap(Pinned policy) {
    if (recordTo != null) recordTo.record(versionFiles(policy).values());
    current.set(policy);
  }

  /** File name ({@code grant/version.yaml}) and text of every version of the engine in force, by content hash. */
  public Map<String, VersionTexts.Named> versionFiles() {
    return versionFiles(pin());
  }

  private Map<String, VersionTexts.Named> versionFiles(Pinned policy) {
    Map<String, String> publishedTexts = policy.publishedVersions();
    Map<String, VersionTexts.Named> out = new LinkedHashMap<>();
    for (GrantInfo g : policy.engine().grants()) {
      for (var v : g.versions()) {
        PolicyVersion p = v.policy();
        String text = publishedTexts.get(p.file());
        if (text == null) text = factory.packText(p).orElse(null);
        if (text != null) out.put(p.contentHash(), new VersionTexts.Named(p.grant() + "/" + p.version() + ".yaml", text));
      }
    }
    return out;
  }

  /**
   * The YAML text of a version in force in the live engine: as published if it was, else its pack
   * (from what the engine in force was built from, not a fresh read of the store).
   */
  public Optional<String> text(PolicyVersion v) {
    return Optional.ofNullable(pin().publishedVersions().get(v.file())).or(() -> factory.packText(v));
  }

  /** Whether the version came in through a published change request (rather than a pack). */
  public boolean isPublished(PolicyVersion v) {
    return pin().publishedVersions().containsKey(v.file());
  }

  private static Map<String, String> files(List<PublishedVersion> rows) {
    Map<String, String> files = new LinkedHashMap<>();
    for (PublishedVersion v : rows) files.put(v.fileName(), v.yamlText());
    return files;
  }
}
