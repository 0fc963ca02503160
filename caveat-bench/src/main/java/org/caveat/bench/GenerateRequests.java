package org.caveat.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import org.caveat.model.Request;

/**
 * Writes {@link Workload} requests as NDJSON on stdout, for end-to-end runs of {@code caveat check}:
 * {@code java -cp caveat-bench/target/benchmarks.jar org.caveat.bench.GenerateRequests 100000 42}.
 */
public final class GenerateRequests {
  private GenerateRequests() {}

  public static void main(String[] args) throws IOException {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    long seed = args.length > 1 ? Long.parseLong(args[1]) : 42;
    try (BufferedWriter out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16)) {
      for (Request r : Workload.requests(n, seed)) {
        out.write(Workload.ndjson(r));
        out.write('\n');
      }
    }
  }
}
