package org.caveat.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.caveat.Caveat;
import org.caveat.decide.Outcome;
import org.caveat.geo.ReferenceGeography;
import org.caveat.json.Json;
import org.caveat.json.RequestReader;
import org.caveat.model.Request;
import org.caveat.policy.PolicyException;
import org.caveat.policy.Setting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SensitivityTest {
  /** Artillery attacking from Belgorod oblast at (lat, 36.66), in force 2024-05-30. */
  static Request at(String id, double lat, String category) throws Exception {
    String json = "{\"id\":\"" + id + "\",\"time\":\"2024-06-01T03:00:00Z\",\"user\":\"UA\",\"weapon\":{\"origin\":\"US\","
        + "\"class\":\"rocket_artillery\"},\"target\":{\"location\":{\"lat\":" + lat + ",\"lon\":36.66},"
        + "\"category\":\"" + category + "\",\"activity\":\"attacking\",\"used_in_invasion\":true}}";
    return RequestReader.read(Json.MAPPER.readTree(json)).request();
  }

  @Test
  void rangesParse() {
    Sensitivity.Range r = Sensitivity.parse("kharkiv_band_depth_km=40..120:20");
    assertThat(r.name()).isEqualTo("kharkiv_band_depth_km");
    assertThat(r.texts()).containsExactly("40", "60", "80", "100", "120");
    assertThat(Sensitivity.parse("x=0.5..1.5:0.5").texts()).containsExactly("0.5", "1", "1.5");
    assertThat(Sensitivity.parse("x=-10..10:7").texts()).containsExactly("-10", "-3", "4");
    assertThat(Sensitivity.parse("x=5..5:1").texts()).containsExactly("5");
    assertThat(Sensitivity.parse("x=1..1000:1").values()).hasSize(1000);
  }

  @Test
  void badRangesAreDiagnosed() {
    assertCode("kharkiv_band_depth_km=40..120", "vary.syntax");
    assertCode("kharkiv_band_depth_km", "vary.syntax");
    assertCode("=1..2:1", "vary.syntax");
    assertCode("x=a..2:1", "vary.syntax");
    assertCode("x=1..2:0", "vary.range");
    assertCode("x=1..2:-1", "vary.range");
    assertCode("x=3..2:1", "vary.range");
    assertCode("x=1..1001:1", "vary.range");
  }

  private static void assertCode(String spec, String code) {
    assertThatThrownBy(() -> Sensitivity.parse(spec)).as(spec).isInstanceOfSatisfying(PolicyException.class,
        e -> assertThat(e.diagnostics()).singleElement().satisfies(d -> {
          assertThat(d.code()).isEqualTo(code);
          // Neutral words: each front end names the setting (the CLI's --vary) itself.
          assertThat(d.at().toString()).isEqualTo("vary");
          assertThat(d.hint()).isEqualTo("e.g. kharkiv_band_depth_km=40..120:20");
          assertThat(d.setting().kind()).isEqualTo(Setting.Kind.VARY);
        }));
  }

  @Test
  void aRequest54KmFromTheKharkivBorderFlipsBetween40And60(@TempDir Path dir) throws Exception {
    Path packs = TestPacks.twoVersions(dir);
    ReferenceGeography geo = ReferenceGeography.shipped();
    List<Sensitivity.Item> items = new ArrayList<>();
    items.add(new Sensitivity.Item("near", at("near", 50.57, "artillery")));     // ~30 km: permitted from 40 km
    items.add(new Sensitivity.Item("km54", at("km54", 50.79, "artillery")));     // ~54 km
    items.add(new Sensitivity.Item("energy", at("energy", 50.57, "energy_infrastructure"))); // forbidden always
    List<String> asked = new ArrayList<>();
    Sensitivity.Result r = Sensitivity.run(Sensitivity.parse("kharkiv_band_depth_km=40..80:20"), v -> {
      asked.add(v);
      return Caveat.builder().packs(packs).geography(geo).assume("kharkiv_band_depth_km", v).build();
    }, items);
    assertThat(asked).containsExactly("40", "60", "80");
    assertThat(r.requests()).isEqualTo(3);
    assertThat(r.values()).containsExactly(new BigDecimal("40"), new BigDecimal("60"), new BigDecimal("80"));
    assertThat(r.rows()).extracting(Sensitivity.Row::counts).containsExactly(
        Map.of(Outcome.PERMIT, 1, Outcome.DENY, 2, Outcome.INDETERMINATE, 0, Outcome.NOT_APPLICABLE, 0),
        Map.of(Outcome.PERMIT, 2, Outcome.DENY, 1, Outcome.INDETERMINATE, 0, Outcome.NOT_APPLICABLE, 0),
        Map.of(Outcome.PERMIT, 2, Outcome.DENY, 1, Outcome.INDETERMINATE, 0, Outcome.NOT_APPLICABLE, 0));
    assertThat(r.flips()).singleElement().satisfies(f -> {
      assertThat(f.label()).isEqualTo("km54");
      assertThat(f.decisions()).containsExactly(Outcome.DENY, Outcome.PERMIT, Outcome.PERMIT);
    });
  }

  @Test
  void anUnknownAssumptionIsTheBuildersOwnDiagnostic(@TempDir Path dir) throws Exception {
    Path packs = TestPacks.twoVersions(dir);
    List<Sensitivity.Item> items = List.of(new Sensitivity.Item("near", at("near", 50.57, "artillery")));
    assertThatThrownBy(() -> Sensitivity.run(Sensitivity.parse("kharkiv_band_depth=40..80:20"),
        v -> Caveat.builder().packs(packs).assume("kharkiv_band_depth", v).build(), items))
        .isInstanceOfSatisfying(PolicyException.class, e -> assertThat(e.diagnostics()).singleElement()
            .satisfies(d -> {
              assertThat(d.code()).isEqualTo("assumption.unknown");
              assertThat(d.hint()).isEqualTo("did you mean `kharkiv_band_depth_km`?");
            }));
  }
}
