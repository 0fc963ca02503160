package org.caveat.replay;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Synthetic ACLED rows (ACLED's terms forbid redistributing real ones): plausible events along the
 * front line and the Ukraine–Russia border, 2022–2025, drawn from a fixed mix of
 * {@link SyntheticScenario scenarios} chosen so that the default mapping and the built-in packs give
 * all four decisions plus unattributed rows. The same seed gives the same bytes: one
 * {@link SplittableRandom}, no clock, no locale-dependent formatting. Written with Jackson's CSV
 * generator (quoting notes that hold commas, quotes or line breaks).
 */
public final class EventGenerator {
  /** The export layout to imitate. */
  public enum Variant {
    /** The 31-column codebook layout, ISO dates, named actor types. */
    MODERN,
    /** Before 2023: dates written "01 June 2024", numeric inter codes, no disorder_type/civilian_targeting. */
    OLD
  }

  private static final DateTimeFormatter OLD_DATE = DateTimeFormatter.ofPattern("dd MMMM uuuu", Locale.ENGLISH);

  private final long seed;
  private final Variant variant;

  public EventGenerator(long seed, Variant variant) {
    this.seed = seed;
    this.variant = variant;
  }

  /** The header's column names for this variant. */
  public List<String> columns() {
    if (variant == Variant.MODERN) return AcledColumns.NAMES;
    List<String> c = new ArrayList<>(AcledColumns.NAMES);
    c.remove("disorder_type");
    c.remove("civilian_targeting");
    return c;
  }

  /** Writes a header and {@code rows} rows. */
  public void write(long rows, Writer out) throws IOException {
    CsvSchema.Builder schema = CsvSchema.builder();
    for (String c : columns()) schema.addColumn(c);
    // The caller owns the writer: flush it, never close it.
    CsvFactory factory = CsvFactory.builder().disable(com.fasterxml.jackson.core.StreamWriteFeature.AUTO_CLOSE_TARGET).build();
    try (JsonGenerator g = factory.createGenerator(out)) {
      g.setSchema(schema.setUseHeader(true).setLineSeparator("\n").build());
      SplittableRandom random = new SplittableRandom(seed);
      String[] values = new String[AcledColumns.NAMES.size()];
      List<String> columns = columns();
      int[] index = columns.stream().mapToInt(AcledColumns.NAMES::indexOf).toArray();
      for (long i = 0; i < rows; i++) {
        row(i, random, values);
        g.writeStartArray();
        for (int k : index) g.writeString(values[k]);
        g.writeEndArray();
      }
    }
  }

  /** {@code x} rounded to four decimals (like {@code %.4f}, without a formatter per call; exact ties may round apart). */
  static String fixed4(double x) {
    long v = Math.round(Math.abs(x) * 10_000);
    String frac = Long.toString(v % 10_000);
    return (x < 0 && v != 0 ? "-" : "") + v / 10_000 + "." + "0000".substring(frac.length()) + frac;
  }

  private void row(long i, SplittableRandom r, String[] v) {
    SyntheticScenario s = SyntheticScenario.pick(r.nextInt(100));
    SyntheticPlaces.Place p = s.place(r);
    LocalDate date = s.date(r);
    double lat = p.lat() + (r.nextDouble() * 2 - 1) * p.spread();
    double lon = p.lon() + (r.nextDouble() * 2 - 1) * p.spread();
    boolean russia = p.country().equals("Russia");
    boolean old = variant == Variant.OLD;
    java.util.Arrays.fill(v, "");
    v[0] = (russia ? "RUS" : "UKR") + (100000 + i);
    v[1] = old ? OLD_DATE.format(date) : date.toString();
    v[2] = Integer.toString(date.getYear());
    v[3] = "1";
    v[4] = old ? "" : "Political violence";
    v[5] = "Explosions/Remote violence";
    v[6] = s.subEventType();
    v[7] = s.actor();
    v[9] = old ? "1" : "State forces";
    v[10] = s.actor().contains("Ukraine") ? "Military Forces of Russia (2000-)" : "Military Forces of Ukraine (2019-)";
    v[12] = old ? "1" : "State forces";
    v[13] = old ? "11" : "State forces-State forces";
    v[15] = russia ? "643" : "804";
    v[16] = "Europe";
    v[17] = p.country();
    v[18] = p.admin1();
    v[19] = p.admin2();
    v[21] = p.location();
    v[22] = fixed4(lat);
    v[23] = fixed4(lon);
    v[24] = "1";
    v[25] = russia ? "Ministry of Defence of Russia; Kommersant" : "Ministry of Defence of Ukraine; Ukrainska Pravda";
    v[26] = "National";
    v[27] = s.notes(date, p, r) + (i % 37 == 36 ? "\nUpdate: the damage was later shown in satellite imagery." : "");
    v[28] = Integer.toString(r.nextInt(4));
    v[30] = Long.toString(date.atStartOfDay(ZoneOffset.UTC).toEpochSecond() + 86_400 * 7);
  }
}
