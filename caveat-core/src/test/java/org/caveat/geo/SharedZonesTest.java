package org.caveat.geo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Pack versions that name the same border or region get one zone, so a prepared threshold (a JTS
 * buffer) is built once per run rather than once per version; different names or sides do not.
 */
class SharedZonesTest {
  private static final ReferenceGeography GEO = ReferenceGeography.shipped();

  @Test
  void sameBorderNameAndSidesShareOneZoneAndItsThresholds() {
    Zone a = GEO.border("kharkiv_border", Set.of("UA-63"), Set.of("RU"));
    Zone b = GEO.border("kharkiv_border", Set.of("UA-63"), Set.of("RU"));
    assertThat(b).isSameAs(a);
    assertThat(b.threshold(100)).isSameAs(a.threshold(100));
    assertThat(GEO.border("other", Set.of("UA-63"), Set.of("RU"))).isNotSameAs(a);
    assertThat(GEO.border("kharkiv_border", Set.of("UA"), Set.of("RU"))).isNotSameAs(a);
    assertThat(GEO.border("none", Set.of("UA-63"), Set.of("UA-63"))).isNull();
  }

  @Test
  void sameSidesUnderAnotherNameShareTheLineItsEdgesAndThresholds() {
    Zone pack = GEO.border("ua_ru_border", Set.of("UA"), Set.of("RU"));
    Zone facts = GEO.uaRuBorder();
    assertThat(pack).isNotSameAs(facts);
    assertThat(pack.name()).isEqualTo("ua_ru_border");
    assertThat(facts.name()).isEqualTo("UA|RU border");
    assertThat(pack.geometry()).isSameAs(facts.geometry());
    assertThat(((GeometryZone) pack).edges()).isSameAs(((GeometryZone) facts).edges());
    assertThat(pack.threshold(100)).isSameAs(facts.threshold(100));
    assertThat(GEO.border("reversed", Set.of("RU"), Set.of("UA")).geometry()).isSameAs(facts.geometry());
  }

  @Test
  void namedAreaIsSharedAndKeepsItsNameAndGeometry() {
    Zone a = GEO.area("kursk_oblast", "RU-KRS");
    assertThat(GEO.area("kursk_oblast", "RU-KRS")).isSameAs(a);
    assertThat(a.name()).isEqualTo("kursk_oblast");
    assertThat(a.geometry()).isSameAs(GEO.area("RU-KRS").geometry());
    assertThat(GEO.area("kursk", "RU-KRS")).isNotSameAs(a);
    assertThat(GEO.area("x", "XX-NOPE")).isNull();
  }
}
