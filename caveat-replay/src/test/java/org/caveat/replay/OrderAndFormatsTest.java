package org.caveat.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Input order survives any number of threads; formats are detected from content. */
class OrderAndFormatsTest {
  @Test
  void outputIsByteIdenticalUnderOneTwoAndEightThreads() throws Exception {
    // More rows than one batch, so several batches are in flight at once.
    String csv = Replays.generate(ReplayRunner.BATCH * 3 + 17, 5, EventGenerator.Variant.MODERN);
    String one = Replays.replay(csv, EventFormat.ACLED, 1).decisions();
    assertThat(one.lines().count()).isEqualTo(ReplayRunner.BATCH * 3 + 17);
    assertThat(Replays.replay(csv, EventFormat.ACLED, 2).decisions()).isEqualTo(one);
    assertThat(Replays.replay(csv, EventFormat.ACLED, 8).decisions()).isEqualTo(one);
    long[] lines = one.lines().mapToLong(l -> Long.parseLong(l.replaceAll(".*\"line\":(\\d+)}$", "$1"))).toArray();
    for (int i = 1; i < lines.length; i++) assertThat(lines[i]).isGreaterThan(lines[i - 1]);
  }

  private static EventFormat detect(String text) throws Exception {
    return EventFormat.detect(new BufferedInputStream(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))));
  }

  @Test
  void formatsAreDetectedFromContent() throws Exception {
    assertThat(detect("event_id_cnty,event_date\n")).isEqualTo(EventFormat.ACLED);
    assertThat(detect("\uFEFFevent_id_cnty,event_date\n")).isEqualTo(EventFormat.ACLED);
    assertThat(detect("{\"id\":\"x\"}\n{\"id\":\"y\"}\n")).isEqualTo(EventFormat.NDJSON);
    assertThat(detect("[{\"id\":\"x\"}]")).isEqualTo(EventFormat.NDJSON);
    assertThat(detect("{\n  \"type\": \"FeatureCollection\",\n  \"features\": []\n}")).isEqualTo(EventFormat.GEOJSON);
    assertThatThrownBy(() -> detect("id;date\n1;2\n")).isInstanceOf(ReplayException.class)
        .hasMessageContaining("--format");
  }

  @Test
  void geoJsonFeaturesAreRequestsWithTheirPointAsTarget() throws Exception {
    String geojson = "{\"type\":\"FeatureCollection\",\"features\":[\n"
        + "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[36.58,50.59]},\"properties\":{"
        + "\"id\":\"g1\",\"time\":\"2024-06-01T03:00:00Z\",\"user\":\"UA\",\"weapon\":{\"origin\":\"US\","
        + "\"class\":\"rocket_artillery\"},\"target\":{\"category\":\"artillery\",\"activity\":\"attacking\","
        + "\"used_in_invasion\":true}}},\n"
        + "{\"type\":\"Feature\",\"geometry\":null,\"properties\":{\"id\":\"g2\"}}\n]}";
    Replays.Result r = Replays.replay(geojson, EventFormat.GEOJSON, 1);
    assertThat(r.events()).hasSize(2);
    assertThat(r.events().get(0).answer().decision().name()).isEqualTo("PERMIT");
    assertThat(r.events().get(0).line()).isEqualTo(2);
    assertThat(r.events().get(1).bad()).contains("Point geometry");
    assertThat(r.events().get(1).line()).isEqualTo(3);
  }

  @Test
  void ndjsonRequestsAreAnsweredAsCheckAnswersThemPlusTheirLine() throws Exception {
    String request = "{\"id\":\"n1\",\"time\":\"2024-06-01T03:00:00Z\",\"user\":\"UA\",\"weapon\":{\"origin\":\"US\","
        + "\"class\":\"rocket_artillery\"},\"target\":{\"location\":{\"lat\":50.59,\"lon\":36.58},"
        + "\"category\":\"artillery\",\"activity\":\"attacking\",\"used_in_invasion\":true}}";
    Replays.Result r = Replays.replay(request + "\n", EventFormat.NDJSON, 1);
    var parsed = org.caveat.json.RequestReader.read(org.caveat.json.Json.MAPPER.readTree(request)).request();
    String check = org.caveat.json.AnswerWriter.toJson(Replays.ENGINE.answer(parsed));
    assertThat(r.decisions()).isEqualTo(check.substring(0, check.length() - 1) + ",\"line\":1}\n");
  }
}
