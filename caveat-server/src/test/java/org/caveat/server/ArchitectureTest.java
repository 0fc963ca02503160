package org.caveat.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The service's packages, one way (DEVELOPERS.md): {@code problem} → {@code auth} → {@code http}
 * → {@code policy}, {@code ops} → {@code decide} → the features ({@code authzen}, {@code change},
 * {@code log}, {@code console}, {@code map}, {@code events}) → {@code CaveatServer}, which wires
 * them; storage is seen only through the interfaces of {@code org.caveat.store}.
 */
class ArchitectureTest {
  private static final JavaClasses SERVER = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("org.caveat.server");

  @Test
  void theServerSeesStorageOnlyThroughItsInterfaces() {
    noClasses().should().dependOnClassesThat().resideInAnyPackage("org.caveat.store.jdbc..",
            "org.caveat.store.merkle..")
        .because("the service is written against org.caveat.store; Store.open picks the implementation")
        .check(SERVER);
  }

  @Test
  void subPackagesDependOneWay() {
    layeredArchitecture().consideringOnlyDependenciesInLayers()
        .layer("problem").definedBy("org.caveat.server.problem..")
        .layer("auth").definedBy("org.caveat.server.auth..")
        .layer("http").definedBy("org.caveat.server.http..")
        .layer("policy").definedBy("org.caveat.server.policy..")
        .layer("ops").definedBy("org.caveat.server.ops..")
        .layer("decide").definedBy("org.caveat.server.decide..")
        .layer("features").definedBy("org.caveat.server.authzen..", "org.caveat.server.change..",
            "org.caveat.server.log..", "org.caveat.server.console..", "org.caveat.server.map..",
            "org.caveat.server.events..")
        .layer("server").definedBy("org.caveat.server")
        .whereLayer("server").mayNotBeAccessedByAnyLayer()
        .whereLayer("features").mayOnlyBeAccessedByLayers("server")
        .whereLayer("decide").mayOnlyBeAccessedByLayers("features", "server")
        .whereLayer("ops").mayOnlyBeAccessedByLayers("decide", "features", "server")
        .whereLayer("policy").mayOnlyBeAccessedByLayers("decide", "features", "server")
        .whereLayer("http").mayOnlyBeAccessedByLayers("policy", "ops", "decide", "features", "server")
        .whereLayer("auth").mayOnlyBeAccessedByLayers("http", "policy", "ops", "decide", "features", "server")
        .whereLayer("problem").mayOnlyBeAccessedByLayers("auth", "http", "policy", "ops", "decide", "features",
            "server")
        .check(SERVER);
  }
}
