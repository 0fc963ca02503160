package org.caveat.packtest;

import java.util.List;
import org.caveat.parse.PackTestCase;
import org.caveat.policy.Diagnostic;

/**
 * The outcome of a pack test run: one result per case (in file order), problems that kept cases
 * from running (e.g. an unknown assumption in {@code assume}), and the rules no case decides, as
 * {@code grant@version#rule}.
 */
public record PackTestReport(List<CaseResult> results, List<Diagnostic> problems, List<String> undecided) {

  /** A case and the ways its answer differs from what it expects (empty when it passes). */
  public record CaseResult(PackTestCase testCase, List<Mismatch> mismatches) {
    public boolean passed() {
      return mismatches.isEmpty();
    }
  }

  /** One expected field that the answer does not match. */
  public record Mismatch(String field, String expected, String actual) {}

  public long passed() {
    return results.stream().filter(CaseResult::passed).count();
  }

  public long failed() {
    return results.size() - passed() + problems.size();
  }
}
