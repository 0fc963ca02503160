package org.caveat.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A one-line progress display on stderr for long replays: a bar, the share of the input read,
 * rows, rows per second and the estimated time left (from bytes read against the file size).
 * Redrawn in place with a carriage return, a few times a second, by a daemon thread; used only
 * when stderr is a terminal. {@link #render} is a pure function so it can be tested; the clock
 * is injected.
 */
final class ProgressBar implements AutoCloseable {
  static final int BAR = 24;

  private final PrintWriter err;
  private final Clock clock;
  private final Instant start;
  private final long totalBytes;
  private final LongSupplier bytes;
  private final LongSupplier rows;
  private final Thread ticker;
  private volatile boolean done;
  private int lastWidth;

  ProgressBar(PrintWriter err, Clock clock, long totalBytes, LongSupplier bytes, LongSupplier rows) {
    this.err = err;
    this.clock = clock;
    this.start = clock.instant();
    this.totalBytes = totalBytes;
    this.bytes = bytes;
    this.rows = rows;
    this.ticker = new Thread(this::tick, "caveat-progress");
    ticker.setDaemon(true);
  }

  ProgressBar start() {
    ticker.start();
    return this;
  }

  /**
   * The progress line, e.g. {@code [###########.............]  45%  450,000 rows  90,000 rows/s  ETA 0:06}.
   * Without a known size (a pipe) the bar and ETA are left out.
   */
  static String render(long rows, long bytesRead, long totalBytes, Duration elapsed) {
    StringBuilder b = new StringBuilder();
    double seconds = elapsed.toMillis() / 1000.0;
    if (totalBytes > 0) {
      double share = Math.min(1.0, (double) bytesRead / totalBytes);
      int filled = (int) Math.floor(share * BAR);
      b.append('[').append("#".repeat(filled)).append(".".repeat(BAR - filled)).append(']');
      b.append(String.format(Locale.ROOT, " %3d%%", (int) Math.floor(share * 100)));
    }
    b.append(String.format(Locale.ROOT, "  %,d rows", rows));
    if (seconds > 0) b.append(String.format(Locale.ROOT, "  %,d rows/s", Math.round(rows / seconds)));
    if (totalBytes > 0 && bytesRead > 0 && seconds > 0) {
      long left = Math.max(0, Math.round(seconds * (totalBytes - bytesRead) / bytesRead));
      b.append(String.format(Locale.ROOT, "  ETA %d:%02d", left / 60, left % 60));
    }
    return b.toString().strip();
  }

  private void tick() {
    while (!done) {
      draw();
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private synchronized void draw() {
    if (done) return;
    String line = render(rows.getAsLong(), bytes.getAsLong(), totalBytes, Duration.between(start, clock.instant()));
    err.print("\r" + line + " ".repeat(Math.max(0, lastWidth - line.length())));
    err.flush();
    lastWidth = line.length();
  }

  /** Prints a message on its own line (e.g. a bad row), then the bar again. */
  synchronized void println(String message) {
    err.print("\r" + " ".repeat(lastWidth) + "\r");
    err.println(message);
    lastWidth = 0;
    err.flush();
  }

  @Override
  public synchronized void close() {
    done = true;
    ticker.interrupt();
    err.print("\r" + " ".repeat(lastWidth) + "\r");
    err.flush();
  }
}
