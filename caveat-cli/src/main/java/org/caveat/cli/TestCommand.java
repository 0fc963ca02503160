package org.caveat.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.caveat.Caveat;
import org.caveat.packtest.PackTestReport;
import org.caveat.packtest.PackTestRunner;
import org.caveat.parse.PackTestCase;
import org.caveat.policy.Diagnostic;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code caveat test}: runs the cases packs carry in {@code GRANT/tests/*.yaml} and reports each
 * like a test runner. A problem in a pack or a test file is a diagnostic (exit 1), never a pass.
 */
@Command(name = "test",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    header = "Runs the test cases of policy packs (GRANT/tests/*.yaml).",
    description = {
        "",
        "Decides each case's request with the packs of its folder (and the case's",
        "`assume` overrides) and compares the answer with the case's `expect`: prints",
        "PASS or FAIL per case, with expected and actual for every field that differs,",
        "then `N passed, M failed`. Without PACK_DIR, the built-in packs.", ""},
    footer = {
        "",
        "Examples:",
        "  caveat test",
        "  caveat test packs --coverage",
        "  caveat test packs/us-ua",
        "",
        "Exit codes: 0 every case passed (and, with --coverage, every rule is decided);",
        "1 a case failed, a rule is undecided, or a pack or test file has a problem; 64 wrong usage."})
final class TestCommand implements Callable<Integer> {
  @Parameters(paramLabel = "PACK_DIR", arity = "0..*",
      description = "Folders of grant folders, or grant folders (default: the built-in packs).")
  private List<Path> dirs = new ArrayList<>();

  @Option(names = "--coverage", description = "Also list the rules (grant@version#rule) that no case decides, "
      + "i.e. that are never among a case's determining rules; any such rule fails the run.")
  private boolean coverage;

  @Option(names = "--quiet", description = "Print only failures and the summary.")
  private boolean quiet;

  @CommandLine.Spec
  private CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    List<PackTestReport> reports = new ArrayList<>();
    if (dirs.isEmpty()) {
      reports.add(run(PackTestRunner.builtInCases(), assume -> Engines.build(null, assume, null)));
    } else {
      for (Path dir : dirs) {
        reports.add(run(PackTestRunner.cases(dir), assume -> Engines.build(dir, assume, null)));
      }
    }
    long passed = 0;
    long failed = 0;
    int cases = 0;
    List<String> undecided = new ArrayList<>();
    PrintWriter err = spec.commandLine().getErr();
    for (PackTestReport r : reports) {
      for (PackTestReport.CaseResult c : r.results()) print(out, c);
      for (Diagnostic d : r.problems()) err.println(CliDiagnostics.render(d));
      passed += r.passed();
      failed += r.failed();
      cases += r.results().size() + r.problems().size();
      undecided.addAll(r.undecided());
    }
    if (coverage) {
      if (undecided.isEmpty()) {
        out.println("coverage: every rule is decided by at least one case");
      } else {
        out.println("coverage: " + undecided.size() + " rule" + (undecided.size() == 1 ? "" : "s")
            + " no case decides:");
        undecided.forEach(u -> out.println("  " + u));
      }
    }
    out.println(passed + " passed, " + failed + " failed" + (cases == 0 ? " (no cases found under tests/)" : ""));
    out.flush();
    err.flush();
    return failed > 0 || cases == 0 || (coverage && !undecided.isEmpty()) ? CaveatCli.FAILED : CaveatCli.OK;
  }

  private static PackTestReport run(List<PackTestCase> cases, java.util.function.Function<Map<String, String>,
      Caveat> engines) {
    return new PackTestRunner(engines).run(cases);
  }

  private void print(PrintWriter out, PackTestReport.CaseResult c) {
    PackTestCase t = c.testCase();
    if (c.passed()) {
      if (!quiet) out.println("PASS  " + t.at() + "  " + t.name());
      return;
    }
    out.println("FAIL  " + t.at() + "  " + t.name());
    for (PackTestReport.Mismatch m : c.mismatches()) {
      out.printf("        %-12s - expected: %s%n", m.field(), m.expected());
      out.printf("        %-12s + actual:   %s%n", "", m.actual());
    }
  }
}
