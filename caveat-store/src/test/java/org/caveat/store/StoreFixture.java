package org.caveat.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.function.IntConsumer;

/** What the contract parts need from the running test: the open store, its clock, raw JDBC. */
interface StoreFixture {

  Store store();

  TestClock clock();

  StoreConfig config();

  /** A raw connection to the same database, for looking behind the store's back. */
  Connection raw() throws SQLException;

  /**
   * Runs {@code work(0..threads-1)} on as many threads released at once, and returns what each
   * threw (in no particular order; empty when none did).
   */
  default List<Throwable> race(int threads, IntConsumer work) throws InterruptedException {
    return racing(threads, work);
  }

  /** {@link #race} without a running test (e.g. several stores of one test). */
  static List<Throwable> racing(int threads, IntConsumer work) throws InterruptedException {
    CyclicBarrier start = new CyclicBarrier(threads);
    List<Throwable> thrown = Collections.synchronizedList(new ArrayList<>());
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int n = t;
      workers.add(new Thread(() -> {
        try {
          start.await();
          work.accept(n);
        } catch (Throwable e) {
          thrown.add(e);
        }
      }));
    }
    workers.forEach(Thread::start);
    for (Thread w : workers) {
      w.join();
    }
    return new ArrayList<>(thrown);
  }
}
