package org.caveat.server.http;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.caveat.server.problem.Problems;

/**
 * At most {@code max} requests in progress per token. A request beyond that is refused at once
 * (429, before its body is read) instead of waiting for a thread, so one client's slow or large
 * requests hold at most {@code max} of the server's threads and the others keep being served.
 * Requests without a token (only public routes take them) are not counted: they read no body.
 */
public final class TokenLimits {
  private final int max;
  private final ConcurrentHashMap<String, AtomicInteger> inProgress = new ConcurrentHashMap<>();

  public TokenLimits(int max) {
    this.max = max;
  }

  /** A slot for {@code token}, released by closing it; 429 when the token has none left. */
  public Slot acquire(String token) {
    AtomicInteger n = inProgress.computeIfAbsent(token, t -> new AtomicInteger());
    if (n.incrementAndGet() > max) {
      n.decrementAndGet();
      throw Problems.tooManyRequests("token `" + token + "` already has " + max + " requests in progress, the most"
          + " one token may have (--max-requests-per-token); retry when one of them is answered");
    }
    return new Slot(n);
  }

  /**
   * A request's place among its token's requests in progress. Closing it twice frees it once: a
   * handler may leave it early ({@link Routes#leaveSlot}) and the route closes it again at the end.
   * Used by the request's own thread only.
   */
  public static final class Slot implements AutoCloseable {
    private AtomicInteger held;

    private Slot(AtomicInteger held) {
      this.held = held;
    }

    @Override
    public void close() {
      if (held == null) return;
      held.decrementAndGet();
      held = null;
    }
  }
}
