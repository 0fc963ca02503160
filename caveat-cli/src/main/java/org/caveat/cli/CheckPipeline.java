package org.caveat.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.caveat.Caveat;
import org.caveat.json.RequestDefaults;
import org.caveat.json.RequestReader;
import org.caveat.json.RequestStream;

/**
 * Answers a stream of requests on every core while keeping input order.
 *
 * <p>Three stages: the calling thread splits the input into items ({@link RequestStream} is
 * sequential by nature) and cuts them into batches; a pool of workers maps, decides and renders
 * whole batches to UTF-8 bytes; one writer thread writes finished batches strictly in submission
 * order. A bounded queue of pending batches gives back-pressure, so memory stays constant however
 * long the input. When reading a pipe, a batch is also cut early whenever the pipe has nothing more
 * ready, so a slow producer sees its answers promptly instead of after 2,048 requests; files skip
 * that check, which costs a system call per request.
 */
final class CheckPipeline {
  static final int BATCH = 2048;

  private final Caveat caveat;
  private final Renderer renderer;
  private final int threads;
  /** The time of requests without one ({@code --as-of}); a request with a time keeps its own. */
  private final RequestDefaults defaults;

  CheckPipeline(Caveat caveat, Renderer renderer, int threads) {
    this(caveat, renderer, threads, RequestDefaults.NONE);
  }

  CheckPipeline(Caveat caveat, Renderer renderer, int threads, RequestDefaults defaults) {
    this.caveat = caveat;
    this.renderer = renderer;
    this.threads = threads;
    this.defaults = defaults;
  }

  /** A rendered batch: its bytes and how many of its items were malformed. */
  private record Chunk(byte[] bytes, int malformed) {}

  /** The batch after the last one; tells the writer to stop. */
  private static final Future<Chunk> END = CompletableFuture.completedFuture(null);

  /**
   * @param promptly cut a batch as soon as the input has nothing ready (for stdin)
   * @return the number of malformed requests
   */
  long run(InputStream in, boolean promptly, OutputStream out) throws IOException, InterruptedException {
    BlockingQueue<Future<Chunk>> pending = new ArrayBlockingQueue<>(threads * 4);
    Writer writer = new Writer(pending, out);
    Thread writerThread = new Thread(writer, "caveat-writer");
    writerThread.setDaemon(true);
    ExecutorService workers = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "caveat-worker");
      t.setDaemon(true);
      return t;
    });
    writerThread.start();
    // Items are framed here and parsed by the workers: reading is the one sequential stage.
    try (RequestStream items = new RequestStream(in, false)) {
      List<RequestStream.Item> batch = new ArrayList<>(BATCH);
      while (writer.failure == null && items.hasNext()) {
        batch.add(items.next());
        if (batch.size() == BATCH || (promptly && !items.ready())) {
          List<RequestStream.Item> full = batch;
          pending.put(workers.submit(() -> render(full)));
          batch = new ArrayList<>(BATCH);
        }
      }
      if (!batch.isEmpty()) {
        List<RequestStream.Item> last = batch;
        pending.put(workers.submit(() -> render(last)));
      }
    } finally {
      pending.put(END);
      writerThread.join();
      workers.shutdownNow();
    }
    if (writer.failure != null) throw writer.failure;
    return writer.malformed;
  }

  /** Runs on a worker: map, decide and render one batch, in order. */
  private Chunk render(List<RequestStream.Item> batch) {
    Renderer.Batch out = renderer.batch(batch.size());
    int malformed = 0;
    for (RequestStream.Item raw : batch) {
      RequestStream.Item item = raw.parsed();
      if (item.error() != null) {
        out.error(item.error(), item.line());
        malformed++;
        continue;
      }
      RequestReader.Parsed parsed = RequestReader.read(item.node(), defaults);
      if (parsed.error() != null) {
        out.error(parsed.error(), item.line());
        malformed++;
      } else {
        out.answer(caveat.answer(parsed.request()), item.line());
      }
    }
    return new Chunk(out.bytes(), malformed);
  }

  /** Writes chunks in order; on the first failure it keeps draining so the reader never blocks. */
  private static final class Writer implements Runnable {
    private final BlockingQueue<Future<Chunk>> pending;
    private final OutputStream out;
    volatile RuntimeException failure;
    long malformed;

    Writer(BlockingQueue<Future<Chunk>> pending, OutputStream out) {
      this.pending = pending;
      this.out = out;
    }

    @Override
    public void run() {
      try {
        for (Future<Chunk> f = pending.take(); f != END; f = pending.take()) {
          if (failure != null) {
            f.cancel(true);
            continue;
          }
          try {
            Chunk c = f.get();
            out.write(c.bytes());
            out.flush();
            malformed += c.malformed();
          } catch (ExecutionException e) {
            failure = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
          } catch (IOException e) {
            failure = new CliException("cannot write output: " + e.getMessage(), e);
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
