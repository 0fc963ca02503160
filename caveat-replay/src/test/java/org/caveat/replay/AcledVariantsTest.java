package org.caveat.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.caveat.model.Request;
import org.junit.jupiter.api.Test;

/** Every export variant maps to the same request: columns by name, old dates, numeric inter codes. */
class AcledVariantsTest {
  static final String NOTES = "\"On 1 June, Ukrainian forces struck Russian artillery firing on Kharkiv oblast, near"
      + " Zhuravlevka,\nwith HIMARS rockets.\"";

  static final String MODERN = String.join(",", AcledColumns.NAMES) + "\n"
      + "RUS1,2024-06-01,2024,1,Political violence,Explosions/Remote violence,Shelling/artillery/missile attack,"
      + "Military Forces of Ukraine (2019-),,State forces,Military Forces of Russia (2000-),,State forces,"
      + "State forces-State forces,,643,Europe,Russia,Belgorod,Belgorodskiy,,Zhuravlevka,50.4580,36.4180,1,"
      + "Ministry of Defence of Russia,National," + NOTES + ",0,,1717200000\n";

  static final String OLD = "event_id_cnty,event_date,year,time_precision,event_type,sub_event_type,actor1,"
      + "assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,iso,region,country,admin1,admin2,admin3,"
      + "location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,timestamp\n"
      + "RUS1,01 June 2024,2024,1,Explosions/Remote violence,Shelling/artillery/missile attack,"
      + "Military Forces of Ukraine (2019-),,1,Military Forces of Russia (2000-),,1,11,643,Europe,Russia,Belgorod,"
      + "Belgorodskiy,,Zhuravlevka,50.4580,36.4180,1,Ministry of Defence of Russia,National," + NOTES + ",0,1717200000\n";

  static final String REORDERED = "notes,longitude,latitude,actor1,event_date,event_id_cnty,inter1,extra_column\n"
      + NOTES + ",36.4180,50.4580,Military Forces of Ukraine (2019-),2024-06-01,RUS1,State forces,x\n";

  private static Request only(String csv) throws Exception {
    Replays.Result r = Replays.replay(csv, EventFormat.ACLED, 1);
    assertThat(r.events()).hasSize(1);
    assertThat(r.events().get(0).bad()).isNull();
    return r.events().get(0).request();
  }

  @Test
  void modernOldAndReorderedExportsGiveTheSameRequest() throws Exception {
    Request modern = only(MODERN);
    assertThat(modern.toString()).isEqualTo("Request{id=RUS1, time=2024-06-01T00:00:00Z, user=UA, purpose=unknown, "
        + "weapon.origin=US, weapon.system=M142 HIMARS, weapon.munition=M31 GMLRS, weapon.class=rocket_artillery, "
        + "weapon.range_km=84.0, target.location=GeoPoint[lat=50.458, lon=36.418], target.category=artillery, "
        + "target.activity=attacking, target.used_in_invasion=true}");
    for (String variant : List.of(OLD, REORDERED)) assertThat(only(variant).toString()).isEqualTo(modern.toString());
  }

  @Test
  void numericInterCodesBecomeNames() {
    String[] row = AcledDecoder.forHeader(OLD.substring(0, OLD.indexOf('\n'))).decode(OLD.substring(OLD.indexOf('\n') + 1).strip());
    assertThat(row[AcledColumns.INTER1]).isEqualTo("State forces");
    assertThat(row[AcledColumns.INTER2]).isEqualTo("State forces");
    assertThat(row[AcledColumns.EVENT_DATE]).isEqualTo("2024-06-01");
    assertThat(row[AcledColumns.NAMES.indexOf("disorder_type")]).isEmpty();
  }

  @Test
  void olderDateSpellingsAreRead() {
    assertThat(AcledDecoder.isoDate("01 January 2004")).isEqualTo("2004-01-01");
    assertThat(AcledDecoder.isoDate("1 january 2004")).isEqualTo("2004-01-01");
    assertThat(AcledDecoder.isoDate("01-January-2004")).isEqualTo("2004-01-01");
    assertThat(AcledDecoder.isoDate("3 Mar 2022")).isEqualTo("2022-03-03");
  }

  @Test
  void aHeaderWithoutNeededColumnsIsRefusedAtOnce() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> AcledDecoder.forHeader("event_id_cnty,notes"))
        .isInstanceOf(ReplayException.class)
        .hasMessageContaining("line 1").hasMessageContaining("event_date, actor1, latitude, longitude");
  }
}
