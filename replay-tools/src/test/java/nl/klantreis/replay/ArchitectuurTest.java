package nl.klantreis.replay;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import nl.klantreis.replay.commandoregel.KentEenCapaciteit;
import nl.klantreis.replay.kringheen.Heen;
import nl.klantreis.replay.kringterug.Terug;

/**
 * The tool's packages: one per capability (verzenden, export, kpi, audit, projectie, toon, token)
 * on the shared command-line plumbing ({@code commandoregel}), with the root command
 * {@link KlantreisGereedschap} on top. A change to one command should touch one package, so the capabilities
 * do not use each other, the plumbing knows none of them, and nothing below the top knows the top.
 */
@AnalyzeClasses(packages = "nl.klantreis.replay", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectuurTest {
    private static final String COMMANDOREGEL = "nl.klantreis.replay.commandoregel..";

    @ArchTest
    static final ArchRule geenKringTussenPakketten = slices()
            .matching("nl.klantreis.replay.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule capaciteitenGebruikenElkaarNiet = slices()
            .matching("nl.klantreis.replay.(*)..")
            .should().notDependOnEachOther()
            .ignoreDependency(alwaysTrue(), resideInAPackage(COMMANDOREGEL))
            .because("what two commands share belongs in commandoregel, or in the engine's modules");

    @ArchTest
    static final ArchRule commandoregelKentGeenCapaciteit = noClasses()
            .that().resideInAPackage(COMMANDOREGEL)
            .should().dependOnClassesThat(resideInAPackage("nl.klantreis.replay..")
                    .and(resideOutsideOfPackage(COMMANDOREGEL)))
            .because("the plumbing is shared by every command and so cannot depend on one");

    @ArchTest
    static final ArchRule alleenDeTopKentDeTop = noClasses()
            .that().resideInAPackage("nl.klantreis.replay..").and().resideOutsideOfPackage("nl.klantreis.replay")
            .should().dependOnClassesThat().resideInAPackage("nl.klantreis.replay")
            .because("the root command lists every command: a command that knew it would close a cycle"
                    + " the slices above cannot see (the root package is in no slice)");

    /** The rules above must be able to fail: fed classes that break them, each reports it. */
    @Test
    void deRegels_vangenEenOvertreder() {
        JavaClasses overtreders = new ClassFileImporter().importClasses(Heen.class, Terug.class, KlantreisGereedschap.class,
                KentEenCapaciteit.class);

        for (ArchRule regel : List.of(geenKringTussenPakketten, capaciteitenGebruikenElkaarNiet,
                commandoregelKentGeenCapaciteit, alleenDeTopKentDeTop)) {
            assertThat(regel.evaluate(overtreders).hasViolation()).as(regel.getDescription()).isTrue();
        }
    }
}
