package org.caveat.replay;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * Reads one ACLED record into the canonical column order of {@link AcledColumns}, normalised so
 * one mapping serves every export variant: columns are found by header name; dates written
 * {@code 01 January 2004} become ISO {@code 2004-01-01}; numeric {@code inter1}/{@code inter2}
 * codes become their names; absent columns are empty. Checks what every request needs (a date and
 * a position on the globe) and says which column is wrong. Thread-safe.
 */
final class AcledDecoder {
  private static final CsvFactory CSV = CsvFactory.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY).build();
  private static final DateTimeFormatter LONG_DATE = new DateTimeFormatterBuilder().parseCaseInsensitive()
      .appendPattern("d[ ][-]MMMM[ ][-]uuuu").toFormatter(Locale.ENGLISH);
  private static final DateTimeFormatter SHORT_DATE = new DateTimeFormatterBuilder().parseCaseInsensitive()
      .appendPattern("d[ ][-]MMM[ ][-]uuuu").toFormatter(Locale.ENGLISH);

  /** file position → canonical index, or -1 for a column the mapping does not know. */
  private final int[] positions;
  private final int width;

  private AcledDecoder(int[] positions) {
    this.positions = positions;
    this.width = positions.length;
  }

  /** The columns {@link #check} reads, and the event id that bad rows are reported with. */
  private static final Set<Integer> OWN = Set.of(AcledColumns.EVENT_ID, AcledColumns.EVENT_DATE,
      AcledColumns.INTER1, AcledColumns.INTER2, AcledColumns.LATITUDE, AcledColumns.LONGITUDE);

  /** The decoder for a header line, extracting every column. */
  static AcledDecoder forHeader(String headerLine) {
    return forHeader(headerLine, column -> true);
  }

  /**
   * The decoder for a header line that extracts only the columns {@code needed} accepts (and those
   * it checks itself); the others are counted but left empty in the row, which saves copying
   * columns no expression reads.
   *
   * @throws ReplayException when the header lacks a column every request needs
   */
  static AcledDecoder forHeader(String headerLine, IntPredicate needed) {
    List<String> names;
    try {
      names = fields(headerLine);
    } catch (IOException e) {
      throw new ReplayException("line 1: the ACLED header cannot be read: " + e.getMessage());
    }
    int[] positions = new int[names.size()];
    List<String> seen = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      String n = names.get(i).strip().toLowerCase(Locale.ROOT);
      if (i == 0 && n.startsWith("\uFEFF")) n = n.substring(1);
      Integer idx = AcledColumns.INDEX.get(n);
      positions[i] = idx == null || !(needed.test(idx) || OWN.contains(idx)) ? -1 : idx;
      seen.add(n);
    }
    List<String> missing = AcledColumns.REQUIRED.stream().filter(c -> !seen.contains(c)).toList();
    if (!missing.isEmpty()) {
      throw new ReplayException("line 1: the ACLED header has no column " + String.join(", ", missing)
          + " (columns are found by name; the header names " + names.size() + " columns)");
    }
    return new AcledDecoder(positions);
  }

  /**
   * The row's canonical values.
   *
   * @throws BadRow naming the column and what is wrong with it
   */
  String[] decode(String record) {
    String[] row = new String[AcledColumns.NAMES.size()];
    java.util.Arrays.fill(row, "");
    // Plainly written records go straight into the row; any other is read by Jackson as before.
    int count = CsvFields.split(record, positions, row);
    if (count < 0) {
      List<String> values;
      try {
        values = fields(record);
      } catch (IOException e) {
        throw new BadRow("broken quoting: " + firstLine(e.getMessage()));
      }
      count = values.size();
      java.util.Arrays.fill(row, "");
      for (int i = 0; i < Math.min(width, count); i++) {
        if (positions[i] >= 0) row[positions[i]] = values.get(i);
      }
    }
    if (count != width) {
      throw new BadRow("wrong column count: the header has " + width + " columns, this row " + count);
    }
    try {
      check(row);
    } catch (BadRow e) {
      String id = row[AcledColumns.EVENT_ID].strip();
      throw new BadRow(e.getMessage(), id.isEmpty() ? null : id);
    }
    return row;
  }

  /** Normalises the date and inter codes in place and checks the position. */
  private static void check(String[] row) {
    row[AcledColumns.EVENT_DATE] = isoDate(row[AcledColumns.EVENT_DATE]);
    row[AcledColumns.INTER1] = AcledColumns.INTER_CODES.getOrDefault(row[AcledColumns.INTER1].strip(),
        row[AcledColumns.INTER1]);
    row[AcledColumns.INTER2] = AcledColumns.INTER_CODES.getOrDefault(row[AcledColumns.INTER2].strip(),
        row[AcledColumns.INTER2]);
    coordinate(row[AcledColumns.LATITUDE], "latitude", 90);
    coordinate(row[AcledColumns.LONGITUDE], "longitude", 180);
  }

  int width() {
    return width;
  }

  /** The number of fields of a record, or -1 when it is not one well-formed CSV row. */
  static int fieldCount(String record) {
    int plain = CsvFields.split(record, CsvFields.COUNT_ONLY, null);
    if (plain >= 0) return plain;
    try {
      return fields(record).size();
    } catch (IOException e) {
      return -1;
    }
  }

  /** The record's fields as Jackson's CSV module reads them. */
  static List<String> fields(String record) throws IOException {
    List<String> out = new ArrayList<>(32);
    try (JsonParser p = CSV.createParser(record)) {
      // WRAP_AS_ARRAY: the document is an array of rows, each row an array of strings.
      if (p.nextToken() != JsonToken.START_ARRAY || p.nextToken() != JsonToken.START_ARRAY) return out;
      for (JsonToken t = p.nextToken(); t != null && t != JsonToken.END_ARRAY; t = p.nextToken()) {
        out.add(p.getText());
      }
      if (p.nextToken() == JsonToken.START_ARRAY) throw new IOException("one record holds several rows");
    }
    return out;
  }

  /** ISO {@code 2024-06-01}, or the older {@code 01 June 2024} / {@code 01-June-2024} / {@code 1 Jun 2024}. */
  static String isoDate(String text) {
    String s = text.strip();
    if (s.isEmpty()) throw new BadRow("event_date is empty");
    try {
      if (s.length() == 10 && s.charAt(4) == '-' && s.charAt(7) == '-') return iso(s);
      try {
        return LocalDate.parse(s, LONG_DATE).toString();
      } catch (DateTimeParseException e) {
        return LocalDate.parse(s, SHORT_DATE).toString();
      }
    } catch (DateTimeParseException e) {
      throw new BadRow("event_date `" + s + "` is not a date (2024-06-01 or 01 June 2024)");
    }
  }

  /**
   * The common case without a formatter (the formatter is a tenth of a row's cost): digits checked,
   * then {@link LocalDate#of} validates the calendar date; the text is returned as it was.
   */
  private static String iso(String s) {
    for (int i : new int[] {0, 1, 2, 3, 5, 6, 8, 9}) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') throw new DateTimeParseException("not ISO", s, i);
    }
    try {
      LocalDate.of(Integer.parseInt(s, 0, 4, 10), Integer.parseInt(s, 5, 7, 10), Integer.parseInt(s, 8, 10, 10));
    } catch (java.time.DateTimeException e) {
      throw new DateTimeParseException(e.getMessage(), s, 0);
    }
    return s;
  }

  private static void coordinate(String text, String column, double limit) {
    double d;
    try {
      d = Double.parseDouble(text.strip());
    } catch (NumberFormatException e) {
      throw new BadRow(column + " `" + text + "` is not a number of degrees");
    }
    if (!Double.isFinite(d) || d < -limit || d > limit) {
      throw new BadRow(column + " " + text.strip() + " is outside [-" + (int) limit + ", " + (int) limit + "]");
    }
  }

  private static String firstLine(String s) {
    if (s == null) return "unreadable record";
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
