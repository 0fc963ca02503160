package org.caveat.batch;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reader → workers → ordered writer, on every core, in constant memory.
 *
 * <p>The calling thread reads items (reading is the one sequential stage) and cuts them into
 * batches of at most {@code batchSize}; a pool of {@code threads} workers turns whole batches into
 * results; one writer thread hands results to the sink strictly in input order. At most
 * {@code 4 × threads} batches wait between reader and writer (a bounded queue): when the writer
 * falls behind, the reader blocks, so memory does not grow with the input. When the reader says
 * nothing more is ready (a pipe with a slow producer), the batch is cut early, so answers come out
 * promptly instead of after {@code batchSize} items.
 *
 * <p>Every item read is worked and written, or the run fails: the first exception of a worker or
 * of the sink stops reading, the batches already queued are cancelled, and {@link #run} throws it.
 *
 * @param <I> an item as read
 * @param <R> a worked batch, as the sink takes it
 */
public final class OrderedBatches<I, R> {
  /** The sequential source of items. */
  public interface Reader<I> {
    /** The next item, or null at the end of the input. */
    I next() throws IOException;

    /** Whether another item can be read without waiting; asked only when cutting batches early. */
    default boolean ready() throws IOException {
      return true;
    }
  }

  private final String name;
  private final int threads;
  private final int batchSize;
  private final boolean promptly;

  /**
   * @param name     prefix of the thread names ({@code name-worker}, {@code name-writer})
   * @param threads  worker threads, at least 1
   * @param promptly cut a batch whenever the reader has nothing ready (for pipes)
   */
  public OrderedBatches(String name, int threads, int batchSize, boolean promptly) {
    if (threads < 1 || batchSize < 1) throw new IllegalArgumentException("threads and batch size must be 1 or more");
    this.name = name;
    this.threads = threads;
    this.batchSize = batchSize;
    this.promptly = promptly;
  }

  /** The batch after the last one; tells the writer to stop. */
  private final Future<R> end = CompletableFuture.completedFuture(null);

  /**
   * Reads everything, works each batch on a worker and gives the results to {@code sink} in input
   * order, on the writer thread (the sink needs no synchronisation).
   *
   * @throws IOException   from the reader (batches read before it are still worked and written)
   * @throws RuntimeException the first failure of a worker or of the sink (an {@link Error}, or a
   *     checked exception of a worker, is wrapped in an {@link IllegalStateException})
   */
  public void run(Reader<? extends I> reader, Function<List<I>, ? extends R> work, Consumer<? super R> sink)
      throws IOException, InterruptedException {
    BlockingQueue<Future<R>> pending = new ArrayBlockingQueue<>(threads * 4);
    Writer writer = new Writer(pending, sink);
    Thread writerThread = new Thread(writer, name + "-writer");
    writerThread.setDaemon(true);
    ExecutorService workers = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, name + "-worker");
      t.setDaemon(true);
      return t;
    });
    writerThread.start();
    try {
      List<I> batch = new ArrayList<>(batchSize);
      for (I item; writer.failure == null && (item = reader.next()) != null; ) {
        batch.add(item);
        if (batch.size() == batchSize || (promptly && !reader.ready())) {
          List<I> full = batch;
          pending.put(workers.submit(() -> work.apply(full)));
          batch = new ArrayList<>(batchSize);
        }
      }
      if (!batch.isEmpty()) {
        List<I> last = batch;
        pending.put(workers.submit(() -> work.apply(last)));
      }
    } finally {
      pending.put(end);
      writerThread.join();
      workers.shutdownNow();
    }
    if (writer.failure != null) throw writer.failure;
  }

  /** Hands results to the sink in order; after the first failure it keeps draining so the reader never blocks. */
  private final class Writer implements Runnable {
    private final BlockingQueue<Future<R>> pending;
    private final Consumer<? super R> sink;
    volatile RuntimeException failure;

    Writer(BlockingQueue<Future<R>> pending, Consumer<? super R> sink) {
      this.pending = pending;
      this.sink = sink;
    }

    @Override
    public void run() {
      try {
        for (Future<R> f = pending.take(); f != end; f = pending.take()) {
          if (failure != null) {
            f.cancel(true);
            continue;
          }
          try {
            sink.accept(f.get());
          } catch (ExecutionException e) {
            failure = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
          } catch (RuntimeException e) {
            failure = e;
          } catch (Error e) {
            // Caught, not left to end this thread: the run would return as if every result had been written.
            failure = new IllegalStateException(e);
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
