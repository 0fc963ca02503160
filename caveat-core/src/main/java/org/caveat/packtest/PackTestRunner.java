package org.caveat.packtest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.caveat.Caveat;
import org.caveat.explain.Answer;
import org.caveat.json.RequestReader;
import org.caveat.parse.PackLoader;
import org.caveat.parse.PackTestCase;
import org.caveat.parse.PackTestFiles;
import org.caveat.policy.Diagnostic;
import org.caveat.policy.PolicyException;

/**
 * Decides every case and compares. Engines are built once per distinct set of {@code assume}
 * overrides by the given factory (the packs under test plus the overrides).
 */
public final class PackTestRunner {
  private final Function<Map<String, String>, Caveat> engines;
  private final Map<Map<String, String>, Object> built = new HashMap<>();

  public PackTestRunner(Function<Map<String, String>, Caveat> engines) {
    this.engines = engines;
  }

  /** The cases of the built-in packs ({@code GRANT/tests/*.yaml}). */
  public static List<PackTestCase> builtInCases() {
    return PackTestFiles.builtIn(PackLoader.builtIn());
  }

  /** The cases of the packs in {@code dir}. @throws PolicyException for a pack or case file that cannot be read */
  public static List<PackTestCase> cases(Path dir) {
    return PackTestFiles.load(dir, PackLoader.load(dir));
  }

  public PackTestReport run(List<PackTestCase> cases) {
    List<PackTestReport.CaseResult> results = new ArrayList<>();
    List<Diagnostic> problems = new ArrayList<>();
    Set<String> decided = new TreeSet<>();
    for (PackTestCase c : cases) {
      Object engine = built.computeIfAbsent(c.assume(), this::build);
      if (engine instanceof PolicyException e) {
        for (Diagnostic d : e.diagnostics()) {
          problems.add(new Diagnostic(d.code(), c.at(), "case `" + c.name() + "`: " + d.message(), d.hint(),
              d.setting()));
        }
        continue;
      }
      Answer a = ((Caveat) engine).answer(RequestReader.read(c.request()).request());
      for (Answer.GrantAnswer g : a.grants()) {
        g.determining().forEach(r -> decided.add(g.grant() + "@" + g.version() + "#" + r));
      }
      results.add(new PackTestReport.CaseResult(c, compare(c, a)));
    }
    return new PackTestReport(results, problems, undecided(decided));
  }

  private Object build(Map<String, String> assume) {
    try {
      return engines.apply(assume);
    } catch (PolicyException e) {
      return e;
    }
  }

  /** Every rule of every version of the packs (without overrides) that no case decides. */
  private List<String> undecided(Set<String> decided) {
    Object base = built.computeIfAbsent(Map.of(), this::build);
    if (!(base instanceof Caveat engine)) return List.of();
    List<String> out = new ArrayList<>();
    for (var g : engine.grants()) {
      for (var v : g.versions()) {
        for (var r : v.policy().rules()) {
          String key = g.grant().id() + "@" + v.policy().version() + "#" + r.id();
          if (!decided.contains(key)) out.add(key);
        }
      }
    }
    return out;
  }

  static List<PackTestReport.Mismatch> compare(PackTestCase c, Answer a) {
    PackTestCase.Expect e = c.expect();
    List<PackTestReport.Mismatch> out = new ArrayList<>();
    check(out, "decision", e.decision(), a.decision().name());
    boolean perGrant = e.version() != null || e.basis() != null || e.determining() != null || e.missing() != null
        || e.closest() != null;
    Answer.GrantAnswer g = a.grants().stream().filter(x -> x.grant().equals(c.grant())).findFirst().orElse(null);
    if (g == null) {
      if (perGrant) {
        out.add(new PackTestReport.Mismatch("grant", "an entry for " + c.grant(), "none (grants: "
            + a.grants().stream().map(Answer.GrantAnswer::grant).toList() + ")"));
      }
    } else {
      check(out, "version", e.version(), g.version() == null ? PackTestCase.NONE : g.version());
      check(out, "basis", e.basis(), g.basis());
      if (e.determining() != null) check(out, "determining", e.determining().toString(), g.determining().toString());
      if (e.missing() != null) check(out, "missing", e.missing().toString(), g.missing().toString());
      check(out, "closest", e.closest(), g.closest() == null ? PackTestCase.NONE : g.closest().rule());
      if (e.closestMargin() != null) {
        Double m = g.closest() == null ? null : g.closest().margin();
        if (m == null) out.add(new PackTestReport.Mismatch("closest.margin", e.closestMargin(), "none"));
        else number(out, "closest.margin", e.closestMargin(), m);
      }
    }
    if (e.facts() != null) {
      for (Map.Entry<String, String> f : e.facts().entrySet()) {
        switch (f.getKey()) {
          case "country" -> exact(out, "facts.country", f.getValue(), a.facts().country());
          case "region" -> exact(out, "facts.region", f.getValue(), a.facts().region());
          case "waters" -> exact(out, "facts.waters", f.getValue(), a.facts().waters());
          default -> number(out, "facts." + f.getKey(), f.getValue(), a.facts().distanceToBorderKm());
        }
      }
    }
    return out;
  }

  private static void check(List<PackTestReport.Mismatch> out, String field, String expected, String actual) {
    if (expected != null) exact(out, field, expected, actual);
  }

  private static void exact(List<PackTestReport.Mismatch> out, String field, String expected, String actual) {
    if (!Objects.equals(expected, actual)) {
      out.add(new PackTestReport.Mismatch(field, String.valueOf(expected), String.valueOf(actual)));
    }
  }

  /** A number matches when the actual value, rounded to the decimals the case wrote, equals it. */
  private static void number(List<PackTestReport.Mismatch> out, String field, String expected, double actual) {
    BigDecimal want;
    try {
      want = new BigDecimal(expected);
    } catch (NumberFormatException | NullPointerException ex) {
      out.add(new PackTestReport.Mismatch(field, String.valueOf(expected), String.valueOf(actual)));
      return;
    }
    BigDecimal got = BigDecimal.valueOf(actual).setScale(Math.max(0, want.scale()), RoundingMode.HALF_UP);
    if (got.compareTo(want) != 0) out.add(new PackTestReport.Mismatch(field, expected, got.toPlainString()));
  }
}
