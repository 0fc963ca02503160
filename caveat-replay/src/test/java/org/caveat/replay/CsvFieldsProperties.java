package org.caveat.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * {@link CsvFields} against Jackson's CSV module, which reads every record it does not: on
 * generated records (200 tries × 200 records) of plainly written fields and of raw characters
 * that CSV treats specially, whatever it splits has exactly Jackson's fields.
 */
class CsvFieldsProperties {
  private static final String RAW = "a,\"\n\r \t#\\;\u00e9\uD83D\uDE80";

  @Property(tries = 200)
  void splitsLikeJackson(@ForAll long seed) throws IOException {
    Random rnd = new Random(seed);
    int split = 0;
    for (int i = 0; i < 200; i++) {
      String record = rnd.nextBoolean() ? plain(rnd) : raw(rnd);
      String[] row = new String[40];
      int[] positions = new int[40];
      for (int p = 0; p < positions.length; p++) positions[p] = p;
      int count = CsvFields.split(record, positions, row);
      if (count < 0) continue;
      split++;
      List<String> jackson = AcledDecoder.fields(record);
      assertThat(count).as("fields of [%s]", record).isEqualTo(jackson.size());
      assertThat(CsvFields.split(record, CsvFields.COUNT_ONLY, null)).isEqualTo(count);
      assertThat(Arrays.asList(row).subList(0, Math.min(count, row.length))).as("[%s]", record)
          .isEqualTo(jackson.subList(0, Math.min(count, row.length)));
    }
    assertThat(split).as("plain records are split here").isGreaterThan(50);
  }

  @Test
  void leavesOddRecordsToJackson() {
    for (String odd : List.of("a\"b,c", "\"a\"b,c", "\"a\" ,b", "\"open,b", "a\rb", "a\nb", " \"a\",b")) {
      assertThat(CsvFields.split(odd, CsvFields.COUNT_ONLY, null)).as(odd).isEqualTo(-1);
    }
  }

  /** Fields each either unquoted without quotes and line breaks, or quoted with doubled quotes inside; no CR. */
  private static String plain(Random rnd) {
    StringBuilder b = new StringBuilder();
    for (int f = rnd.nextInt(35); f >= 0; f--) {
      String text = raw(rnd).replace("\r", "");
      if (rnd.nextBoolean()) b.append('"').append(text.replace("\"", "\"\"")).append('"');
      else b.append(text.replaceAll("[\",\n\r]", ""));
      if (f > 0) b.append(',');
    }
    return b.toString();
  }

  private static String raw(Random rnd) {
    StringBuilder b = new StringBuilder();
    for (int n = rnd.nextInt(12); n > 0; n--) {
      int c = rnd.nextInt(RAW.length());
      if (Character.isHighSurrogate(RAW.charAt(c))) b.append(RAW, c, c + 2);
      else if (!Character.isLowSurrogate(RAW.charAt(c))) b.append(RAW.charAt(c));
    }
    return b.toString();
  }
}
