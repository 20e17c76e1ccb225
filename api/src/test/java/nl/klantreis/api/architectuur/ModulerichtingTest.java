package nl.klantreis.api.architectuur;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The module direction of ARCHITECTURE.md, checked on the compiled classes of all modules that
 * are on this module's classpath: api -> projections -> core-domain, never back; no Spring in
 * core-domain (Axon's own annotations are allowed there); no cycles between capabilities.
 */
class ModulerichtingTest {
    private static final JavaClasses KLASSEN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("nl.klantreis");

    @Test
    void domein_hangtNietAfVanProjectiesOfApi() {
        noClasses().that().resideInAPackage("nl.klantreis.domein..")
                .should().dependOnClassesThat().resideInAnyPackage("nl.klantreis.projecties..", "nl.klantreis.api..",
                        "nl.klantreis.replay..")
                .check(KLASSEN);
    }

    @Test
    void projecties_hangenNietAfVanApi() {
        noClasses().that().resideInAPackage("nl.klantreis.projecties..")
                .should().dependOnClassesThat().resideInAnyPackage("nl.klantreis.api..", "nl.klantreis.replay..")
                .check(KLASSEN);
    }

    @Test
    void domein_gebruiktGeenSpringJdbcOfJackson() {
        noClasses().that().resideInAPackage("nl.klantreis.domein..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..", "javax.sql..",
                        "com.fasterxml.jackson..", "jakarta.persistence..")
                .check(KLASSEN);
    }

    @Test
    void capaciteiten_vormenGeenKringen() {
        slices().matching("nl.klantreis.domein.(*)..").should().beFreeOfCycles().check(KLASSEN);
        slices().matching("nl.klantreis.projecties.(*)..").should().beFreeOfCycles().check(KLASSEN);
        slices().matching("nl.klantreis.api.(*)..").should().beFreeOfCycles().check(KLASSEN);
    }
}
