package org.caveat.replay;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.caveat.Caveat;
import org.caveat.batch.OrderedBatches;
import org.caveat.decide.Outcome;
import org.caveat.explain.Answer;

/**
 * Replays an event source on every core, in constant memory, keeping input order.
 *
 * <p>The stages are core's {@link OrderedBatches}, as in {@code caveat check}: the calling thread
 * frames items (the only sequential work); workers decode, map, decide and render whole batches;
 * the writer takes finished batches strictly in input order, writes their bytes and hands each
 * event to the listener. A bounded queue of pending batches (4 per worker, {@link #BATCH} events each) gives back-pressure, so
 * memory does not grow with the input.
 */
public final class ReplayRunner {
  /**
   * Events per batch. Up to {@code 4 × threads} batches wait between reader and writer, each event
   * with its request, answer and rendered line: with 2,048 events and two workers that was ~16,000
   * events alive at once, copied by every young collection and pushing peak RSS over 512 MB on a
   * 1M-row replay with {@code -Xmx512m}; 512 keeps a batch's fixed costs negligible.
   */
  public static final int BATCH = 512;

  /** Receives every event in input order, on the writer thread (no synchronisation needed). */
  public interface Listener {
    void accept(ReplayEvent event);
  }

  /**
   * Receives each finished batch in input order, on the writer thread: its events and their
   * rendered bytes (null without a renderer). For callers that must do something before the bytes
   * go out, such as the service logging every decision durably before answering it.
   */
  public interface Sink {
    void accept(List<ReplayEvent> events, byte[] bytes) throws IOException;
  }

  private final Caveat caveat;
  private final List<Caveat> variants;
  private final DecisionRenderer renderer;
  private final int threads;
  private final Instant asOf;

  /**
   * @param caveat   the engine deciding each request (its answer is rendered and listened to)
   * @param variants engines for {@code --vary} (each request is also decided by each), or empty
   * @param renderer how answers become output bytes, or null for no output
   * @param asOf     time for requests without one, or null
   */
  public ReplayRunner(Caveat caveat, List<Caveat> variants, DecisionRenderer renderer, int threads, Instant asOf) {
    this.caveat = caveat;
    this.variants = List.copyOf(variants);
    this.renderer = renderer;
    this.threads = Math.max(1, threads);
    this.asOf = asOf;
  }

  private record Chunk(List<ReplayEvent> events, byte[] bytes) {}

  /** Runs the whole source; {@code out} may be null when nothing is rendered. */
  public void run(EventSource source, OutputStream out, Listener listener) throws IOException, InterruptedException {
    run(source, (events, bytes) -> {
      if (out != null && bytes != null) out.write(bytes);
      for (ReplayEvent e : events) listener.accept(e);
    });
    if (out != null) out.flush();
  }

  /** Runs the whole source, handing each batch to {@code sink} in input order. */
  public void run(EventSource source, Sink sink) throws IOException, InterruptedException {
    new OrderedBatches<EventSource.Framed, Chunk>("caveat-replay", threads, BATCH, false)
        .run(source::next, batch -> process(source, batch), c -> {
          try {
            sink.accept(c.events(), c.bytes());
          } catch (IOException e) {
            throw new ReplayException("cannot write output: " + e.getMessage(), e);
          }
        });
  }

  /** On a worker: decode, decide and render one batch, in order. */
  private Chunk process(EventSource source, List<EventSource.Framed> batch) {
    List<ReplayEvent> events = new ArrayList<>(batch.size());
    DecisionRenderer.Batch rendered = renderer == null ? null : renderer.batch(batch.size());
    for (EventSource.Framed f : batch) {
      ReplayEvent e = source.decode(f, asOf);
      if (e.request() != null) {
        Answer a = caveat.answer(e.request());
        Outcome[] v = null;
        if (!variants.isEmpty()) {
          v = new Outcome[variants.size()];
          for (int i = 0; i < v.length; i++) v[i] = variants.get(i).decide(e.request()).outcome();
        }
        e = new ReplayEvent(e.line(), e.id(), e.request(), a, List.of(), null, v);
      }
      if (rendered != null) rendered.add(e);
      events.add(e);
    }
    return new Chunk(events, rendered == null ? null : rendered.bytes());
  }
}
