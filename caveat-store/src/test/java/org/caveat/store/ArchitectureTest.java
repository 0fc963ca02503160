package org.caveat.store;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/**
 * The store's interfaces ({@code org.caveat.store}) know no implementation: {@link Store#open}
 * finds {@code jdbc} through {@link StoreProvider}, so the implementations depend on the
 * interfaces and never the other way, and the sub-packages form no cycle.
 */
class ArchitectureTest {
  private static final JavaClasses STORE = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("org.caveat.store");

  @Test
  void theInterfacesKnowNoImplementation() {
    noClasses().that().resideInAPackage("org.caveat.store")
        .should().dependOnClassesThat().resideInAnyPackage("org.caveat.store.jdbc..", "org.caveat.store.merkle..",
            "org.caveat.store.head..")
        .because("every user of the store sees org.caveat.store; Store.open finds the implementation by ServiceLoader")
        .check(STORE);
  }

  @Test
  void theSubPackagesFormNoCycle() {
    slices().matching("org.caveat.store.(*)..").should().beFreeOfCycles().check(STORE);
  }

  @Test
  void openFindsTheJdbcImplementation() {
    assertThat(ServiceLoader.load(StoreProvider.class).stream().map(p -> p.type().getName()))
        .containsExactly("org.caveat.store.jdbc.JdbcStoreProvider");
  }
}
