package org.caveat.cli;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import org.caveat.Caveat;
import org.junit.jupiter.api.Test;

/**
 * Every front end (this module, and caveat-server, caveat-store, caveat-report and caveat-replay,
 * all on this module's class path) uses caveat-core only through its public surface, as
 * {@code org/caveat/package-info.java} lists it: never the front end's stages ({@code parse},
 * {@code check}, {@code compile}), never the program ({@code program}), and of {@code decide}
 * only the verdict types.
 */
class ArchitectureTest {
  private static final JavaClasses FRONT_ENDS = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("org.caveat.cli", "org.caveat.server", "org.caveat.store", "org.caveat.report",
          "org.caveat.replay");

  /** The public types of otherwise internal packages: decide's verdict and the pack test case. */
  static final Set<String> SURFACE_EXCEPTIONS = Set.of("org.caveat.decide.Decision",
      "org.caveat.decide.Decision$GrantVerdict", "org.caveat.decide.Outcome",
      "org.caveat.decide.Basis", "org.caveat.parse.PackTestCase");

  static final DescribedPredicate<JavaClass> CORE_INTERNALS = DescribedPredicate.describe(
      "caveat-core internals (parse, check, compile, program, decide but its verdict types, explain.Explainer)",
      type -> internal(type.getBaseComponentType()));

  private static boolean internal(JavaClass c) {
    return !SURFACE_EXCEPTIONS.contains(c.getName())
        && (resideInAnyPackage("org.caveat.parse..", "org.caveat.check..", "org.caveat.compile..",
            "org.caveat.program..", "org.caveat.decide..").test(c)
            || c.getName().equals("org.caveat.explain.Explainer"));
  }

  @Test
  void frontEndsUseOnlyThePublicSurfaceOfTheCore() {
    noClasses().should().dependOnClassesThat(CORE_INTERNALS)
        .because("front ends read descriptions (Caveat.grants(): GrantInfo, VersionInfo), answers and diagnostics;"
            + " the compiled program is the core's own (org/caveat/package-info.java)")
        .check(FRONT_ENDS);
  }

  @Test
  void frontEndsNeverAskForTheCompiledGrants() {
    noClasses().should().callMethod(Caveat.class, "compiledGrants")
        .because("Caveat.compiledGrants() serves core's diff tools; front ends use Caveat.grants()")
        .check(FRONT_ENDS);
  }
}
