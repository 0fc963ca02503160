package org.caveat.replay;

/**
 * Splits one framed CSV record into its fields when it is written plainly: every field either
 * unquoted without {@code "}, or wholly quoted with {@code ""} for a quote inside, followed by a
 * comma or the end. That is how ACLED and every export we know write rows, and reading them so
 * costs a fraction of a Jackson parser created per record. Any other record (empty, a quote inside
 * an unquoted field, text after a closing quote, a carriage return) is not split here: the caller
 * reads it with Jackson's CSV module as before, so odd records keep exactly Jackson's reading and
 * errors ({@code CsvFieldsProperties} checks that both agree on plain records).
 */
final class CsvFields {
  private CsvFields() {}

  /** No column is kept: only the fields are counted. */
  static final int[] COUNT_ONLY = new int[0];

  /**
   * Splits the record: field {@code i} goes to {@code row[positions[i]]} when {@code i} is below
   * {@code positions.length} and {@code positions[i] >= 0}; other fields are only counted.
   *
   * @return the number of fields, or -1 when the record is not plainly written (nothing is then
   *     known about its fields; {@code row} may hold some of them)
   */
  static int split(String record, int[] positions, String[] row) {
    if (record.isEmpty() || record.indexOf('\r') >= 0) return -1;
    int n = record.length();
    int field = 0;
    int i = 0;
    while (true) {
      String value;
      if (i < n && record.charAt(i) == '"') {
        StringBuilder escaped = null;
        int from = i + 1;
        int q;
        while (true) {
          q = record.indexOf('"', from);
          if (q < 0) return -1;
          if (q + 1 < n && record.charAt(q + 1) == '"') {
            if (escaped == null) escaped = new StringBuilder(q - i + 16);
            escaped.append(record, from, q + 1);
            from = q + 2;
            continue;
          }
          break;
        }
        value = escaped == null ? record.substring(i + 1, q) : escaped.append(record, from, q).toString();
        i = q + 1;
        if (i < n && record.charAt(i) != ',') return -1;
      } else {
        int end = i;
        for (char c; end < n && (c = record.charAt(end)) != ','; end++) if (c == '"' || c == '\n') return -1;
        value = record.substring(i, end);
        i = end;
      }
      if (field < positions.length && positions[field] >= 0) row[positions[field]] = value;
      field++;
      if (i >= n) return field;
      i++; // the comma
    }
  }
}
