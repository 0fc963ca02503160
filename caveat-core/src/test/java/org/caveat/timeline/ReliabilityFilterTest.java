package org.caveat.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.caveat.Caveat;
import org.caveat.decide.Outcome;
import org.caveat.explain.Answer;
import org.caveat.json.AnswerWriter;
import org.caveat.json.Json;
import org.caveat.json.RequestReader;
import org.caveat.model.Request;
import org.caveat.policy.PolicyException;
import org.caveat.policy.Reliability;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code Caveat.builder().reliability(…)}: left-out versions give way to the previous admitted one. */
class ReliabilityFilterTest {
  @TempDir static Path dir;
  static Path packs;

  @BeforeAll
  static void packs() throws Exception {
    packs = TestPacks.withDisputed(dir);
  }

  static Request request(String time) throws Exception {
    String json = "{\"id\":\"r\",\"time\":\"" + time + "\",\"user\":\"UA\",\"weapon\":{\"origin\":\"US\","
        + "\"class\":\"rocket_artillery\"},\"target\":{\"location\":{\"lat\":50.57,\"lon\":36.66},"
        + "\"category\":\"artillery\",\"activity\":\"attacking\",\"used_in_invasion\":true}}";
    return RequestReader.read(Json.MAPPER.readTree(json)).request();
  }

  static Answer.GrantAnswer grant(Set<Reliability> admitted, String time) throws Exception {
    Caveat c = Caveat.builder().packs(packs).reliability(admitted).build();
    Answer a = c.answer(request(time));
    assertThat(a.grants()).hasSize(1);
    return a.grants().get(0);
  }

  @Test
  void everyReliabilityAdmittedByDefaultSkipsNothing() throws Exception {
    Answer a = Caveat.builder().packs(packs).build().answer(request("2024-08-01T00:00:00Z"));
    assertThat(a.grants().get(0).version()).isEqualTo("2024-07-01");
    assertThat(a.grants().get(0).skipped()).isEmpty();
    assertThat(AnswerWriter.toJson(a)).contains("\"missing\":[],\"skipped\":[]");
  }

  @Test
  void aLeftOutVersionGivesWayToThePreviousAdmittedOneAndIsNamed() throws Exception {
    Answer.GrantAnswer g = grant(EnumSet.of(Reliability.OFFICIAL, Reliability.REPORTED), "2024-08-01T00:00:00Z");
    assertThat(g.version()).isEqualTo("2024-05-30");
    assertThat(g.decision()).isEqualTo(Outcome.PERMIT);
    assertThat(g.skipped()).containsExactly(new Answer.Skipped("2024-07-01", "disputed"));
    Answer a = Caveat.builder().packs(packs).reliability(Set.of(Reliability.OFFICIAL, Reliability.REPORTED)).build()
        .answer(request("2024-08-01T00:00:00Z"));
    assertThat(AnswerWriter.toJson(a))
        .contains("\"missing\":[],\"skipped\":[{\"version\":\"2024-07-01\",\"reliability\":\"disputed\"}]}");
    assertThat(a.explanation()).contains("Left out by the reliability filter: us-ua 2024-07-01 (disputed)");
  }

  @Test
  void aLeftOutVersionNotYetInForceIsNotListed() throws Exception {
    Answer.GrantAnswer g = grant(EnumSet.of(Reliability.OFFICIAL, Reliability.REPORTED), "2024-06-30T23:59:59Z");
    assertThat(g.version()).isEqualTo("2024-05-30");
    assertThat(g.skipped()).isEmpty();
  }

  @Test
  void officialOnlyFallsBackToTheFirstVersionAndListsBothNewerOnes() throws Exception {
    Answer.GrantAnswer g = grant(EnumSet.of(Reliability.OFFICIAL), "2024-08-01T00:00:00Z");
    assertThat(g.version()).isEqualTo("2022-06-01");
    assertThat(g.decision()).isEqualTo(Outcome.DENY);
    assertThat(g.skipped()).containsExactly(new Answer.Skipped("2024-05-30", "reported"),
        new Answer.Skipped("2024-07-01", "disputed"));
  }

  @Test
  void nothingAdmittedUpToTheRequestTimeIsIndeterminateNamingTheGap() throws Exception {
    Caveat c = Caveat.builder().packs(packs).reliability(EnumSet.of(Reliability.DISPUTED)).build();
    Answer a = c.answer(request("2024-06-01T00:00:00Z"));
    Answer.GrantAnswer g = a.grants().get(0);
    assertThat(a.decision()).isEqualTo(Outcome.INDETERMINATE);
    assertThat(g.basis()).isEqualTo("no_version_in_force");
    assertThat(g.version()).isNull();
    assertThat(g.skipped()).extracting(Answer.Skipped::version).containsExactly("2022-06-01", "2024-05-30");
    assertThat(a.explanation()).contains("no admitted version of us-ua is in force at 2024-06-01T00:00:00Z")
        .contains("the first admitted version takes effect 2024-07-01");
    assertThat(AnswerWriter.toJson(a)).contains("\"skipped\":[{\"version\":\"2022-06-01\"");
  }

  @Test
  void beforeTheFirstVersionNothingIsSkipped() throws Exception {
    Answer.GrantAnswer g = grant(EnumSet.of(Reliability.OFFICIAL), "2022-03-01T00:00:00Z");
    assertThat(g.basis()).isEqualTo("no_version_in_force");
    assertThat(g.skipped()).isEmpty();
  }

  @Test
  void sharedAnswerPartsKeepEachRequestsOwnSkippedList() throws Exception {
    // Same version, basis and rules at two times: only the later one has the disputed version to skip.
    Caveat c = Caveat.builder().packs(packs).reliability(EnumSet.of(Reliability.OFFICIAL, Reliability.REPORTED)).build();
    for (int i = 0; i < 2; i++) {
      assertThat(c.answer(request("2024-06-15T00:00:00Z")).grants().get(0).skipped()).isEmpty();
      assertThat(c.answer(request("2024-08-01T00:00:00Z")).grants().get(0).skipped()).hasSize(1);
    }
  }

  @Test
  void anEmptySetIsRefusedAtOnce() {
    assertThatThrownBy(() -> Caveat.builder().reliability(Set.of()))
        .isInstanceOfSatisfying(PolicyException.class, e -> assertThat(e.diagnostics())
            .extracting(d -> d.code()).containsExactly("reliability.empty"));
    assertThatThrownBy(() -> Caveat.builder().reliability(null)).isInstanceOf(PolicyException.class);
  }

  @Test
  void sameVersionsSameBytesWhetherFilteredOrNot() throws Exception {
    // A filter that leaves nothing out changes nothing.
    Request r = request("2024-06-01T00:00:00Z");
    String all = AnswerWriter.toJson(Caveat.builder().packs(packs).build().answer(r));
    String filtered = AnswerWriter.toJson(Caveat.builder().packs(packs)
        .reliability(EnumSet.of(Reliability.OFFICIAL, Reliability.REPORTED)).build().answer(r));
    assertThat(filtered).isEqualTo(all);
    assertThat(List.of(all)).allMatch(s -> s.contains("\"version\":\"2024-05-30\""));
  }
}
