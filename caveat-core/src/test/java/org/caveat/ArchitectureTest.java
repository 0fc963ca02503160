package org.caveat;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.Test;

/**
 * The stages of the core and its boundaries, as the build enforces them (DEVELOPERS.md, "Modules
 * and packages"): parse → check → compile → program ← decide → explain. What runs never sees the
 * front end, the core never sees a transport, a database, a command line or a logging framework,
 * and no two packages depend on each other.
 */
class ArchitectureTest {
  private static final JavaClasses CORE = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("org.caveat");

  @Test
  void theRuntimeNeverReachesTheFrontEndJsonOrExplanations() {
    noClasses().that().resideInAnyPackage("org.caveat.program..", "org.caveat.decide..")
        .should().transitivelyDependOnClassesThat().resideInAnyPackage("org.caveat.parse..", "org.caveat.check..",
            "org.caveat.compile..", "org.caveat.json..", "org.caveat.explain..")
        .because("decide runs a compiled program; the front end, JSON and explanations are built on top of it")
        .check(CORE);
  }

  @Test
  void checkingBuildsNoProgram() {
    noClasses().that().resideInAPackage("org.caveat.check..")
        .should().dependOnClassesThat().resideInAnyPackage("org.caveat.compile..", "org.caveat.program..",
            "org.caveat.decide..")
        .because("check says what is wrong with a condition; compile lowers what it accepts")
        .check(CORE);
  }

  @Test
  void theCoreHasNoTransportDatabaseCommandLineOrLogging() {
    noClasses().should().dependOnClassesThat().resideInAnyPackage(
            "io.javalin..", "org.eclipse.jetty..",
            "java.sql..", "javax.sql..",
            "picocli..",
            "org.slf4j..", "java.util.logging..", "org.apache.logging..")
        .because("caveat-core is a library: the service, the store and the CLI are other modules")
        .check(CORE);
  }

  @Test
  void noTwoPackagesOfTheCoreDependOnEachOther() {
    slices().assignedFrom(packagesUnder("org.caveat")).should().beFreeOfCycles().check(CORE);
  }

  /** One slice per package directly under {@code root}, and one for {@code root} itself. */
  static SliceAssignment packagesUnder(String root) {
    return new SliceAssignment() {
      @Override
      public SliceIdentifier getIdentifierOf(JavaClass c) {
        String p = c.getPackageName();
        if (p.equals(root)) return SliceIdentifier.of(root);
        if (!p.startsWith(root + ".")) return SliceIdentifier.ignore();
        return SliceIdentifier.of(root + "." + p.substring(root.length() + 1).split("\\.")[0]);
      }

      @Override
      public String getDescription() {
        return "packages directly under " + root + " (and " + root + " itself)";
      }
    };
  }
}
