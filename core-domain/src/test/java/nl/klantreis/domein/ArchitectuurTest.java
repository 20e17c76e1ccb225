package nl.klantreis.domein;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * core-domain is pure (STYLE.md "Code shape", ARCHITECTURE.md): no framework, no database, no
 * serialisation, no clock and no randomness; time and new ids come in with the commands. And the
 * capability packages do not depend on each other in a circle.
 */
@AnalyzeClasses(packages = "nl.klantreis.domein", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectuurTest {

    private static final DescribedPredicate<JavaMethodCall> NOW_VAN_JAVA_TIME =
            new DescribedPredicate<>("now() of a java.time class") {
                @Override
                public boolean test(JavaMethodCall aanroep) {
                    return aanroep.getName().equals("now")
                            && aanroep.getTargetOwner().getPackageName().equals("java.time");
                }
            };

    @ArchTest
    static final ArchRule geenSpringDatabaseOfJackson = noClasses()
            .that().resideInAPackage("nl.klantreis.domein..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "java.sql..", "javax.sql..", "com.fasterxml.jackson..")
            .because("the domain is plain Java plus Axon's annotations; adapters live in other modules");

    @ArchTest
    static final ArchRule geenCyclusTussenCapaciteiten = slices()
            .matching("nl.klantreis.domein.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule geenKlok = noClasses()
            .that().resideInAPackage("nl.klantreis.domein..")
            .should().callMethod(Instant.class, "now")
            .orShould().callMethod(LocalDate.class, "now")
            .orShould().callMethodWhere(NOW_VAN_JAVA_TIME)
            .orShould().callMethod(System.class, "currentTimeMillis")
            .orShould().callMethod(System.class, "nanoTime")
            .orShould().dependOnClassesThat().areAssignableTo(Clock.class)
            .because("time comes in with the command, so a replay gives the same answer");

    @ArchTest
    static final ArchRule geenToeval = noClasses()
            .that().resideInAPackage("nl.klantreis.domein..")
            .should().callMethod(UUID.class, "randomUUID")
            .orShould().callMethod(Math.class, "random")
            .orShould().dependOnClassesThat().areAssignableTo(Random.class)
            .because("new ids come in with the command or are derived from the facts (UUID.nameUUIDFromBytes)");

    /** The rules above must be able to fail: fed a class that breaks them, each reports it. */
    @Test
    void deRegels_vangenEenOvertreder() {
        JavaClasses overtreder = new ClassFileImporter().importClasses(Overtreder.class);

        for (ArchRule regel : List.of(geenKlok, geenToeval)) {
            assertThat(regel.evaluate(overtreder).hasViolation()).as(regel.getDescription()).isTrue();
        }
        assertThat(geenKlok.evaluate(overtreder).getFailureReport().getDetails())
                .anyMatch(regel -> regel.contains("Instant.now()"))
                .anyMatch(regel -> regel.contains("LocalDate.now()"))
                .anyMatch(regel -> regel.contains("ZonedDateTime.now("))
                .anyMatch(regel -> regel.contains("Clock"));
        assertThat(geenToeval.evaluate(overtreder).getFailureReport().getDetails())
                .anyMatch(regel -> regel.contains("UUID.randomUUID()"))
                .anyMatch(regel -> regel.contains("Random"));
    }

    @Test
    void deRegels_latenZuiverDomeinToe() {
        JavaClasses zuiver = new ClassFileImporter().importClasses(Zuiver.class);

        for (ArchRule regel : List.of(geenSpringDatabaseOfJackson, geenKlok, geenToeval)) {
            assertThat(regel.evaluate(zuiver).hasViolation()).as(regel.getDescription()).isFalse();
        }
    }

    /** Everything the domain must not do (test code only). */
    @SuppressWarnings("unused")
    static final class Overtreder {
        Object alles(Clock klok) {
            return List.of(Instant.now(), LocalDate.now(), java.time.ZonedDateTime.now(klok), UUID.randomUUID(),
                    new Random().nextInt());
        }
    }

    /** What the domain does instead: time and ids come in. */
    @SuppressWarnings("unused")
    static final class Zuiver {
        Object alles(Instant op, byte[] naam) {
            return List.of(op.atZone(java.time.ZoneId.of("Europe/Amsterdam")).toLocalDate(),
                    UUID.nameUUIDFromBytes(naam));
        }
    }
}
