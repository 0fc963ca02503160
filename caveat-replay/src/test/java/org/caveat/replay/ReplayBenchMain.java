package org.caveat.replay;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.caveat.Caveat;

/**
 * The replay benchmark's driver (scripts/bench/replay.sh), run on the module's classpath so it
 * does not depend on the CLI jar: {@code gen ROWS SEED FILE} writes synthetic rows;
 * {@code replay FILE THREADS OUT} replays them with the default mapping and the built-in packs
 * exactly as {@code caveat replay FILE --summary --out OUT --threads THREADS} does (decisions to
 * OUT, the summary on stdout), and prints the wall time and the heap used on stderr.
 */
public final class ReplayBenchMain {
  private ReplayBenchMain() {}

  public static void main(String[] args) throws Exception {
    if (args[0].equals("gen")) {
      try (Writer w = Files.newBufferedWriter(Path.of(args[3]), StandardCharsets.UTF_8)) {
        new EventGenerator(Long.parseLong(args[2]), EventGenerator.Variant.MODERN).write(Long.parseLong(args[1]), w);
      }
      return;
    }
    long start = System.nanoTime();
    Caveat caveat = Caveat.builder().build();
    Mapping mapping = Mapping.defaults();
    long ready = System.nanoTime();
    // An optional 5th argument replays the file that many times first (JIT warm-up), reporting each
    // round's wall and process CPU time: on a shared machine CPU time is the steadier figure.
    int warmUps = args.length > 4 ? Integer.parseInt(args[4]) : 0;
    var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    for (int i = 0; i < warmUps; i++) {
      long w0 = System.nanoTime();
      long c0 = os.getProcessCpuTime();
      Summary s = new Summary();
      try (BufferedInputStream in = new BufferedInputStream(Files.newInputStream(Path.of(args[1])), 1 << 16);
           EventSource source = EventFormat.detect(in).open(in, mapping)) {
        new ReplayRunner(caveat, List.of(), new DecisionRenderer(false), Integer.parseInt(args[2]), null)
            .run(source, OutputStream.nullOutputStream(), s);
      }
      System.err.printf("warm-up %d: %d rows, wall %.2fs, process CPU %.2fs (%.1f µs/row)%n", i + 1, s.events(),
          (System.nanoTime() - w0) / 1e9, (os.getProcessCpuTime() - c0) / 1e9,
          (os.getProcessCpuTime() - c0) / 1e3 / s.events());
    }
    ready = System.nanoTime();
    long cpu0 = os.getProcessCpuTime();
    Summary summary = new Summary();
    try (BufferedInputStream in = new BufferedInputStream(Files.newInputStream(Path.of(args[1])), 1 << 16);
         OutputStream out = new BufferedOutputStream(Files.newOutputStream(Path.of(args[3])), 1 << 16);
         EventSource source = EventFormat.detect(in).open(in, mapping)) {
      new ReplayRunner(caveat, List.of(), new DecisionRenderer(false), Integer.parseInt(args[2]), null)
          .run(source, out, summary);
    } catch (IOException e) {
      throw e;
    }
    long end = System.nanoTime();
    long cpu = os.getProcessCpuTime() - cpu0;
    System.out.print(summary.table());
    Runtime rt = Runtime.getRuntime();
    System.err.printf("threads=%s rows=%d start-up=%.2fs replay=%.2fs total=%.2fs rows/s=%.0f process-CPU=%.2fs"
        + " (%.1f µs/row) heap-used-at-end=%dMB%n", args[2], summary.events(), (ready - start) / 1e9,
        (end - ready) / 1e9, (end - start) / 1e9, summary.events() / ((end - ready) / 1e9), cpu / 1e9,
        cpu / 1e3 / summary.events(), (rt.totalMemory() - rt.freeMemory()) >> 20);
  }
}
