package org.caveat.server.policy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * A bounded memo of expensive values (engines with overrides, permitted-area grids): at most
 * {@code max} entries, least recently used out first. Concurrent callers for the same key wait for
 * one computation; the lock is held only to find or register it, never while computing. A failed
 * computation (exception or error) is forgotten and its failure rethrown to every waiting caller.
 */
public final class Memo<K, V> {
  private final Map<K, CompletableFuture<V>> values;

  public Memo(int max) {
    this.values = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<K, CompletableFuture<V>> eldest) {
        return size() > max;
      }
    };
  }

  public V get(K key, Supplier<V> compute) {
    CompletableFuture<V> mine = new CompletableFuture<>(), found;
    synchronized (values) {
      found = values.putIfAbsent(key, mine);
    }
    if (found != null) {
      try {
        return found.join();
      } catch (CompletionException e) {
        throw e.getCause() instanceof RuntimeException r ? r : e;
      }
    }
    try {
      V v = compute.get();
      mine.complete(v);
      return v;
    } catch (RuntimeException | Error e) {
      // An Error too (a build running out of memory): left registered, its future would never
      // complete and every later caller for the key would wait for it forever.
      synchronized (values) {
        values.remove(key, mine);
      }
      mine.completeExceptionally(e);
      throw e;
    }
  }
}
