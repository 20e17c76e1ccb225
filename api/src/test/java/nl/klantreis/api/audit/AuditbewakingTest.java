package nl.klantreis.api.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import nl.klantreis.infrastructuur.Verstelbareklok;
import nl.klantreis.infrastructuur.TestDatabase;
import nl.klantreis.infrastructuur.audit.Integriteitscontrole;
import nl.klantreis.infrastructuur.audit.Integriteitscontrole.Ketenpunt;
import nl.klantreis.infrastructuur.audit.Integriteitsrapport;

/**
 * The engine watches its own audit chains (for the alert AuditketenGebroken): a whole walk first,
 * then only what was added; a change to a new record, a replaced sound point or a cut-off end is
 * found by the cheap check, a change to an old record by the next whole walk; the meters say so.
 */
class AuditbewakingTest {
    private final Verstelbareklok klok = new Verstelbareklok(Instant.parse("2026-12-06T12:00:00Z"));

    @Test
    void eerstVolledigDanAlleenHetNieuwe_enDeMetersZeggenHetOok() {
        AuditschrijverTest.Losse losse = new AuditschrijverTest.Losse(TestDatabase.nieuweDatabase());
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        Auditbewaking bewaking = new Auditbewaking(losse.controle(), meters, Duration.ofMinutes(1), Duration.ofHours(24), klok);
        assertThat(meters.get("klantreis.audit.keten.intact").gauge().value()).isNaN();
        losse.schrijf(10);

        Integriteitsrapport eerste = bewaking.controleer();
        assertThat(eerste.intact()).isTrue();
        assertThat(eerste.records()).isEqualTo(20);
        losse.schrijf(5);
        klok.zet(klok.instant().plusSeconds(60));
        Integriteitsrapport tweede = bewaking.controleer();
        assertThat(tweede.intact()).isTrue();
        assertThat(tweede.records()).as("alleen de nieuwe records").isEqualTo(10);

        assertThat(meters.get("klantreis.audit.keten.intact").gauge().value()).isEqualTo(1.0);
        assertThat(meters.get("klantreis.audit.keten.gecontroleerd.seconden").gauge().value())
                .isEqualTo(klok.instant().getEpochSecond());
        assertThat(meters.get("klantreis.audit.keten.controles").tag("soort", "volledig").tag("uitkomst", "intact")
                .counter().count()).isEqualTo(1);
        assertThat(meters.get("klantreis.audit.keten.controles").tag("soort", "nieuw").tag("uitkomst", "intact")
                .counter().count()).isEqualTo(1);
    }

    @Test
    void eenGewijzigdNieuwRecordVindtDeGoedkopeControle_eenOudPasDeVolledige() {
        AuditschrijverTest.Losse losse = new AuditschrijverTest.Losse(TestDatabase.nieuweDatabase());
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        Auditbewaking bewaking = new Auditbewaking(losse.controle(), meters, Duration.ofMinutes(1), Duration.ofHours(24), klok);
        losse.schrijf(10);
        assertThat(bewaking.controleer().intact()).isTrue();

        // An old record (before the sound point): the minute's check does not look there...
        losse.alsAanvaller("update verwerking set doel = 'x' where volgnummer = 3");
        klok.zet(klok.instant().plusSeconds(60));
        assertThat(bewaking.controleer().intact()).isTrue();
        // ...the whole walk of the next day does.
        klok.zet(klok.instant().plus(Duration.ofHours(24)));
        Integriteitsrapport volledig = bewaking.controleer();
        assertThat(volledig.eersteBreuk()).isEqualTo(new Integriteitsrapport.Breuk("verwerking", 3, "gewijzigd"));
        assertThat(meters.get("klantreis.audit.keten.intact").gauge().value()).isZero();
        assertThat(meters.get("klantreis.audit.keten.controles").tag("soort", "volledig").tag("uitkomst", "gebroken")
                .counter().count()).isEqualTo(1);

        // Repaired (as a restore would): the next check walks whole again and finds it sound.
        losse.alsAanvaller("update verwerking set doel = (select doel from verwerking where volgnummer = 4)"
                + " where volgnummer = 3");
        klok.zet(klok.instant().plusSeconds(60));
        assertThat(bewaking.controleer().intact()).isTrue();
        assertThat(meters.get("klantreis.audit.keten.intact").gauge().value()).isEqualTo(1.0);
    }

    @Test
    void nieuweRecordsGewijzigd_puntVervangen_ofEindAfgekapt_vindtDeGoedkopeControle() {
        AuditschrijverTest.Losse losse = new AuditschrijverTest.Losse(TestDatabase.nieuweDatabase());
        Integriteitscontrole controle = losse.controle();
        losse.schrijf(10);
        Integriteitsrapport basis = controle.controleer();
        Map<String, Ketenpunt> punten = Map.of(
                "verwerking", Ketenpunt.eindVan(basis.ketens().get(0)),
                "gebruikersaudit", Ketenpunt.eindVan(basis.ketens().get(1)));
        losse.schrijf(5);
        assertThat(controle.controleerVanaf(punten).intact()).isTrue();

        losse.alsAanvaller("update gebruikersaudit set hash = decode(repeat('00', 32), 'hex') where volgnummer = 10");
        assertThat(controle.controleerVanaf(punten).eersteBreuk())
                .isEqualTo(new Integriteitsrapport.Breuk("gebruikersaudit", 10, "gewijzigd"));

        losse.alsAanvaller("update verwerking set doel = 'x' where volgnummer = 12");
        assertThat(controle.controleerVanaf(punten).eersteBreuk())
                .isEqualTo(new Integriteitsrapport.Breuk("verwerking", 12, "gewijzigd"));

        losse.alsAanvaller("delete from verwerking where volgnummer >= 10");
        assertThat(controle.controleerVanaf(punten).eersteBreuk())
                .isEqualTo(new Integriteitsrapport.Breuk("verwerking", 10, "verwijderd"));
    }

    @Test
    void eenOnbereikbareDatabaseIsEenMisluktecontrole_geenBreuk() {
        AuditschrijverTest.Losse losse = new AuditschrijverTest.Losse(TestDatabase.nieuweDatabase());
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        Auditbewaking bewaking = new Auditbewaking(losse.controle(), meters, Duration.ofMinutes(1), Duration.ofHours(24), klok);
        losse.schrijf(3);
        assertThat(bewaking.controleer().intact()).isTrue();
        new JdbcTemplate(losse.database()).execute("alter table verwerking rename to verwerking_weg");
        klok.zet(klok.instant().plusSeconds(60));
        assertThat(bewaking.controleer()).isNull();
        assertThat(meters.get("klantreis.audit.keten.intact").gauge().value()).as("geen breuk gezien").isEqualTo(1.0);
        assertThat(meters.get("klantreis.audit.keten.controles").tag("soort", "nieuw").tag("uitkomst", "mislukt")
                .counter().count()).isEqualTo(1);
    }
}
