package org.caveat.server.decide;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waiting a bounded time for a future on the calling thread. */
final class Waits {
  private Waits() {}

  /**
   * The future's value if it completes within {@code millis}, else null (the future goes on). A
   * failure is thrown as it is (a {@code StoreException}, a refusal), as the future's dependants
   * would have seen it; an interrupt gives null with the thread's flag set again.
   */
  static <T> T briefly(CompletableFuture<T> future, long millis) {
    try {
      return future.get(millis, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) throw r;
      if (cause instanceof Error err) throw err;
      throw new IllegalStateException("a decision's log append failed", cause);
    }
  }
}
