package org.caveat.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.caveat.model.Request;
import org.junit.jupiter.api.Test;

/**
 * The mapping's plain-Java forms ({@link RowExpressions}) against the CEL program they stand in
 * for, on generated rows: 200 tries × 50 rows, each column drawn from the values the mappings test
 * for, pieces of them, and odd values (empty, "unknown", spaces, non-ASCII, NaN, numbers that do
 * not parse or overflow). Each row must give the same request, the same unattributed fields, or
 * the same bad-row message both ways.
 */
class MappingPathsProperties {
  /** Every form compiled to Java, a form left to CEL (cel.bind), and an int comparison. */
  static final String OTHER_FORMS = """
      fields:
        id: 'row.event_id_cnty.lowerAscii() == "" ? "unknown" : row.event_id_cnty.upperAscii()'
        time: row.event_date
        user: >-
          row.actor1 in ["UA", "RU", "unknown"] ? row.actor1
          : !(row.actor1 != "Military Forces of Ukraine") && size(row.notes) >= 0 ? "UA" : "unknown"
        purpose: 'row.notes.endsWith("fire.") || row.notes.size() > 400 ? "counter_fire" : "unknown"'
        weapon.origin: 'cel.bind(o, row.assoc_actor_1, o == "" ? "unknown" : o)'
        weapon.range_km: 'double(row.fatalities) >= 2.5 && double(row.fatalities) < 1e300 ? double(row.fatalities) : 1.0'
        target.lat: double(row.latitude)
        target.lon: 'double(row.longitude) <= 180.0 ? double(row.longitude) : 0.0'
        target.category: 'row.notes.lowerAscii().contains("artillery") ? "artillery" : "unknown"'
        target.used_in_invasion: 'row.notes.startsWith("On") == true ? true : false'
      weapons:
        - when: row.notes.contains("HIMARS") && !row.notes.contains("GMLRS")
          origin: US
          class: rocket_artillery
        - when: size(row.notes) > 10 && size(row.notes) < 20
          origin: DE
      """;

  static final Mapping SHIPPED = Mapping.defaults();
  static final Mapping OTHER = mapping(OTHER_FORMS);

  private static final String[] WORDS = {"HIMARS", "GMLRS", "ATACMS", "artillery", "ARTILLERY", "firing on",
      "counter-fire", "shot down", "Storm Shadow", "Grad", "troops", "massing", "Kh-101", "KAB", "dam ", "railway",
      "Military Forces of Ukraine", "Military Forces of Russia", "Police Forces of Ukraine", "On", "fire."};
  private static final String[] ODD = {"", " ", "unknown", "UA", "RU", "NaN", "-NaN", "Infinity", "1e400", " 50.4 ",
      "50,4", "0x10", "2.5", "3", "-1", "181", "\u00e9t\u00e9", "\u0130stanbul", "\uD83D\uDE80", "\t", "\u2003", "true",
      "2024-06-01", "2024-02-30", "01 June 2024", "2024-06-01T12:00:00Z", "null"};

  @Test
  void theShippedMappingRunsWithoutTheInterpreter() {
    assertThat(SHIPPED.allJava()).isTrue();
    assertThat(OTHER.allJava()).as("cel.bind stays with CEL").isFalse();
  }

  @Test
  void aMappingSaysWhichColumnsItReads() {
    List<String> shipped = AcledColumns.NAMES.stream().filter(c -> SHIPPED.reads(AcledColumns.NAMES.indexOf(c))).toList();
    assertThat(shipped).containsExactlyInAnyOrder("event_id_cnty", "event_date", "actor1", "notes", "latitude",
        "longitude");
    // Also through a form left to CEL (cel.bind) and in weapon conditions.
    assertThat(OTHER.reads(AcledColumns.NAMES.indexOf("assoc_actor_1"))).isTrue();
    assertThat(OTHER.reads(AcledColumns.NAMES.indexOf("fatalities"))).isTrue();
    assertThat(OTHER.reads(AcledColumns.NAMES.indexOf("admin1"))).isFalse();
  }

  @Property(tries = 200)
  void javaAndCelMapEveryRowAlike(@ForAll long seed) {
    Random rnd = new Random(seed);
    for (int i = 0; i < 50; i++) {
      String[] row = row(rnd);
      Instant asOf = rnd.nextBoolean() ? null : Instant.parse("2024-06-01T00:00:00Z");
      for (Mapping m : List.of(SHIPPED, OTHER)) {
        assertThat(outcome(() -> m.apply(row, asOf))).as("row %s", Arrays.toString(row))
            .isEqualTo(outcome(() -> m.applyThroughCel(row, asOf)));
        // The columns the mapping does not read may be left empty by the decoder: nothing changes.
        String[] read = row.clone();
        for (int c = 0; c < read.length; c++) if (!m.reads(c)) read[c] = "";
        assertThat(outcome(() -> m.applyThroughCel(read, asOf))).as("row %s", Arrays.toString(row))
            .isEqualTo(outcome(() -> m.applyThroughCel(row, asOf)));
      }
    }
  }

  private static String[] row(Random rnd) {
    String[] row = new String[AcledColumns.NAMES.size()];
    for (int c = 0; c < row.length; c++) row[c] = value(rnd);
    // Notes usually hold several words, sometimes cut: keywords must be matched exactly as CEL does.
    StringBuilder notes = new StringBuilder(rnd.nextBoolean() ? "On 2024-06-01, " : "");
    for (int w = rnd.nextInt(5); w > 0; w--) {
      String word = WORDS[rnd.nextInt(WORDS.length)];
      notes.append(rnd.nextInt(4) == 0 ? word.substring(0, rnd.nextInt(word.length() + 1)) : word).append(' ');
    }
    if (rnd.nextBoolean()) row[AcledColumns.NAMES.indexOf("notes")] = notes.toString().strip() + value(rnd);
    return row;
  }

  private static String value(Random rnd) {
    return switch (rnd.nextInt(3)) {
      case 0 -> WORDS[rnd.nextInt(WORDS.length)];
      case 1 -> ODD[rnd.nextInt(ODD.length)];
      default -> String.valueOf(Math.round((rnd.nextDouble() * 400 - 200) * 10_000) / 10_000.0);
    };
  }

  /** What a mapping made of the row, as text: the request's values, the unattributed fields, or the error. */
  private static String outcome(java.util.function.Supplier<Mapping.Mapped> apply) {
    try {
      Mapping.Mapped m = apply.get();
      Request r = m.request();
      if (r == null) return "unattributed " + m.unknown();
      return String.join("|", r.id(), String.valueOf(r.time()), r.user(), r.purpose(), r.weaponOrigin(),
          r.weaponSystem(), r.weaponMunition(), r.weaponClass(), String.valueOf(r.weaponRangeKm()),
          String.valueOf(r.targetLocation()), r.targetCategory(), r.targetActivity(),
          String.valueOf(r.targetUsedInInvasion()));
    } catch (BadRow e) {
      return "bad " + e.getMessage();
    }
  }

  private static Mapping mapping(String yaml) {
    try {
      return Mapping.compile(MappingLoader.read(new StringReader(yaml), "other-forms.yaml"));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
