package org.caveat.timeline;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.caveat.Caveat;
import org.caveat.decide.Outcome;
import org.caveat.model.Request;
import org.caveat.policy.Diagnostic;
import org.caveat.policy.PolicyException;
import org.caveat.policy.Setting;

/**
 * How much an assumption matters: every request decided once per value of the assumption, the
 * count of each decision per value, and the requests whose decision differs across the values.
 */
public final class Sensitivity {
  /** At most this many values in one range. */
  public static final int MAX_VALUES = 1_000;

  private static final Pattern RANGE = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(.+?)\\.\\.([^:]+):(.+)");

  private Sensitivity() {}

  /** An assumption name and the values to try, as the texts given to {@code --assume}. */
  public record Range(String name, List<BigDecimal> values) {
    public Range {
      values = List.copyOf(values);
    }

    /** The value texts, e.g. "40", "60", "2.5". */
    public List<String> texts() {
      return values.stream().map(Sensitivity::text).toList();
    }
  }

  /** A request to vary, labelled for the report (its id, or "line N"). */
  public record Item(String label, Request request) {}

  /** One value's counts, in {@link Outcome} order. */
  public record Row(BigDecimal value, Map<Outcome, Integer> counts) {}

  /** A request whose decision is not the same for every value; decisions aligned with the values. */
  public record Flip(String label, List<Outcome> decisions) {}

  /** The table and the flips, flips in input order. */
  public record Result(String name, List<BigDecimal> values, int requests, List<Row> rows, List<Flip> flips) {}

  /**
   * Parses {@code NAME=FROM..TO:STEP}, e.g. {@code kharkiv_band_depth_km=40..120:20}: FROM ≤ TO,
   * STEP > 0, at most {@link #MAX_VALUES} values (FROM, FROM+STEP, … up to TO). Whether the name
   * exists is for the engine builder to say.
   *
   * @throws PolicyException {@code vary.syntax} or {@code vary.range} with a hint
   */
  public static Range parse(String spec) {
    Matcher m = RANGE.matcher(spec == null ? "" : spec.strip());
    if (!m.matches()) throw bad("vary.syntax", "`" + spec + "` is not NAME=FROM..TO:STEP");
    BigDecimal from = number(m.group(2), spec);
    BigDecimal to = number(m.group(3), spec);
    BigDecimal step = number(m.group(4), spec);
    if (step.signum() <= 0) throw bad("vary.range", "the step must be greater than 0, got " + text(step));
    if (from.compareTo(to) > 0) throw bad("vary.range", "FROM must not exceed TO: " + text(from) + " > " + text(to));
    BigDecimal count = to.subtract(from).divideToIntegralValue(step).add(BigDecimal.ONE);
    if (count.compareTo(BigDecimal.valueOf(MAX_VALUES)) > 0) {
      throw bad("vary.range", "the range has " + count.toPlainString() + " values; at most " + MAX_VALUES);
    }
    List<BigDecimal> values = new ArrayList<>();
    for (int i = 0; i < count.intValue(); i++) values.add(from.add(step.multiply(BigDecimal.valueOf(i))));
    return new Range(m.group(1), values);
  }

  private static BigDecimal number(String s, String spec) {
    try {
      return new BigDecimal(s.strip());
    } catch (NumberFormatException e) {
      throw bad("vary.syntax", "`" + s + "` in `" + spec + "` is not a number");
    }
  }

  private static PolicyException bad(String code, String message) {
    Setting range = new Setting(Setting.Kind.VARY, null, "kharkiv_band_depth_km=40..120:20");
    return new PolicyException(List.of(new Diagnostic(code, range.at(), message, range.exampleHint(), range)));
  }

  /** "40", "2.5": no exponent, no trailing zeros. */
  static String text(BigDecimal v) {
    String s = v.stripTrailingZeros().toPlainString();
    return s.equals("-0") ? "0" : s;
  }

  /**
   * Decides every item once per value.
   *
   * @param engines the engine for a value text (e.g. {@code Caveat.builder().assume(name, value).build()});
   *                called once per value, in order, so the first call reports a bad name or type
   */
  public static Result run(Range range, Function<String, Caveat> engines, List<Item> items) {
    List<String> texts = range.texts();
    Outcome[][] decisions = new Outcome[items.size()][texts.size()];
    List<Row> rows = new ArrayList<>();
    for (int j = 0; j < texts.size(); j++) {
      Caveat caveat = engines.apply(texts.get(j));
      int col = j;
      IntStream.range(0, items.size()).parallel()
          .forEach(i -> decisions[i][col] = caveat.decide(items.get(i).request()).outcome());
      Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
      for (Outcome o : Outcome.values()) counts.put(o, 0);
      for (Outcome[] d : decisions) counts.merge(d[col], 1, Integer::sum);
      rows.add(new Row(range.values().get(j), java.util.Collections.unmodifiableMap(counts)));
    }
    List<Flip> flips = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      List<Outcome> d = List.of(decisions[i]);
      if (d.stream().distinct().count() > 1) flips.add(new Flip(items.get(i).label(), d));
    }
    return new Result(range.name(), range.values(), items.size(), List.copyOf(rows), List.copyOf(flips));
  }
}
