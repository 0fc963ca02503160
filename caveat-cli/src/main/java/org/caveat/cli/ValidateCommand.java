package org.caveat.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.caveat.Caveat;
import org.caveat.GrantInfo;
import org.caveat.policy.PolicyVersion;
import org.caveat.policy.Rule;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code caveat validate}: loads and compiles packs exactly as {@code check} would, so a pack that
 * validates is a pack that decides. Diagnostics go to stderr via the top-level handler.
 */
@Command(name = "validate",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    header = "Loads and compiles policy packs and reports every problem.",
    description = {
        "",
        "PACK_DIR is a folder of grant folders, or one grant folder. Prints each problem",
        "as file:line:col: error[code]: message (hint: …) on stderr and exits 1, or a",
        "summary of each grant's versions and exits 0.", ""},
    footer = {
        "",
        "Examples:",
        "  caveat validate packs",
        "  caveat validate packs/us-ua",
        "",
        "Exit codes: 0 valid; 1 problems found (listed on stderr); 64 wrong usage."})
final class ValidateCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "PACK_DIR", description = "The pack folder to check.")
  private Path dir;

  @CommandLine.Spec
  private CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    Caveat caveat = Engines.build(dir, Map.of(), null);
    PrintWriter out = spec.commandLine().getOut();
    List<GrantInfo> grants = caveat.grants();
    int versions = 0;
    for (GrantInfo g : grants) {
      List<PolicyVersion> vs = g.grant().versions();
      versions += vs.size();
      out.printf("%s  %s → %s  %d version%s%n", g.grant().id(), g.grant().grantor(), g.grant().grantee(),
          vs.size(), vs.size() == 1 ? "" : "s");
      for (int i = 0; i < vs.size(); i++) {
        PolicyVersion v = vs.get(i);
        String until = i + 1 < vs.size() ? day(vs.get(i + 1)) : "now";
        out.printf("  %-10s  in force %s → %-10s  %s  %s%n", v.version(), day(v), until, rules(v.rules()),
            v.title() == null ? "" : v.title());
      }
    }
    out.printf("OK: %d grant%s, %d version%s%n", grants.size(), grants.size() == 1 ? "" : "s", versions,
        versions == 1 ? "" : "s");
    out.flush();
    return CaveatCli.OK;
  }

  private static String day(PolicyVersion v) {
    return v.inForce().atOffset(ZoneOffset.UTC).toLocalDate().toString();
  }

  /** "8 rules (3 forbid, 5 permit)": the shape of a version at a glance. */
  private static String rules(List<Rule> rules) {
    long forbid = rules.stream().filter(r -> r.effect() == Rule.Effect.FORBID).count();
    return String.format("%d rule%s (%d forbid, %d permit)", rules.size(), rules.size() == 1 ? "" : "s", forbid,
        rules.size() - forbid);
  }
}
