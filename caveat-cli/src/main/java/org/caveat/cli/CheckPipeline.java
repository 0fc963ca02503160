package org.caveat.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.caveat.Caveat;
import org.caveat.json.RequestDefaults;
import org.caveat.batch.OrderedBatches;
import org.caveat.json.RequestReader;
import org.caveat.json.RequestStream;

/**
 * Answers a stream of requests on every core while keeping input order.
 *
 * <p>The stages are core's {@link OrderedBatches}: the calling thread splits the input into items
 * ({@link RequestStream} is sequential by nature); workers map, decide and render whole batches to
 * UTF-8 bytes; the writer writes them in input order, with back-pressure, so memory stays constant
 * however long the input. When reading a pipe, a batch is also cut early whenever the pipe has
 * nothing more ready, so a slow producer sees its answers promptly instead of after a whole
 * batch; files skip that check, which costs a system call per request.
 *
 * <p>Batches are small (256 requests, ~6 ms of work): what is queued between the stages is live
 * at every young collection and is copied by it, so 2,048-request batches (~15 MB queued) made
 * each collection copy and promote ~10 MB; 256 keep it near 2 MB, while a batch still costs the
 * hand-over (a task and a future) once per ~6 ms.
 */
final class CheckPipeline {
  static final int BATCH = 256;

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

  /** A rendered batch: its output and how many of its items were malformed. */
  private record Chunk(Renderer.Batch output, int malformed) {}

  /**
   * @param promptly cut a batch as soon as the input has nothing ready (for stdin)
   * @return the number of malformed requests
   */
  long run(InputStream in, boolean promptly, OutputStream out) throws IOException, InterruptedException {
    AtomicLong malformed = new AtomicLong();
    // Items are framed here and parsed by the workers: reading is the one sequential stage.
    try (RequestStream items = new RequestStream(in, false)) {
      OrderedBatches.Reader<RequestStream.Item> reader = new OrderedBatches.Reader<>() {
        @Override
        public RequestStream.Item next() {
          return items.hasNext() ? items.next() : null;
        }

        @Override
        public boolean ready() throws IOException {
          return items.ready();
        }
      };
      new OrderedBatches<RequestStream.Item, Chunk>("caveat", threads, BATCH, promptly).run(reader, this::render, c -> {
        try {
          c.output().writeTo(out);
          out.flush();
        } catch (IOException e) {
          throw new CliException("cannot write output: " + e.getMessage(), e);
        }
        malformed.addAndGet(c.malformed());
      });
    }
    return malformed.get();
  }

  /** Runs on a worker: map, decide and render one batch, in order. */
  private Chunk render(List<RequestStream.Item> batch) {
    Renderer.Batch out = renderer.batch(batch.size());
    int malformed = 0;
    // Parsed here, on the worker: bound from the lines' bytes (one parser for the batch's one-line
    // requests), or each item's syntax or request error.
    RequestReader.Parsed[] read = RequestReader.read(batch, defaults);
    for (int i = 0; i < read.length; i++) {
      RequestStream.Item item = batch.get(i);
      RequestReader.Parsed parsed = read[i];
      if (parsed.error() != null) {
        out.error(parsed.error(), item.line());
        malformed++;
      } else {
        out.answer(caveat.answer(parsed.request()), item.line());
      }
    }
    return new Chunk(out, malformed);
  }
}
