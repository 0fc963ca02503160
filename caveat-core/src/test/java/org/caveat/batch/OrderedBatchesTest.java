package org.caveat.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The pipeline's guarantees: input order, bounded memory, every item written or the run failed. */
class OrderedBatchesTest {
  /** Reads 0, 1, 2, … up to {@code count}, counting reads; {@code readyEvery} > 0 says "nothing ready" after every n-th. */
  private static final class Numbers implements OrderedBatches.Reader<Integer> {
    final AtomicInteger read = new AtomicInteger();
    volatile boolean done;
    private final int count;
    private final int readyEvery;

    Numbers(int count, int readyEvery) {
      this.count = count;
      this.readyEvery = readyEvery;
    }

    @Override
    public Integer next() {
      if (read.get() == count) {
        done = true;
        return null;
      }
      return read.getAndIncrement();
    }

    @Override
    public boolean ready() {
      return readyEvery == 0 || read.get() % readyEvery != 0;
    }
  }

  @Test
  void resultsComeOutInInputOrderWhicheverBatchFinishesFirst() throws Exception {
    CountDownLatch secondDone = new CountDownLatch(1);
    List<Integer> finished = new CopyOnWriteArrayList<>();
    List<Integer> out = new ArrayList<>();
    new OrderedBatches<Integer, List<Integer>>("test", 2, 3, false).run(new Numbers(30, 0), batch -> {
      int index = batch.get(0) / 3;
      if (index == 0) await(secondDone);
      finished.add(index);
      if (index == 1) secondDone.countDown();
      return batch;
    }, out::addAll);
    assertThat(finished.indexOf(1)).isLessThan(finished.indexOf(0));
    assertThat(out).containsExactlyElementsOf(IntStream.range(0, 30).boxed().toList());
  }

  @Test
  void theReaderWaitsForASlowWriterSoMemoryIsBounded() throws Exception {
    int threads = 2;
    int batchSize = 3;
    Numbers numbers = new Numbers(300, 0);
    Thread reader = Thread.currentThread();
    AtomicInteger written = new AtomicInteger();
    AtomicInteger mostAhead = new AtomicInteger();
    new OrderedBatches<Integer, List<Integer>>("test", threads, batchSize, false).run(numbers, batch -> batch, batch -> {
      // A slow writer: each result waits until the reader is blocked (or has read everything).
      while (!numbers.done && reader.getState() != Thread.State.WAITING) Thread.onSpinWait();
      mostAhead.accumulateAndGet(numbers.read.get() - written.get(), Math::max);
      written.addAndGet(batch.size());
    });
    assertThat(written.get()).isEqualTo(300);
    // The batch being written, 4 per worker queued, and the one the reader is handing over.
    assertThat(mostAhead.get()).isLessThanOrEqualTo((threads * 4 + 2) * batchSize);
  }

  @Test
  void promptlyCutsABatchWheneverNothingMoreIsReady() throws Exception {
    List<Integer> sizes = new ArrayList<>();
    new OrderedBatches<Integer, Integer>("test", 2, 100, true).run(new Numbers(12, 3), List::size, sizes::add);
    assertThat(sizes).containsExactly(3, 3, 3, 3);
    sizes.clear();
    new OrderedBatches<Integer, Integer>("test", 2, 100, false).run(new Numbers(12, 3), List::size, sizes::add);
    assertThat(sizes).containsExactly(12);
  }

  @Test
  void aFailingWorkerFailsTheRunAfterTheBatchesBeforeIt() {
    IllegalArgumentException boom = new IllegalArgumentException("boom");
    List<Integer> out = new ArrayList<>();
    Numbers numbers = new Numbers(100_000, 0);
    assertThatThrownBy(() -> new OrderedBatches<Integer, List<Integer>>("test", 2, 10, false).run(numbers, batch -> {
      if (batch.get(0) == 20) throw boom;
      return batch;
    }, out::addAll)).isSameAs(boom);
    assertThat(out).containsExactlyElementsOf(IntStream.range(0, 20).boxed().toList());
    assertThat(numbers.read.get()).isLessThan(100_000);
  }

  @Test
  void anErrorOfAWorkerIsWrapped() {
    StackOverflowError error = new StackOverflowError();
    assertThatThrownBy(() -> new OrderedBatches<Integer, Integer>("test", 1, 10, false).run(new Numbers(5, 0), batch -> {
      throw error;
    }, r -> {})).isInstanceOf(IllegalStateException.class).hasCause(error);
  }

  @Test
  void aFailingSinkFailsTheRunAndGetsNothingAfter() {
    AtomicInteger calls = new AtomicInteger();
    IllegalStateException full = new IllegalStateException("disk full");
    assertThatThrownBy(() -> new OrderedBatches<Integer, List<Integer>>("test", 2, 10, false).run(new Numbers(1000, 0),
        batch -> batch, batch -> {
          calls.incrementAndGet();
          throw full;
        })).isSameAs(full);
    assertThat(calls.get()).isEqualTo(1);
  }

  @Test
  void anErrorOfTheSinkFailsTheRunToo() {
    // Two batches and the end fit the queue: a writer thread killed by the error once let the run
    // return as if every line had been written.
    StackOverflowError error = new StackOverflowError();
    assertThatThrownBy(() -> new OrderedBatches<Integer, List<Integer>>("test", 1, 1, false).run(new Numbers(2, 0),
        batch -> batch, batch -> {
          throw error;
        })).isInstanceOf(IllegalStateException.class).hasCause(error);
  }

  @Test
  void aReadFailureIsThrownAfterTheBatchesAlreadyReadAreWritten() {
    IOException broken = new IOException("broken pipe");
    List<Integer> out = new ArrayList<>();
    OrderedBatches.Reader<Integer> reader = new OrderedBatches.Reader<>() {
      int n;

      @Override
      public Integer next() throws IOException {
        if (n == 5) throw broken;
        return n++;
      }
    };
    assertThatThrownBy(() -> new OrderedBatches<Integer, List<Integer>>("test", 2, 2, false).run(reader, b -> b,
        out::addAll)).isSameAs(broken);
    assertThat(out).containsExactly(0, 1, 2, 3);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
