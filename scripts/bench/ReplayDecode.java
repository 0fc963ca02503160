package org.caveat.replay;

import java.io.BufferedInputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The replay's decode step alone (CSV split, checks, the default mapping, request assembly: what
 * {@code EventSource.decode} does on a worker) over the first N records of an ACLED file, in the
 * thread CPU time of each round (steadier than wall time on a shared machine); the best round
 * after two warm-ups is the figure. In the replay's package, so it runs against any build's jar:
 *   mkdir -p /tmp/rd && javac -d /tmp/rd -cp caveat-cli/target/caveat.jar scripts/bench/ReplayDecode.java
 *   java -Xmx512m -XX:+UseParallelGC -cp caveat-cli/target/caveat.jar:/tmp/rd org.caveat.replay.ReplayDecode FILE 200000 8
 */
public final class ReplayDecode {
  private ReplayDecode() {}

  public static void main(String[] args) throws Exception {
    int n = Integer.parseInt(args[1]);
    int rounds = Integer.parseInt(args[2]);
    Mapping mapping = Mapping.defaults();
    List<EventSource.Framed> items = new ArrayList<>();
    EventSource source = EventFormat.ACLED.open(
        new BufferedInputStream(Files.newInputStream(Path.of(args[0])), 1 << 16), mapping);
    for (EventSource.Framed f; items.size() < n && (f = source.next()) != null; ) items.add(f);
    var threads = ManagementFactory.getThreadMXBean();
    double best = Double.MAX_VALUE;
    StringBuilder each = new StringBuilder();
    long lines = 0;
    for (int r = 0; r < rounds; r++) {
      long cpu = threads.getCurrentThreadCpuTime();
      for (EventSource.Framed f : items) lines += source.decode(f, null).line();
      double perRow = (threads.getCurrentThreadCpuTime() - cpu) / 1e3 / items.size();
      if (r >= 2) best = Math.min(best, perRow);
      each.append(String.format(" %.2f", perRow));
    }
    System.out.printf("%d records, decode CPU µs/row: best %.2f; rounds%s (checksum %d)%n", items.size(), best, each, lines);
  }
}
