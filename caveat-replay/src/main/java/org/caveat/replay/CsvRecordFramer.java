package org.caveat.replay;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.caveat.json.InputLines;

/**
 * Cuts CSV text into records without parsing their fields, so that parsing can run on worker
 * threads and one broken record cannot take the rest of the file with it.
 *
 * <p>Lines come from {@link InputLines}: CR and byte-order marks dropped, invalid UTF-8 an error
 * of its line. A line with an even number of {@code "} is a record. A line with an odd number has
 * a quoted field left open: RFC 4180 lets a quoted field hold line breaks (ACLED notes sometimes
 * do), so lines are joined until the count is even, up to {@link #MAX_LINES} lines. The joined
 * record is accepted only whole: it must have the header's number of fields, and none of the lines
 * it took may be a complete record on its own. Otherwise the quote is taken to be broken: the
 * first line alone is reported, and every line after it is read again as its own record, so a
 * stray quote never hides the rows after it and every non-blank line after the header belongs to
 * exactly one record.
 */
final class CsvRecordFramer {
  /** A quoted field may span at most this many lines. */
  static final int MAX_LINES = 50;

  /** One record: its text (line breaks inside quotes kept), its lines, and a framing error or null. */
  record Framed(String text, long line, long lastLine, String error) {}

  private final InputLines in;
  /** The header's number of fields once known, else 0 (any joined record is then accepted). */
  private int width;

  CsvRecordFramer(InputLines in) {
    this.in = in;
  }

  void width(int fields) {
    this.width = fields;
  }

  /** The next record, skipping blank lines; null at the end of the input. */
  Framed next() throws IOException {
    InputLines.Line first;
    do {
      first = in.next();
      if (first == null) return null;
    } while (first.blank());
    long n = first.number();
    if (first.error() != null) return new Framed(null, n, n, first.error().message());
    int count = quotes(first.text());
    if (count % 2 == 0) return new Framed(first.text(), n, n, null);
    StringBuilder text = new StringBuilder(first.text());
    List<InputLines.Line> joined = new ArrayList<>();
    boolean whole = true;
    while (count % 2 != 0) {
      InputLines.Line more = in.next();
      if (more == null || more.error() != null || joined.size() + 1 >= MAX_LINES) {
        if (more != null) joined.add(more);
        whole = false;
        break;
      }
      joined.add(more);
      text.append('\n').append(more.text());
      count += quotes(more.text());
      if (width > 0 && isRecordAlone(more.text())) whole = false;
    }
    if (whole && (width == 0 || AcledDecoder.fieldCount(text.toString()) == width)) {
      return new Framed(text.toString(), n, joined.get(joined.size() - 1).number(), null);
    }
    in.pushBack(joined);
    return new Framed(first.text(), n, n, "broken quoting: a quoted field opened on this line is not closed"
        + " (the lines after it are read as rows of their own)");
  }

  private boolean isRecordAlone(String line) {
    return quotes(line) % 2 == 0 && AcledDecoder.fieldCount(line) == width;
  }

  private static int quotes(String s) {
    int n = 0;
    for (int i = s.indexOf('"'); i >= 0; i = s.indexOf('"', i + 1)) n++;
    return n;
  }
}
