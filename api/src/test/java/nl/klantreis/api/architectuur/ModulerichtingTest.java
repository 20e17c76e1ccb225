package nl.klantreis.api.architectuur;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The module direction of ARCHITECTURE.md and ADR 0020, checked on the compiled classes of all modules
 * that are on this module's classpath: api -> projections -> infrastructuur -> core-domain and
 * api -> bronnen -> infrastructuur, never back;
 * the simulator (simulatie, here only for the tests) is used by nobody in the engine; no Spring in
 * core-domain (Axon's own annotations are allowed there); no cycles between capabilities.
 */
class ModulerichtingTest {
    private static final JavaClasses KLASSEN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("nl.klantreis");

    @Test
    void domein_hangtNietAfVanAndereModules() {
        noClasses().that().resideInAPackage("nl.klantreis.domein..")
                .should().dependOnClassesThat().resideInAnyPackage("nl.klantreis.infrastructuur..",
                        "nl.klantreis.projecties..", "nl.klantreis.simulatie..", "nl.klantreis.api..",
                        "nl.klantreis.replay..")
                .check(KLASSEN);
    }

    @Test
    void infrastructuur_hangtNietAfVanLeeskantOfToepassingen() {
        noClasses().that().resideInAPackage("nl.klantreis.infrastructuur..")
                .should().dependOnClassesThat().resideInAnyPackage("nl.klantreis.projecties..",
                        "nl.klantreis.simulatie..", "nl.klantreis.api..", "nl.klantreis.replay..")
                .check(KLASSEN);
    }

    @Test
    void bronnen_hangenAlleenAfVanInfrastructuurEnDomein() {
        // The source adapter hands CloudEvents to whoever calls it; the engine and the tools wire it, not the reverse.
        noClasses().that().resideInAPackage("nl.klantreis.bronnen..")
                .should().dependOnClassesThat().resideInAnyPackage("nl.klantreis.projecties..", "nl.klantreis.simulatie..",
                        "nl.klantreis.api..", "nl.klantreis.replay..")
                .check(KLASSEN);
        noClasses().that().resideInAnyPackage("nl.klantreis.infrastructuur..", "nl.klantreis.domein..",
                        "nl.klantreis.projecties..")
                .should().dependOnClassesThat().resideInAPackage("nl.klantreis.bronnen..")
                .check(KLASSEN);
    }

    @Test
    void projecties_hangenNietAfVanApiOfSimulatie() {
        noClasses().that().resideInAPackage("nl.klantreis.projecties..")
                .should().dependOnClassesThat().resideInAnyPackage("nl.klantreis.simulatie..", "nl.klantreis.api..",
                        "nl.klantreis.replay..")
                .check(KLASSEN);
    }

    @Test
    void simulatie_hangtNietAfVanLeeskantOfToepassingen() {
        noClasses().that().resideInAPackage("nl.klantreis.simulatie..")
                .should().dependOnClassesThat().resideInAnyPackage("nl.klantreis.projecties..", "nl.klantreis.api..",
                        "nl.klantreis.replay..")
                .check(KLASSEN);
    }

    @Test
    void api_gebruiktDeSimulatieNiet() {
        // The simulator is a test and tool aid: the engine itself never sends itself messages.
        noClasses().that().resideInAPackage("nl.klantreis.api..")
                .should().dependOnClassesThat().resideInAPackage("nl.klantreis.simulatie..")
                .check(KLASSEN);
    }

    @Test
    void projecties_zijnAlleenLeesmodellenEnHunMotor() {
        // Shared infrastructure (store, keys, reference data, signing, audit) lives in infrastructuur, so
        // that the write side and the tools need not reach into the read side for it.
        classes().that().resideInAPackage("nl.klantreis.projecties..")
                .should().resideInAnyPackage("nl.klantreis.projecties.leesmodel..", "nl.klantreis.projecties.klantreis..",
                        "nl.klantreis.projecties.mijnzaken..", "nl.klantreis.projecties.klantbeeld..",
                        "nl.klantreis.projecties.kpi..", "nl.klantreis.projecties.kanaaldag..",
                        "nl.klantreis.projecties.tijd..")
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
        slices().matching("nl.klantreis.infrastructuur.(*)..").should().beFreeOfCycles().check(KLASSEN);
        slices().matching("nl.klantreis.projecties.(*)..").should().beFreeOfCycles().check(KLASSEN);
        slices().matching("nl.klantreis.api.(*)..").should().beFreeOfCycles().check(KLASSEN);
    }
}
