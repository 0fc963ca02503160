package org.caveat.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.caveat.store.LogRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The log stores what determines an answer, not the answer; {@code GET /v1/log/entries/{i}}
 * rebuilds it by deciding again against the pinned versions. The rebuilt answer must be the bytes
 * the service sent: for single requests, batches, what-ifs from the query or the request, with
 * quotes, and for a request no grant applies to or decided before a grant's first version.
 */
class LogEntriesRedecideTest {
  static ServerFixture f;

  @BeforeAll
  static void start() throws Exception {
    f = new ServerFixture();
  }

  @AfterAll
  static void stop() throws Exception {
    f.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "?quotes=true", "?assume=kharkiv_band_depth_km=20", "?assume=kharkiv_band_depth_km=20&quotes=true"})
  void theRebuiltAnswerIsTheAnswerSentForASingleRequestAndForABatch(String query) throws Exception {
    String tag = "q" + Math.abs(query.hashCode());
    String single = ServerFixture.permitRequest(tag + "-s");
    assertRebuilt(query, single, List.of(tag + "-s"));
    String ownAssume = ServerFixture.permitRequest(tag + "-a")
        .replace("\"purpose\":", "\"assume\":{\"kharkiv_band_depth_km\":30},\"purpose\":");
    String foreign = ServerFixture.permitRequest(tag + "-n").replace("\"origin\":\"US\"", "\"origin\":\"XX\"");
    String early = ServerFixture.permitRequest(tag + "-e").replace("2024-06-01T03:00:00Z", "2019-01-01T00:00:00Z");
    String batch = "[" + ServerFixture.permitRequest(tag + "-b1") + "," + ServerFixture.denyRequest(tag + "-b2") + ","
        + ownAssume + "," + foreign + "," + early + "]";
    assertRebuilt(query, batch, List.of(tag + "-b1", tag + "-b2", tag + "-a", tag + "-n", tag + "-e"));
  }

  private static void assertRebuilt(String query, String body, List<String> ids) throws Exception {
    long before = f.store.log().head().size();
    HttpResponse<String> r = f.postJson("/v1/decisions" + query, "analyst", body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    List<String> answers = new ArrayList<>();
    if (body.startsWith("[")) {
      for (String line : r.body().split("\n")) {
        if (line.equals("[") || line.equals("]")) continue;
        answers.add(line.endsWith(",") ? line.substring(0, line.length() - 1) : line);
      }
    } else {
      answers.add(r.body().strip());
    }
    assertThat(answers).hasSize(ids.size());
    List<LogRecord> logged = new ArrayList<>();
    f.store.log().forEach(before, logged::add);
    for (int i = 0; i < ids.size(); i++) {
      String id = ids.get(i);
      LogRecord entry = logged.stream().filter(x -> x.entry().id().equals(id)).findFirst().orElseThrow();
      assertThat(entry.format()).isEqualTo(3);
      HttpResponse<String> shown = f.get("/v1/log/entries/" + entry.index(), "reader");
      assertThat(shown.statusCode()).isEqualTo(200);
      assertThat(shown.body()).as(id).contains("\"answer\" : " + answers.get(i) + ",\n")
          .doesNotContain("rebuild_problem");
    }
  }
}
