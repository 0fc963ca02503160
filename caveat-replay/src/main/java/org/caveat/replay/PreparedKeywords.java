package org.caveat.replay;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A transparent speed-up of mapping expressions. Keyword tests of the form
 * {@code row.COLUMN.contains("literal")} dominate mappings and cost far more through the CEL
 * interpreter than in Java. In the program that runs (never in diagnostics, which use the text as
 * written):
 * <ol>
 *   <li>each distinct keyword test becomes a boolean variable;</li>
 *   <li>a run of such variables joined only by {@code ||}, standing alone as an operand (preceded
 *       by the start, {@code (}, {@code ?}, {@code :}, {@code ,} or {@code [} and followed by the
 *       end, {@code )}, {@code ?}, {@code :}, {@code ,} or {@code ]}), becomes one variable that is
 *       true when any of its tests holds — {@code ||} binds more loosely than every operator that
 *       could be adjacent otherwise, so the grouping is unchanged.</li>
 * </ol>
 * {@link Mapping} computes a variable with {@link String#contains} only when CEL asks for it.
 * {@code contains} is pure, so the rewritten program means exactly what was written. Only
 * literals without escapes are rewritten.
 */
final class PreparedKeywords {
  static final String PREFIX = "caveat_kw_";
  private static final Pattern CALL =
      Pattern.compile("\\brow\\.([a-z0-9_]+)\\.contains\\(\\s*(?:\"([^\"\\\\]*)\"|'([^'\\\\]*)')\\s*\\)");
  private static final Pattern RUN = Pattern.compile(PREFIX + "(\\d+)(?:\\s*\\|\\|\\s*" + PREFIX + "\\d+)+\\b");
  private static final Pattern VARIABLE = Pattern.compile(PREFIX + "(\\d+)");

  /** One keyword test: the canonical column index and the literal. */
  record Keyword(int column, String literal) {}

  /** Variable number → the tests it stands for (true when any holds). */
  private final List<Keyword[]> variables = new ArrayList<>();
  private final Map<String, Integer> byKey = new LinkedHashMap<>();

  private int variable(List<Keyword> tests) {
    String key = tests.toString();
    return byKey.computeIfAbsent(key, k -> {
      variables.add(tests.toArray(Keyword[]::new));
      return variables.size() - 1;
    });
  }

  /** The expression as it runs: keyword tests and alone-standing runs of them as variables. */
  String rewrite(String expression) {
    Matcher m = CALL.matcher(expression);
    StringBuilder single = new StringBuilder();
    while (m.find()) {
      Integer column = AcledColumns.INDEX.get(m.group(1));
      if (column == null) {
        m.appendReplacement(single, Matcher.quoteReplacement(m.group()));
        continue;
      }
      String literal = m.group(2) != null ? m.group(2) : m.group(3);
      m.appendReplacement(single, PREFIX + variable(List.of(new Keyword(column, literal))));
    }
    m.appendTail(single);
    String text = single.toString();
    Matcher run = RUN.matcher(text);
    StringBuilder merged = new StringBuilder();
    while (run.find()) {
      if (!standsAlone(text, run.start(), run.end())) {
        run.appendReplacement(merged, Matcher.quoteReplacement(run.group()));
        continue;
      }
      List<Keyword> tests = new ArrayList<>();
      Matcher v = VARIABLE.matcher(run.group());
      while (v.find()) tests.addAll(List.of(variables.get(Integer.parseInt(v.group(1)))));
      run.appendReplacement(merged, PREFIX + variable(tests));
    }
    run.appendTail(merged);
    return merged.toString();
  }

  private static boolean standsAlone(String text, int start, int end) {
    int b = start - 1;
    while (b >= 0 && Character.isWhitespace(text.charAt(b))) b--;
    int a = end;
    while (a < text.length() && Character.isWhitespace(text.charAt(a))) a++;
    boolean before = b < 0 || "(?:,[".indexOf(text.charAt(b)) >= 0;
    boolean after = a >= text.length() || ")?:,]".indexOf(text.charAt(a)) >= 0;
    return before && after;
  }

  /** The tests of each variable, in variable order ({@code caveat_kw_0}, {@code caveat_kw_1}, …). */
  List<Keyword[]> variables() {
    return List.copyOf(variables);
  }

  static final String CHOICE_PREFIX = "caveat_choice_";
  private static final Pattern STEP = Pattern.compile("\\s*" + PREFIX + "(\\d+)\\s*\\?\\s*\"([^\"\\\\]*)\"\\s*:");
  private static final Pattern LAST = Pattern.compile("\\s*\"([^\"\\\\]*)\"\\s*");
  private static final Pattern SINGLE = Pattern.compile("\\s*" + PREFIX + "(\\d+)\\s*");

  /**
   * A whole expression {@code kw_a ? v_a : kw_b ? v_b : … : otherwise} with literal values,
   * computed in Java as one variable: the value of the first keyword variable that holds. The
   * CEL conditional means exactly this (conditions and literals are pure), and each variable read
   * through the interpreter costs more than the tests themselves.
   */
  record Choice(int[] variables, Object[] values, Object otherwise) {
    Object pick(Keyword[][] tests, String[] row) {
      for (int j = 0; j < variables.length; j++) if (holds(tests[variables[j]], row)) return values[j];
      return otherwise;
    }
  }

  /** The rewritten expression as a choice among string literals, or null when it is anything else. */
  static Choice stringChoice(String rewritten) {
    List<Integer> variables = new ArrayList<>();
    List<String> values = new ArrayList<>();
    Matcher step = STEP.matcher(rewritten);
    int at = 0;
    while (step.region(at, rewritten.length()).lookingAt()) {
      variables.add(Integer.parseInt(step.group(1)));
      values.add(step.group(2));
      at = step.end();
    }
    Matcher last = LAST.matcher(rewritten).region(at, rewritten.length());
    if (variables.isEmpty() || !last.matches()) return null;
    return new Choice(variables.stream().mapToInt(Integer::intValue).toArray(), values.toArray(), last.group(1));
  }

  /** The variable number when the rewritten expression is one keyword variable alone, else null. */
  static Integer single(String rewritten) {
    Matcher m = SINGLE.matcher(rewritten);
    return m.matches() ? Integer.valueOf(m.group(1)) : null;
  }

  /** Whether any of the tests holds for the row. */
  static boolean holds(Keyword[] tests, String[] row) {
    for (Keyword t : tests) if (row[t.column()].contains(t.literal())) return true;
    return false;
  }
}
