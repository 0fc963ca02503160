package org.caveat.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.caveat.Caveat;
import org.caveat.json.Json;
import org.caveat.json.RequestReader;
import org.caveat.model.Request;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Cedar comparison (scripts/bench/cedar) kept honest without Node: the bench pack gives the
 * verdicts of the agreement fixtures, which compare.mjs checks against Cedar on every run; the
 * fixed points lie in the countries the Cedar requests are given; and the pack's rules are the
 * Cedar policies, id for id and in order, so a rule added on one side only is caught here.
 */
class CedarAgreementFixturesTest {
  private static final Path DIR = Path.of("../scripts/bench/cedar");
  private static Caveat caveat;

  @BeforeAll
  static void build() {
    caveat = Caveat.builder().packs(DIR.resolve("pack")).build();
  }

  @Test
  void everyFixtureGetsTheVerdictAndDeterminingRulesCedarGives() throws IOException {
    Map<String, String> expected = new LinkedHashMap<>(), actual = new LinkedHashMap<>();
    for (JsonNode c : read("fixtures.json").get("cases")) {
      JsonNode e = c.get("expect");
      List<String> rules = new ArrayList<>();
      e.get("determining").forEach(r -> rules.add(r.asText()));
      expected.put(c.get("name").asText(), e.get("decision").asText() + "\t" + e.get("basis").asText() + "\t"
          + String.join(",", rules));
      actual.put(c.get("name").asText(), CedarSideBySide.verdict(caveat.answer(request(c.get("request")))));
    }
    assertThat(expected).hasSizeGreaterThanOrEqualTo(10);
    assertThat(actual).containsExactlyEntriesOf(expected);
  }

  @Test
  void everyRuleDeterminesSomeFixtureAndEveryBasisOccurs() throws IOException {
    TreeSet<String> decided = new TreeSet<>(), bases = new TreeSet<>();
    for (JsonNode c : read("fixtures.json").get("cases")) {
      c.get("expect").get("determining").forEach(r -> decided.add(r.asText()));
      bases.add(c.get("expect").get("basis").asText());
    }
    assertThat(decided).containsExactlyInAnyOrderElementsOf(packRuleIds());
    assertThat(bases).containsExactly("forbidden", "not_permitted", "permitted");
  }

  @Test
  void everyFixedPointLiesInTheCountryCedarIsGiven() throws IOException {
    Map<String, String> expected = new LinkedHashMap<>(), actual = new LinkedHashMap<>();
    for (JsonNode p : read("points.json").get("points")) {
      String json = "{\"time\":\"2024-06-01T12:00:00Z\",\"user\":\"UA\",\"weapon\":{\"origin\":\"US\",\"class\":\"drone\"},"
          + "\"target\":{\"location\":{\"lat\":" + p.get("lat") + ",\"lon\":" + p.get("lon")
          + "},\"category\":\"troops\",\"activity\":\"idle\"}}";
      expected.put(p.get("name").asText(), p.get("country").asText());
      actual.put(p.get("name").asText(), caveat.answer(request(Json.MAPPER.readTree(json))).facts().country());
    }
    assertThat(actual).containsExactlyEntriesOf(expected).containsValues("UA", "RU");
  }

  @Test
  void thePackRulesAreTheCedarPoliciesInTheSameOrder() throws IOException {
    Matcher m = Pattern.compile("@id\\(\"([^\"]+)\"\\)").matcher(Files.readString(DIR.resolve("policy.cedar")));
    List<String> cedarIds = new ArrayList<>();
    while (m.find()) cedarIds.add(m.group(1));
    assertThat(cedarIds).isEqualTo(packRuleIds());
  }

  private static List<String> packRuleIds() {
    return caveat.grants().get(0).versions().get(0).policy().rules().stream().map(r -> r.id()).toList();
  }

  private static JsonNode read(String name) throws IOException {
    return Json.MAPPER.readTree(DIR.resolve(name).toFile());
  }

  private static Request request(JsonNode node) {
    RequestReader.Parsed p = RequestReader.read(node);
    assertThat(p.error()).isNull();
    return p.request();
  }
}
