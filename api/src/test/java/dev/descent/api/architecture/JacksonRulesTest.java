package dev.descent.api.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.descent.api.playground.PlaygroundService;
import org.junit.jupiter.api.Test;

/**
 * The api module speaks Jackson 3 ({@code tools.jackson}, Spring Boot 4's); Jackson 2 only where it hands JSON to
 * the engine, whose spec API takes Jackson 2 trees: {@link PlaygroundService}. (Annotations, shared by both, are
 * not part of the rule.)
 */
class JacksonRulesTest {
  @Test
  void jackson2IsConfinedToTheOneAdapterToTheEngine() {
    noClasses()
        .that().resideInAPackage("dev.descent.api..")
        .and().doNotBelongToAnyOf(PlaygroundService.class)
        .should().dependOnClassesThat()
        .resideInAnyPackage("com.fasterxml.jackson.databind..", "com.fasterxml.jackson.core..")
        .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.descent.api"));
  }
}
