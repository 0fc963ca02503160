package org.caveat.server.decide;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.caveat.json.RequestDefaults;
import org.caveat.json.RequestStream;
import org.caveat.server.ops.Metrics;
import org.caveat.server.policy.EngineFactory;
import org.caveat.server.policy.LiveEngine;
import org.caveat.store.LogHead;
import org.caveat.store.Store;
import org.caveat.store.StoreConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The batch route's log, pinned: a fixed NDJSON body of 3,000 generated lines (compact, spaced as
 * Python's {@code json.dumps} writes, numbers in every form, escapes, unknown members, what-ifs,
 * broken lines; then requests with coordinates written by Double.toString, by format, as floats,
 * as exact decimals, with and without a time) read as {@link BatchWriter} reads it, decided and logged in groups with a fixed
 * clock, must give the same Merkle root and the same answer bytes as the code of {@code main} at
 * 44a457d gave (the values below were taken from it, before the batch path was changed). A change
 * to the log's copy of a request, its leaves or the answers changes one of them.
 */
class BatchLogGoldenTest {
  private static final Instant NOW = Instant.parse("2026-12-07T04:00:00.123456789Z");

  @TempDir
  Path dir;

  @ParameterizedTest
  @CsvSource({
      "'',1004,ed0275bb6b5b1628acf5ea4317aed385e17d4328e527b1f52adb7fc5aad7ac79,703101f1d4c03f088b45e2cf8b40a3f673f1e5f65a22b4e045cc1412c0d45801",
      "2024-06-10T00:00:00Z,1298,c624baad577471597fd8d5703ca935d31ac376d58d7054d6e79623fb682a0cea,000344dd9ed23c5b98792537e46c090137bdd91e99d60e8ecd6936be0802a25a"})
  void theRootAndTheAnswersAreMainsBytes(String asOf, long size, String root, String answers) throws Exception {
    RequestDefaults defaults = asOf.isEmpty() ? RequestDefaults.NONE : RequestDefaults.asOf(Instant.parse(asOf));
    try (Store store = Store.open(StoreConfig.sqlite(dir))) {
      LiveEngine engine = new LiveEngine(EngineFactory.packs(null), store.published());
      DecisionService service = new DecisionService(engine, store.log(), Clock.fixed(NOW, ZoneOffset.UTC),
          new Metrics(() -> store.log().head().size()), Runnable::run);
      List<RequestStream.Item> items = DecisionBody.read(body(), true, 100_000, true).items();
      MessageDigest out = MessageDigest.getInstance("SHA-256");
      LiveEngine.Pinned policy = service.engine();
      for (int from = 0; from < items.size(); from += BatchWriter.GROUP) {
        List<DecisionRequest> group = new ArrayList<>();
        for (RequestStream.Item i : items.subList(from, Math.min(items.size(), from + BatchWriter.GROUP))) {
          group.add(DecisionRequest.framed(i, defaults, true));
        }
        for (DecisionService.Result r : service.decideGroup(policy, group, false, null).get(30, TimeUnit.SECONDS)) {
          out.update(r.utf8());
          out.update((byte) '\n');
        }
      }
      LogHead head = store.log().head();
      String got = head.size() + "," + head.rootHex() + "," + HexFormat.of().formatHex(out.digest());
      assertThat(got).isEqualTo(size + "," + root + "," + answers);
    }
  }

  /** 2,500 generated lines, every third spaced after its colons and commas (outside strings or not), then 500 well-formed ones. */
  static byte[] body() {
    Random r = new Random(2026);
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (int i = 0; i < 2_500; i++) {
      String line = Requests.line(r);
      if (i % 3 == 1) line = line.replace("\":", "\": ").replace(",\"", ", \"");
      if (i % 50 == 7) line = "  " + line + " \r";
      b.writeBytes(line.getBytes(StandardCharsets.UTF_8));
      b.write('\n');
    }
    for (int i = 0; i < 500; i++) {
      double lat = 44 + 8 * r.nextDouble(), lon = 30 + 10 * r.nextDouble();
      String at = switch (i % 4) {
        case 0 -> "\"lat\":" + lat + ",\"lon\":" + lon;
        case 1 -> String.format(java.util.Locale.ROOT, "\"lat\":%.6f,\"lon\":%.3e", lat, lon);
        case 2 -> "\"lat\":" + (float) lat + ",\"lon\":" + Math.round(lon);
        default -> "\"lat\":" + new java.math.BigDecimal(lat).toPlainString() + ",\"lon\":" + lon;
      };
      String time = i % 5 == 0 ? "" : i % 5 == 1 ? "\"time\":null," : "\"time\":\"2024-06-01T03:00:00Z\",";
      String line = "{\"id\":\"g-" + i + "\"," + time + "\"user\":\"UA\",\"weapon\":{\"origin\":\"US\","
          + "\"class\":\"rocket_artillery\",\"range_km\":" + (i % 3 == 0 ? "84.0" : i % 3 == 1 ? "84" : "8.4e1")
          + "},\"target\":{\"location\":{" + at + "},\"category\":\"artillery\",\"activity\":\"massing\","
          + "\"used_in_invasion\":true},\"purpose\":\"counter_fire\"}";
      b.writeBytes(line.getBytes(StandardCharsets.UTF_8));
      b.write('\n');
    }
    return b.toByteArray();
  }
}
