package org.caveat.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.caveat.json.Json;
import org.caveat.parse.PackLoader;
import org.caveat.policy.Grant;
import org.caveat.policy.Reliability;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimelineOverviewTest {
  @Test
  void oneLinePerVersionWithDateTitleReliabilityAndTheVersionInForce(@TempDir Path dir) throws Exception {
    List<Grant> grants = PackLoader.load(TestPacks.withDisputed(dir));
    Timeline t = Timeline.of(grants, null, EnumSet.allOf(Reliability.class), Instant.parse("2024-06-01T00:00:00Z"));
    TimelineOverview o = TimelineOverview.of(t);
    assertThat(o.asOf()).isEqualTo(t.asOf());
    assertThat(o.versionCount()).isEqualTo(3);
    assertThat(o.grants()).singleElement().satisfies(g -> {
      assertThat(g.grant()).isEqualTo("us-ua");
      assertThat(g.versions()).containsExactly(
          new TimelineOverview.Line("2022-06-01", "2022-06-01", "official",
              "HIMARS announced; no strikes on Russian territory with these systems", false),
          new TimelineOverview.Line("2024-05-30", "2024-05-30", "reported", "Counter-fire into Russia near Kharkiv", true),
          new TimelineOverview.Line("2024-07-01", "2024-07-01", "disputed", "Counter-fire into Russia near Kharkiv", false));
    });
  }

  @Test
  void theFilterLeavesVersionsOutAndTheJsonSaysSo(@TempDir Path dir) throws Exception {
    List<Grant> grants = PackLoader.load(TestPacks.withDisputed(dir));
    TimelineOverview o = TimelineOverview.of(Timeline.of(grants, null, EnumSet.of(Reliability.OFFICIAL), null));
    assertThat(o.grants().get(0).versions()).extracting(TimelineOverview.Line::version).containsExactly("2022-06-01");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = Json.FACTORY.createGenerator(out)) {
      TimelineJson.writeOverview(g, o);
    }
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("{\"as_of\":null,\"reliability\":[\"official\"],"
        + "\"versions\":1,\"grants\":[{\"grant\":\"us-ua\",\"grantor\":\"US\",\"grantee\":\"UA\",\"versions\":["
        + "{\"in_force\":\"2022-06-01\",\"version\":\"2022-06-01\",\"reliability\":\"official\",\"title\":"
        + "\"HIMARS announced; no strikes on Russian territory with these systems\",\"in_force_at_as_of\":false}]}]}");
  }
}
