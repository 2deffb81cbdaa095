package dev.descent.api.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module rules, checked on the compiled classes of all three modules: the engine is plain Java + DL4J,
 * persistence neither trains nor speaks HTTP, the web layer reaches storage and the engine only through the
 * application services, the workers, the playground and the gradient-check service, and no module has a cycle between
 * its packages (each package is a slice of its own, so a package may depend on a sibling or a parent only when neither
 * depends back). The picture these rules keep true is {@code docs/architecture.md}.
 */
class ModuleRulesTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.descent");
  }

  @Test
  void theEngineKnowsNothingOfSpringJpaHttpOrTheOtherModules() {
    // The engine is plain Java + DL4J: it must run inside a notebook, a benchmark or a test without any framework.
    noDependencies("dev.descent.engine..", "org.springframework..", "jakarta.persistence..", "jakarta.servlet..",
        "java.sql..", "dev.descent.persistence..", "dev.descent.api..");
  }

  @Test
  void persistenceKnowsNothingOfDl4jHttpOrTheOtherModules() {
    // Persistence stores what the api hands it; it never trains, and never speaks HTTP.
    noDependencies("dev.descent.persistence..", "org.deeplearning4j..", "org.nd4j..", "org.springframework.web..",
        "jakarta.servlet..", "dev.descent.engine..", "dev.descent.api..");
  }

  @Test
  void controllersGoThroughApplicationServicesNotStorage() {
    // Transaction boundaries live in the application services (api.job); the web layer may read persistence's
    // immutable views (records, enums) that those services return, but never calls a store, a queue or JDBC.
    DescribedPredicate<JavaClass> storage =
        JavaClass.Predicates.resideInAnyPackage("dev.descent.persistence..")
            .and(DescribedPredicate.describe("not a record or enum", c -> !c.isRecord() && !c.isEnum()));
    ArchRule rule =
        noClasses()
            .that().resideInAPackage("dev.descent.api.web..")
            .should().dependOnClassesThat(storage)
            .orShould().dependOnClassesThat()
            .resideInAnyPackage("org.springframework.jdbc..", "jakarta.persistence..");
    rule.check(classes);
  }

  @Test
  void theEngineIsDrivenOnlyByTheWorkersThePlaygroundAndTheGradientCheckService() {
    // Training runs off any request thread: only the worker pool runs the engine and only the playground service runs
    // optimizer paths (the configuration builds both; the web layer may read the points a path returns).
    noClasses()
        .that().resideInAPackage("dev.descent.api..")
        .and().resideOutsideOfPackages("dev.descent.api.worker..", "dev.descent.api.config..")
        .should().dependOnClassesThat().haveFullyQualifiedName("dev.descent.engine.TrainingEngine")
        .check(classes);
    noClasses()
        .that().resideInAPackage("dev.descent.api..")
        .and().resideOutsideOfPackages("dev.descent.api.playground..", "dev.descent.api.config..")
        .should().dependOnClassesThat().haveFullyQualifiedName("dev.descent.engine.playground.Playground")
        .check(classes);
    // Gradient checks are bounded and run on the request thread, but only through their application service.
    noClasses()
        .that().resideInAPackage("dev.descent.api..")
        .and().resideOutsideOfPackages("dev.descent.api.diagnostics..", "dev.descent.api.config..")
        .should().dependOnClassesThat().haveFullyQualifiedName("dev.descent.engine.diagnostics.GradientCheck")
        .check(classes);
  }

  @Test
  void theEnginePackagesAreFreeOfCycles() {
    // The spec grammar sits above the families it reads (optimizers, schedules, inits, full-batch, online), which
    // sit above dev.descent.engine.validation; data files are read in dev.descent.engine.data.files.
    slices().matching("dev.descent.engine.(**)").should().beFreeOfCycles().check(classes);
    // The pattern above leaves the root package out; this one makes it a slice of its own ("engine").
    slices().matching("dev.descent.(**)").should().beFreeOfCycles().check(module("dev.descent.engine.."));
  }

  @Test
  void theSpecReaderAndTheDataFilesStandOnNoOtherEnginePackage() {
    // Every spec family reads with engine.validation and the spec reader opens files with engine.data.files; were
    // either to use a family or the spec, the cycles this layering removed would come back.
    for (String foundation : new String[] {"dev.descent.engine.validation..", "dev.descent.engine.data.files.."}) {
      noClasses()
          .that().resideInAPackage(foundation)
          .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("dev.descent.engine..")
              .and(DescribedPredicate.not(JavaClass.Predicates.resideInAPackage(foundation))))
          .check(classes);
    }
  }

  @Test
  void thePersistenceAndApiPackagesAreFreeOfCycles() {
    slices().matching("dev.descent.(**)").should().beFreeOfCycles().check(module("dev.descent.persistence.."));
    slices().matching("dev.descent.(**)").should().beFreeOfCycles().check(module("dev.descent.api.."));
  }

  private static JavaClasses module(String packages) {
    return classes.that(JavaClass.Predicates.resideInAPackage(packages));
  }

  private static void noDependencies(String module, String... forbidden) {
    noClasses().that().resideInAPackage(module).should().dependOnClassesThat().resideInAnyPackage(forbidden)
        .check(classes);
  }
}
