package org.caveat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.caveat.compile.VersionCompiler;
import org.caveat.policy.Diagnostic;
import org.caveat.policy.PolicyException;
import org.caveat.policy.PolicyVersion;

/**
 * One run reports every problem of a pack: when loading finds structural problems (a field typo,
 * a missing field), the versions that could still be read are compiled anyway, so their CEL and
 * zone problems are reported in the same run instead of after the typo is fixed. The engine is
 * still never built: this only gathers diagnostics.
 */
final class AllProblems {
  /** Compile problems that a missing or misspelt top-level section would cause by itself. */
  private static final Set<String> CASCADES = Set.of("cel.undeclared", "zone.unknown", "assumption.unknown",
      "source.unknown");

  private AllProblems() {}

  static PolicyException with(PolicyException structural, List<PolicyVersion> readable, VersionCompiler compiler,
      Function<PolicyVersion, Map<String, Object>> overrides) {
    Set<Diagnostic> all = new LinkedHashSet<>(structural.diagnostics());
    // Only grants with a problem went uncompiled; the others were fine and need no second look.
    Set<String> brokenGrants = new java.util.HashSet<>();
    structural.diagnostics().forEach(d -> brokenGrants.add(folder(d.at().file())));
    for (PolicyVersion v : readable) {
      if (!brokenGrants.contains(folder(v.file()))) continue;
      if (v.grant() == null || v.grantor() == null || v.grantee() == null || v.version() == null
          || v.inForce() == null) {
        continue; // not enough of a version to compile; its structural problems say why
      }
      boolean sectionMissing = structural.diagnostics().stream().anyMatch(d -> d.at().file().equals(v.file())
          && d.at().column() == 1 && (d.code().equals("pack.unknown_field") || d.code().equals("pack.missing_field")));
      try {
        compiler.compile(v, overrides.apply(v));
      } catch (PolicyException e) {
        for (Diagnostic d : e.diagnostics()) {
          if (!(sectionMissing && CASCADES.contains(d.code()))) all.add(d);
        }
      } catch (RuntimeException e) {
        // A half-read version may not compile at all; its structural problems already explain it.
      }
    }
    return new PolicyException(new ArrayList<>(all));
  }

  private static String folder(String file) {
    int slash = file.lastIndexOf('/');
    return slash < 0 ? "" : file.substring(0, slash);
  }
}
