package org.caveat.replay;

import java.io.BufferedReader;
import java.io.IOException;

/**
 * Cuts CSV text into records without parsing their fields, so that parsing can run on worker
 * threads and one broken record cannot take the rest of the file with it.
 *
 * <p>Algorithm: RFC 4180 quoting means a record is complete exactly when it holds an even number
 * of {@code "} characters (an escaped quote is two). Physical lines are joined while the count is
 * odd — a quoted field with a line break — up to {@link #MAX_LINES} lines; past that the opening
 * quote is taken to be unterminated, the record is reported as broken at its first line, and
 * reading resumes on the line after it. The fields themselves are parsed by Jackson's CSV parser.
 */
final class CsvRecordFramer {
  /** A quoted field may span at most this many lines (ACLED notes are a few sentences). */
  static final int MAX_LINES = 50;

  /** One record: its text (line breaks inside quotes kept), first line, and a framing error or null. */
  record Framed(String text, long line, String error) {}

  private final BufferedReader in;
  private long lineNo;
  /** Lines read ahead while looking for a closing quote that never came; replayed first. */
  private final java.util.ArrayDeque<String> replay = new java.util.ArrayDeque<>();

  CsvRecordFramer(BufferedReader in) {
    this.in = in;
  }

  /** The number of the last physical line handed out. */
  long line() {
    return lineNo;
  }

  private String nextLine() throws IOException {
    String s = replay.isEmpty() ? in.readLine() : replay.pollFirst();
    if (s != null) lineNo++;
    return s;
  }

  /** The next record, skipping blank lines; null at the end of the input. */
  Framed next() throws IOException {
    String first;
    do {
      first = nextLine();
      if (first == null) return null;
    } while (first.isBlank());
    long start = lineNo;
    if (quotes(first) % 2 == 0) return new Framed(first, start, null);
    StringBuilder text = new StringBuilder(first);
    java.util.List<String> joined = new java.util.ArrayList<>();
    int count = quotes(first);
    while (count % 2 != 0) {
      String more = nextLine();
      if (more == null || joined.size() + 1 >= MAX_LINES) {
        if (more != null) joined.add(more);
        // Unterminated: give the joined lines back and resume on the line after the first.
        for (int i = joined.size() - 1; i >= 0; i--) replay.addFirst(joined.get(i));
        lineNo = start;
        return new Framed(first, start, "broken quoting: a quoted field opened on this line is never closed");
      }
      joined.add(more);
      text.append('\n').append(more);
      count += quotes(more);
    }
    return new Framed(text.toString(), start, null);
  }

  private static int quotes(String s) {
    int n = 0;
    for (int i = s.indexOf('"'); i >= 0; i = s.indexOf('"', i + 1)) n++;
    return n;
  }
}
