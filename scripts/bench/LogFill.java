import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.caveat.Caveat;
import org.caveat.explain.Answer;
import org.caveat.json.Json;
import org.caveat.json.RequestReader;
import org.caveat.server.decide.LoggedDecisions;
import org.caveat.store.DecisionEntry;
import org.caveat.store.Store;
import org.caveat.store.StoreConfig;

/**
 * Fills a fresh data folder's decision log with real decisions through the public store API, as
 * the service logs a batch of {@code POST /v1/decisions} (the request re-serialised from its parsed
 * tree, decided by the built-in packs, {@code LoggedDecisions.entry}, appended 1,000 per commit),
 * without the HTTP round trips: for {@code caveat log verify --redecide} on a large log. Every 100th
 * request is decided as a what-if ({@code kharkiv_band_depth_km=40}), so the log has entries with
 * overrides too. A benchmark tool, not a test.
 *
 * <pre>
 * java -cp caveat-bench/target/benchmarks.jar org.caveat.bench.GenerateRequests 1000000 42 > requests.ndjson
 * java -cp caveat-cli/target/caveat.jar scripts/bench/LogFill.java requests.ndjson DATA_DIR
 * </pre>
 */
public final class LogFill {
  public static void main(String[] args) throws Exception {
    Path requests = Path.of(args[0]);
    Caveat engine = Caveat.builder().build();
    Map<String, String> assumed = Map.of("kharkiv_band_depth_km", "40");
    Caveat whatIf = Caveat.builder().assume("kharkiv_band_depth_km", "40").build();
    Instant time = Instant.parse("2026-12-06T00:00:00Z");
    long n = 0;
    try (Store store = Store.open(StoreConfig.sqlite(Path.of(args[1])));
         BufferedReader in = Files.newBufferedReader(requests, StandardCharsets.UTF_8)) {
      List<DecisionEntry> batch = new ArrayList<>(1000);
      for (String line; (line = in.readLine()) != null; ) {
        if (line.isBlank()) continue;
        JsonNode node = Json.MAPPER.readTree(line);
        String json = Json.MAPPER.writeValueAsString(node);
        boolean what = n % 100 == 99;
        Caveat c = what ? whatIf : engine;
        Answer a = c.answer(RequestReader.read(node).request());
        batch.add(LoggedDecisions.entry(a.id(), time.plusMillis(n), json.getBytes(StandardCharsets.UTF_8), a, c,
            what ? assumed : Map.of(), false));
        n++;
        if (batch.size() == 1000) {
          store.log().appendAll(batch).join();
          batch.clear();
        }
      }
      if (!batch.isEmpty()) store.log().appendAll(batch).join();
      System.out.println(n + " decisions logged; log size " + store.log().head().size());
    }
  }
}
